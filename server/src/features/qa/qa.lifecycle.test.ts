import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaSessionDto, QaSnapshotDto, QuestionDto } from "@rembuk/shared";
import { signedIn } from "../../test/factories.js";
import type { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { Question } from "./question.model.js";
import { Vote } from "./vote.model.js";
import { CSV_COLUMNS } from "./qa.export.js";
import { clientId, createSession, makeRoom } from "./test/fixtures.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

async function ask(agent: Agent, sessionId: string, text: string, extra: { anonymous?: boolean } = {}) {
  const res = await agent.post<{ question: QuestionDto }>(`/api/qa/${sessionId}/questions`, { text, clientId: clientId(), ...extra });
  expect(res.status).toBe(201);
  return res.body.question;
}

const moderate = (agent: Agent, id: string, body: Record<string, unknown>) =>
  agent.post<{ question: QuestionDto }>(`/api/questions/${id}/moderate`, body);

describe("merging duplicates", () => {
  it("counts a person who voted for both questions once, and moves every other voter", async () => {
    const room = await makeRoom();
    const host = await signedIn(server, "member", { verified: true });
    const [both, onlyA, onlyB] = await Promise.all([signedIn(server), signedIn(server), signedIn(server)]);
    const session = await createSession(host.agent, room.slug, { moderated: false, allowAnonymous: false });
    const a = await ask(host.agent, session.id, "Berapa biaya internet desa per bulan?");
    const b = await ask(host.agent, session.id, "Biaya langganan internet desa berapa?");
    for (const [who, q] of [[both, a], [both, b], [onlyA, a], [onlyB, b]] as const) {
      expect((await who.agent.post(`/api/questions/${q.id}/vote`)).status).toBe(200);
    }
    // Voting twice is idempotent: still one vote.
    expect((await both.agent.post<{ question: QuestionDto }>(`/api/questions/${a.id}/vote`)).body.question.votes).toBe(2);

    const merged = await moderate(host.agent, a.id, { action: "merge", intoId: b.id });
    expect(merged.status).toBe(200);
    expect(merged.body.question).toMatchObject({ id: b.id, votes: 3 });
    expect(await Vote.countDocuments({ question: b.id })).toBe(3);
    expect(await Vote.countDocuments({ question: a.id })).toBe(0);
    expect((await Question.findById(a.id).lean())).toMatchObject({ status: "merged" });

    const snap = await onlyA.agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
    expect(snap.body.questions.map((q) => q.id)).toEqual([b.id]);
    expect(snap.body.questions[0]).toMatchObject({ votes: 3, voted: true });
    // The merged question takes no more votes; unvoting the target still works exactly.
    expect((await onlyA.agent.post(`/api/questions/${a.id}/vote`)).status).toBe(409);
    expect((await both.agent.delete<{ question: QuestionDto }>(`/api/questions/${b.id}/vote`)).body.question.votes).toBe(2);
  });

  it("refuses merging into itself, into a pending question, or by a participant, and changes nothing", async () => {
    const room = await makeRoom();
    const host = await signedIn(server, "member", { verified: true });
    const member = await signedIn(server);
    const session = await createSession(host.agent, room.slug, { moderated: true, allowAnonymous: false });
    const a = await ask(host.agent, session.id, "Pertanyaan moderator yang disetujui");
    const pending = await ask(member.agent, session.id, "Pertanyaan peserta yang menunggu");
    expect(pending.status).toBe("pending");
    expect((await moderate(host.agent, a.id, { action: "merge", intoId: a.id })).status).toBe(400);
    expect((await moderate(host.agent, a.id, { action: "merge", intoId: pending.id })).status).toBe(409);
    expect((await moderate(member.agent, pending.id, { action: "merge", intoId: a.id })).status).toBe(403);
    expect((await Question.findById(a.id).lean())?.status).toBe("approved");
    expect((await Question.findById(pending.id).lean())?.status).toBe("pending");
  });
});

describe("asking", () => {
  it("returns the same question for a retried clientId, never a second one", async () => {
    const room = await makeRoom();
    const host = await signedIn(server, "member", { verified: true });
    const member = await signedIn(server);
    const session = await createSession(host.agent, room.slug, { moderated: false, allowAnonymous: false });
    const body = { text: "Apakah aplikasinya bisa dipakai luring?", clientId: clientId() };
    const first = await member.agent.post<{ question: QuestionDto }>(`/api/qa/${session.id}/questions`, body);
    const retry = await member.agent.post<{ question: QuestionDto }>(`/api/qa/${session.id}/questions`, body);
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.question.id).toBe(first.body.question.id);
    expect(await Question.countDocuments({ session: session.id })).toBe(1);
  });

  it("refuses anonymous questions where they are off, guests, and asking after the end", async () => {
    const room = await makeRoom();
    const host = await signedIn(server, "member", { verified: true });
    const member = await signedIn(server);
    const session = await createSession(host.agent, room.slug, { moderated: false, allowAnonymous: false });
    const anon = await member.agent.post(`/api/qa/${session.id}/questions`, { text: "Boleh tanpa nama?", anonymous: true, clientId: clientId() });
    expect(anon.status).toBe(400);
    const guest = await fetch(`${server.url}/api/qa/${session.id}/questions`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ text: "Tamu bertanya", clientId: clientId() }),
    });
    expect(guest.status).toBe(401);
    expect((await host.agent.post(`/api/qa/${session.id}/status`, { status: "ended" })).status).toBe(200);
    const late = await member.agent.post(`/api/qa/${session.id}/questions`, { text: "Masih bisa bertanya?", clientId: clientId() });
    expect(late.status).toBe(409);
    expect(await Question.countDocuments({ session: session.id })).toBe(0);
  });

  it("limits how fast one person can ask", async () => {
    const room = await makeRoom();
    const host = await signedIn(server, "member", { verified: true });
    const member = await signedIn(server);
    const session = await createSession(host.agent, room.slug, { moderated: false, allowAnonymous: false });
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await member.agent.post(`/api/qa/${session.id}/questions`, { text: `Pertanyaan beruntun ${i}`, clientId: clientId() });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    expect(await Question.countDocuments({ session: session.id })).toBe(5);
  });

  it("limits how fast one person can vote, without miscounting the votes it let through", async () => {
    const room = await makeRoom();
    const host = await signedIn(server, "member", { verified: true });
    const member = await signedIn(server);
    const session = await createSession(host.agent, room.slug, { moderated: false, allowAnonymous: false });
    const q = await ask(host.agent, session.id, "Pertanyaan untuk uji batas suara");
    const statuses: number[] = [];
    for (let i = 0; i < 61; i++) {
      const res = i % 2 === 0 ? await member.agent.post(`/api/questions/${q.id}/vote`) : await member.agent.delete(`/api/questions/${q.id}/vote`);
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 60).every((s) => s === 200)).toBe(true);
    expect(statuses[60]).toBe(429);
    // 60 alternating calls end unvoted; the refused 61st (a vote) changed nothing.
    expect((await Question.findById(q.id).lean())?.votes).toBe(0);
    expect(await Vote.countDocuments({ question: q.id })).toBe(0);
  });

  it("lets only verified leaders and moderators open a session, and only hosts run it", async () => {
    const room = await makeRoom();
    const member = await signedIn(server);
    const refused = await member.agent.post(`/api/rooms/${room.slug}/qa`, { title: "Sesi tanpa izin", moderated: false, allowAnonymous: false });
    expect(refused.status).toBe(403);
    const host = await signedIn(server, "member", { verified: true });
    const session = await createSession(host.agent, room.slug, { moderated: false, allowAnonymous: false });
    expect((await member.agent.post(`/api/qa/${session.id}/status`, { status: "live" })).status).toBe(403);
    expect((await host.agent.post<{ session: QaSessionDto }>(`/api/qa/${session.id}/status`, { status: "live" })).body.session.status).toBe("live");
    expect((await host.agent.post(`/api/qa/${session.id}/status`, { status: "ended" })).status).toBe(200);
    expect((await host.agent.post(`/api/qa/${session.id}/status`, { status: "live" })).status).toBe(409);
  });
});

describe("ending a session keeps the knowledge", () => {
  it("creates the qa-archive thread with answers and follow-ups, and the CSV lists every question", async () => {
    const room = await makeRoom();
    const host = await signedIn(server, "member", { verified: true, name: "Ipuk Fiestiandani", title: "Bupati Banyuwangi" });
    const member = await signedIn(server, "member", { name: "Sri Wahyuni" });
    const session = await createSession(host.agent, room.slug, { moderated: true, allowAnonymous: true, title: "Smart Kampung Banyuwangi" });
    await host.agent.post(`/api/qa/${session.id}/status`, { status: "live" });

    const written = await ask(member.agent, session.id, "Berapa desa yang sudah terhubung internet?");
    const spoken = await ask(member.agent, session.id, "Siapa yang melatih operator desa?", { anonymous: true });
    const open = await ask(member.agent, session.id, "Bagaimana perawatan perangkatnya dibiayai?");
    await ask(member.agent, session.id, "Pertanyaan yang tidak sempat disetujui");
    const off = await ask(member.agent, session.id, "Pertanyaan di luar topik sesi");
    for (const q of [written, spoken, open]) expect((await moderate(host.agent, q.id, { action: "approve" })).status).toBe(200);
    expect((await moderate(host.agent, off.id, { action: "dismiss", reason: "Di luar topik" })).status).toBe(200);
    await moderate(host.agent, written.id, { action: "answer", answer: "Sudah **189 desa** terhubung serat optik." });
    await moderate(host.agent, spoken.id, { action: "answer" });
    await member.agent.post(`/api/questions/${open.id}/vote`);

    const ended = await host.agent.post<{ session: QaSessionDto }>(`/api/qa/${session.id}/status`, { status: "ended" });
    expect(ended.status).toBe(200);
    const threadId = ended.body.session.archiveThreadId;
    expect(threadId).toMatch(/^[a-f0-9]{24}$/);

    const thread = await member.agent.get<{ thread: { kind: string; title: string; roomSlug: string } }>(`/api/threads/${threadId}`);
    expect(thread.body.thread).toMatchObject({ kind: "qa-archive", title: "Arsip Tanya Jawab: Smart Kampung Banyuwangi", roomSlug: room.slug });
    const posts = await member.agent.get<{ posts: Array<{ body: string }> }>(`/api/threads/${threadId}/posts`);
    const body = posts.body.posts[0].body;
    expect(body).toContain("## Pertanyaan yang dijawab");
    expect(body).toContain("Berapa desa yang sudah terhubung internet?");
    expect(body).toContain("Sudah **189 desa** terhubung serat optik.");
    expect(body).toContain("Siapa yang melatih operator desa?");
    expect(body).toContain("Anonim");
    expect(body).toContain("## Tindak lanjut");
    expect(body).toMatch(/Bagaimana perawatan perangkatnya dibiayai\?.*penanggung jawab: \*\*Ipuk Fiestiandani\*\*, tenggat/);
    expect(body).not.toContain("tidak sempat disetujui");
    expect(body).not.toContain("di luar topik sesi");
    const followUp = await Question.findById(open.id).lean();
    expect(followUp?.followUp?.assignee.toString()).toBe(host.id);
    expect(followUp?.followUp?.dueAt.getTime()).toBeGreaterThan(Date.now() + 13 * 24 * 3600 * 1000);
    // Participants see who owes the answer, and by when; answered questions carry no follow-up.
    const after = await member.agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
    const shown = after.body.questions.find((q) => q.id === open.id);
    expect(shown?.followUp?.assignee.name).toBe("Ipuk Fiestiandani");
    expect(shown?.followUp?.dueAt).toBe(followUp?.followUp?.dueAt.toISOString());
    expect(after.body.questions.find((q) => q.id === written.id)?.followUp).toBeNull();

    // Ending again changes nothing and makes no second archive.
    const again = await host.agent.post<{ session: QaSessionDto }>(`/api/qa/${session.id}/status`, { status: "ended" });
    expect(again.body.session.archiveThreadId).toBe(threadId);

    const csv = await host.agent.get(`/api/qa/${session.id}/export.csv`);
    expect(csv.status).toBe(200);
    expect(csv.headers.get("content-type")).toMatch(/^text\/csv/);
    const lines = csv.text.replace(/^\uFEFF/, "").trim().split("\r\n");
    expect(lines[0]).toBe(CSV_COLUMNS.join(","));
    expect(lines).toHaveLength(6);
    const byText = (t: string) => lines.find((l) => l.includes(t)) ?? "";
    expect(byText("terhubung internet")).toContain(",answered,");
    expect(byText("terhubung internet")).toContain("Sri Wahyuni");
    expect(byText("melatih operator")).toMatch(/,answered,0,,yes,/);
    expect(byText("perawatan perangkatnya")).toMatch(/,approved,1,Sri Wahyuni,no,.*Ipuk Fiestiandani/);
    expect(byText("tidak sempat")).toContain(",pending,");
    expect(byText("luar topik sesi")).toContain("Di luar topik");

    expect((await member.agent.get(`/api/qa/${session.id}/export.csv`)).status).toBe(403);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QuestionDto } from "@rembuk/shared";
import { signedIn } from "../../test/factories.js";
import type { Agent } from "../../test/http.js";
import { connectSocket, type ClientSocket } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { auditDelta, auditRows } from "../moderation/test/fixtures.js";
import { clientId, createSession, makeRoom, ok } from "./test/fixtures.js";

/** Q&A moderation in the audit log: one row per action that changed something, none otherwise. */

let server: TestServer;
const sockets: ClientSocket[] = [];
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
});

async function ask(agent: Agent, sessionId: string, text: string) {
  const res = await agent.post<{ question: QuestionDto }>(`/api/qa/${sessionId}/questions`, {
    text,
    clientId: clientId(),
  });
  expect(res.status).toBe(201);
  return res.body.question;
}

const moderate = (agent: Agent, id: string, body: Record<string, unknown>) =>
  agent.post<{ question: QuestionDto }>(`/api/questions/${id}/moderate`, body);

async function setup() {
  const room = await makeRoom();
  const host = await signedIn(server, "member", { verified: true, name: "Rina Host" });
  const member = await signedIn(server);
  const session = await createSession(host.agent, room.slug, { moderated: true, allowAnonymous: false });
  expect((await host.agent.post(`/api/qa/${session.id}/status`, { status: "live" })).status).toBe(200);
  return { room, host, member, session };
}

describe("Q&A question moderation in the audit log", () => {
  it("writes exactly one row per action, with who, what, where, why and the changed fields", async () => {
    const { room, host, member, session: s } = await setup();
    const q = await ask(member.agent, s.id, "Kapan jaringan desa dipasang?");
    expect(q.status).toBe("pending");

    expect(
      await auditDelta(q.id, async () =>
        expect((await moderate(host.agent, q.id, { action: "approve" })).status).toBe(200),
      ),
    ).toBe(1);
    const [approve] = await auditRows(q.id, "qa.question.approve");
    expect(approve).toMatchObject({
      actorName: "Rina Host",
      targetType: "question",
      targetLabel: "Kapan jaringan desa dipasang?",
      roomSlug: room.slug,
      reason: null,
      before: { status: "pending" },
      after: { status: "approved" },
    });
    expect(approve.actorId?.toString()).toBe(host.id);
    expect(approve.roomIds.map(String)).toEqual([room.id]);

    expect(
      await auditDelta(q.id, async () =>
        expect((await moderate(host.agent, q.id, { action: "highlight" })).status).toBe(200),
      ),
    ).toBe(1);
    expect((await auditRows(q.id, "qa.question.highlight"))[0]).toMatchObject({
      before: { highlightedQuestion: null },
      after: { highlightedQuestion: q.id },
    });
    // Highlighting the highlighted question changes nothing.
    expect(
      await auditDelta(q.id, async () =>
        expect((await moderate(host.agent, q.id, { action: "highlight" })).status).toBe(200),
      ),
    ).toBe(0);
    expect(
      await auditDelta(q.id, async () =>
        expect((await moderate(host.agent, q.id, { action: "unhighlight" })).status).toBe(200),
      ),
    ).toBe(1);
    expect(
      await auditDelta(q.id, async () =>
        expect((await moderate(host.agent, q.id, { action: "unhighlight" })).status).toBe(200),
      ),
    ).toBe(0);

    expect(
      await auditDelta(q.id, async () =>
        expect(
          (await moderate(host.agent, q.id, { action: "edit", text: "Kapan jaringan desa mulai dipasang?" }))
            .status,
        ).toBe(200),
      ),
    ).toBe(1);
    expect((await auditRows(q.id, "qa.question.edit"))[0]).toMatchObject({
      before: { text: "Kapan jaringan desa dipasang?" },
      after: { text: "Kapan jaringan desa mulai dipasang?" },
    });
    // The same text again: a no-op.
    expect(
      await auditDelta(q.id, async () =>
        expect(
          (await moderate(host.agent, q.id, { action: "edit", text: "Kapan jaringan desa mulai dipasang?" }))
            .status,
        ).toBe(200),
      ),
    ).toBe(0);

    expect(
      await auditDelta(q.id, async () =>
        expect((await moderate(host.agent, q.id, { action: "answer", answer: "Bulan depan." })).status).toBe(
          200,
        ),
      ),
    ).toBe(1);
    expect((await auditRows(q.id, "qa.question.answer"))[0]).toMatchObject({
      before: { status: "approved", answer: null },
      after: { status: "answered", answer: "Bulan depan." },
    });
    // Answering again with nothing new: a no-op.
    expect(
      await auditDelta(q.id, async () =>
        expect((await moderate(host.agent, q.id, { action: "answer" })).status).toBe(200),
      ),
    ).toBe(0);

    const d = await ask(member.agent, s.id, "Pertanyaan di luar topik sesi ini");
    expect(
      await auditDelta(d.id, async () =>
        expect(
          (await moderate(host.agent, d.id, { action: "dismiss", reason: "Di luar topik" })).status,
        ).toBe(200),
      ),
    ).toBe(1);
    expect((await auditRows(d.id, "qa.question.dismiss"))[0]).toMatchObject({
      reason: "Di luar topik",
      before: { status: "pending", dismissReason: null },
      after: { status: "dismissed", dismissReason: "Di luar topik" },
    });

    const a = await ask(host.agent, s.id, "Berapa biaya internet desa per bulan?");
    const b = await ask(host.agent, s.id, "Biaya langganan internet desa berapa?");
    expect(
      await auditDelta(a.id, async () =>
        expect((await moderate(host.agent, a.id, { action: "merge", intoId: b.id })).status).toBe(200),
      ),
    ).toBe(1);
    expect((await auditRows(a.id, "qa.question.merge"))[0]).toMatchObject({
      before: { status: "approved", mergedInto: null },
      after: { status: "merged", mergedInto: b.id },
    });
    expect(await auditRows(b.id)).toHaveLength(0);
  });

  it("writes none for a no-op or a denied attempt, and one over the socket as over REST", async () => {
    const { host, member, session } = await setup();
    const q = await ask(member.agent, session.id, "Apakah ada pelatihan operator?");
    const hostSocket = await connectSocket(server.url, host.agent);
    sockets.push(hostSocket);

    // Denied: a participant cannot moderate.
    expect(
      await auditDelta(q.id, async () =>
        expect((await moderate(member.agent, q.id, { action: "approve" })).status).toBe(403),
      ),
    ).toBe(0);
    expect(
      await auditDelta(q.id, () =>
        ok(hostSocket.emitWithAck("qa:moderate", { questionId: q.id, action: "approve" })),
      ),
    ).toBe(1);
    // Approving an approved question is refused and logs nothing.
    expect(
      await auditDelta(q.id, async () =>
        expect((await moderate(host.agent, q.id, { action: "approve" })).status).toBe(409),
      ),
    ).toBe(0);
    expect(await auditRows(q.id, "qa.question.approve")).toHaveLength(1);
  });
});

describe("Q&A session status in the audit log", () => {
  it("logs going live and ending once each, and nothing for a repeat or a denied attempt", async () => {
    const room = await makeRoom();
    const host = await signedIn(server, "member", { verified: true });
    const member = await signedIn(server);
    const s = await createSession(host.agent, room.slug, {
      moderated: false,
      allowAnonymous: false,
      title: "Sesi audit",
    });

    expect(
      await auditDelta(s.id, async () =>
        expect((await member.agent.post(`/api/qa/${s.id}/status`, { status: "live" })).status).toBe(403),
      ),
    ).toBe(0);
    expect(
      await auditDelta(s.id, async () =>
        expect((await host.agent.post(`/api/qa/${s.id}/status`, { status: "live" })).status).toBe(200),
      ),
    ).toBe(1);
    expect(
      await auditDelta(s.id, async () =>
        expect((await host.agent.post(`/api/qa/${s.id}/status`, { status: "live" })).status).toBe(200),
      ),
    ).toBe(0);
    expect((await auditRows(s.id, "qa.session.live"))[0]).toMatchObject({
      targetType: "qaSession",
      targetLabel: "Sesi audit",
      roomSlug: room.slug,
      before: { status: "scheduled" },
      after: { status: "live" },
    });
    expect(
      await auditDelta(s.id, async () =>
        expect((await host.agent.post(`/api/qa/${s.id}/status`, { status: "ended" })).status).toBe(200),
      ),
    ).toBe(1);
    expect(
      await auditDelta(s.id, async () =>
        expect((await host.agent.post(`/api/qa/${s.id}/status`, { status: "ended" })).status).toBe(200),
      ),
    ).toBe(0);
    expect((await auditRows(s.id, "qa.session.end"))[0]).toMatchObject({
      before: { status: "live" },
      after: { status: "ended" },
    });

    // The log's filter and CSV take the new action names.
    const admin = await signedIn(server, "admin");
    const log = await admin.agent.get<{ entries: Array<{ action: string; targetId: string }> }>(
      `/api/moderation/log?action=qa.session.live&targetId=${s.id}`,
    );
    expect(log.status).toBe(200);
    expect(log.body.entries).toEqual([
      expect.objectContaining({ action: "qa.session.live", targetId: s.id }),
    ]);
    const csv = await admin.agent.get(`/api/moderation/log.csv?action=qa.session.end&targetId=${s.id}`);
    expect(csv.status).toBe(200);
    expect(csv.text).toContain("qa.session.end");
  });
});

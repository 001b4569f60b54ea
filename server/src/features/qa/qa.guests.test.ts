import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PollDto, QaParticipantRefDto, QaSessionDto, QaSnapshotDto, QuestionDto } from "@rembuk/shared";
import { signedIn, TEST_PASSWORD, uniqueEmail } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { connectSocket } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { clientId, createSession, makeRoom, ok, recordFrames } from "./test/fixtures.js";

/**
 * Acceptance 1 of issue 17: guests join by code over REST and sockets, and exist in that session only.
 * Longer than most test files on purpose: each describe is one acceptance story (join, socket, scope,
 * host setting, budgets, moderation and claim, analytics) sharing the helpers at the top.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

type Host = Awaited<ReturnType<typeof signedIn>>;

async function guestSession(opts: { guests?: "off" | "watch" | "participate"; moderated?: boolean } = {}) {
  const room = await makeRoom();
  const host = await signedIn(server, "member", { verified: true, name: "Bupati Penyelenggara" });
  const session = await createSession(host.agent, room.slug, {
    moderated: opts.moderated ?? true,
    allowAnonymous: true,
  });
  const patched = await host.agent.patch<{ session: QaSessionDto }>(`/api/qa/${session.id}`, {
    guests: opts.guests ?? "participate",
  });
  expect(patched.status).toBe(200);
  expect(patched.body.session.guests).toBe(opts.guests ?? "participate");
  return { room, host, session: patched.body.session };
}

async function joinAsGuest(
  code: string,
  body: { name?: string; anonymous?: boolean } = { name: "Tamu Dari Desa" },
) {
  const agent = new Agent(server.url);
  const res = await agent.post<{ participant: QaParticipantRefDto; session: QaSessionDto }>(
    `/api/qa/code/${code}/join`,
    body,
  );
  return { agent, res };
}

async function approvedQuestion(host: Host, sessionId: string, text: string): Promise<QuestionDto> {
  const res = await host.agent.post<{ question: QuestionDto }>(`/api/qa/${sessionId}/questions`, {
    text,
    clientId: clientId(),
  });
  expect(res.status).toBe(201);
  return res.body.question;
}

async function openPoll(host: Host, sessionId: string, showResults = false): Promise<PollDto> {
  const created = await host.agent.post<{ poll: PollDto }>(`/api/qa/${sessionId}/polls`, {
    kind: "choice",
    question: "Layanan mana yang paling dibutuhkan?",
    options: ["Akta kelahiran", "KTP", "KK"],
  });
  expect(created.status).toBe(201);
  const opened = await host.agent.post<{ poll: PollDto }>(`/api/polls/${created.body.poll.id}/status`, {
    status: "open",
    showResults,
  });
  expect(opened.status).toBe(200);
  return opened.body.poll;
}

describe("a guest joins by code over REST", () => {
  it("gets a signed HttpOnly cookie for that session and then asks, votes and answers like a member", async () => {
    const { host, session } = await guestSession();
    const open = await approvedQuestion(host, session.id, "Berapa anggaran jaringan desa per tahun?");
    const poll = await openPoll(host, session.id);

    const { agent, res } = await joinAsGuest(session.joinCode.toLowerCase(), { name: "Sari" });
    expect(res.status).toBe(201);
    expect(res.body.participant.name).toBe("Sari");
    expect(res.body.session.id).toBe(session.id);
    const setCookie = res.headers.getSetCookie().find((c) => c.startsWith(`rb_qg_${session.id}=`));
    expect(setCookie).toMatch(/HttpOnly/i);
    expect(setCookie).toMatch(/SameSite=Lax/i);

    // Joining again from the same device is the same participant, not a second one.
    const again = await agent.post<{ participant: QaParticipantRefDto }>(
      `/api/qa/code/${session.joinCode}/join`,
      {},
    );
    expect(again.body.participant.id).toBe(res.body.participant.id);

    const snap = await agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
    expect(snap.body.viewer).toMatchObject({
      signedIn: false,
      canAsk: true,
      canVote: true,
      canModerate: false,
    });
    expect(snap.body.viewer.guest).toEqual({ id: res.body.participant.id, name: "Sari" });
    expect(snap.body.polls.map((p) => p.id)).toEqual([poll.id]);

    const asked = await agent.post<{ question: QuestionDto }>(`/api/qa/${session.id}/questions`, {
      text: "Apakah warga bisa mengurus KK di desa?",
      clientId: clientId(),
    });
    expect(asked.status).toBe(201);
    expect(asked.body.question).toMatchObject({ status: "pending", mine: true });

    const voted = await agent.post<{ question: QuestionDto }>(`/api/questions/${open.id}/vote`);
    expect(voted.body.question).toMatchObject({ votes: 1, voted: true });

    const answered = await agent.post<{ poll: PollDto }>(`/api/polls/${poll.id}/answers`, { choices: [1] });
    expect(answered.status).toBe(200);
    expect(answered.body.poll.myAnswer).toEqual({ choices: [1] });
    expect(answered.body.poll.results).toBeUndefined();

    // The host sees the guest's question with the guest's name, and can approve it.
    const hostView = await host.agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
    const fromGuest = hostView.body.questions.find((q) => q.id === asked.body.question.id);
    expect(fromGuest?.author).toMatchObject({ name: "Sari", guest: true });
  });

  it("never shows a guest other people's pending questions or the asker of an anonymous one", async () => {
    const { host, session } = await guestSession();
    const member = await signedIn(server, "member", { name: "Penanya Rahasia" });
    const pending = await member.agent.post<{ question: QuestionDto }>(`/api/qa/${session.id}/questions`, {
      text: "Pertanyaan yang masih menunggu persetujuan",
      clientId: clientId(),
    });
    const anon = await member.agent.post<{ question: QuestionDto }>(`/api/qa/${session.id}/questions`, {
      text: "Pertanyaan anonim yang disetujui",
      anonymous: true,
      clientId: clientId(),
    });
    await host.agent.post(`/api/questions/${anon.body.question.id}/moderate`, { action: "approve" });

    const { agent } = await joinAsGuest(session.joinCode);
    const snap = await agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
    expect(snap.body.questions.map((q) => q.id)).toEqual([anon.body.question.id]);
    expect(snap.body.questions[0].author).toBeNull();
    expect(snap.text).not.toContain("Penanya Rahasia");
    expect(snap.text).not.toContain(pending.body.question.id);

    // Nor over the socket: the join snapshot and live frames alike.
    const socket = await connectSocket(server.url, agent);
    try {
      const frames = recordFrames(socket);
      const joined = await ok(socket.emitWithAck("qa:join", { sessionId: session.id }));
      expect(joined.questions.map((q) => q.id)).toEqual([anon.body.question.id]);
      await member.agent.post(`/api/qa/${session.id}/questions`, {
        text: "Satu lagi yang menunggu",
        clientId: clientId(),
      });
      await host.agent.post(`/api/qa/${session.id}/questions`, {
        text: "Penanda akhir dari host",
        clientId: clientId(),
      });
      await expect.poll(() => frames.join("\n")).toContain("Penanda akhir dari host");
      expect(frames.join("\n")).not.toContain("Satu lagi yang menunggu");
      expect(frames.join("\n")).not.toContain("Penanya Rahasia");
    } finally {
      socket.disconnect();
    }
  });
});

describe("a guest over the socket", () => {
  it("joins the session it has a cookie for, asks, votes and answers a poll; any other session is refused", async () => {
    const { host, session } = await guestSession({ moderated: false });
    const other = await guestSession();
    const open = await approvedQuestion(host, session.id, "Kapan layanan mulai di semua desa?");
    const poll = await openPoll(host, session.id, true);
    const { agent } = await joinAsGuest(session.joinCode, { anonymous: true });

    const socket = await connectSocket(server.url, agent);
    try {
      const joined = await ok(socket.emitWithAck("qa:join", { sessionId: session.id }));
      expect(joined.viewer.guest?.name).toBeNull();
      expect(joined.viewer.canVote).toBe(true);

      const asked = await ok(
        socket.emitWithAck("qa:ask", {
          sessionId: session.id,
          text: "Tanya dari ponsel tamu",
          clientId: clientId(),
        }),
      );
      expect(asked).toMatchObject({ status: "approved", mine: true });
      const voted = await ok(socket.emitWithAck("qa:vote", { questionId: open.id, up: true }));
      expect(voted.votes).toBe(1);
      const answered = await ok(socket.emitWithAck("qa:poll:answer", { pollId: poll.id, choices: [2] }));
      expect(answered.myAnswer).toEqual({ choices: [2] });
      expect(answered.results?.counts).toEqual([0, 0, 1]);

      const refused = await socket.emitWithAck("qa:join", { sessionId: other.session.id });
      expect(refused).toMatchObject({ ok: false, error: { code: "FORBIDDEN" } });
      const otherQ = await approvedQuestion(other.host, other.session.id, "Pertanyaan di sesi lain");
      const elsewhere = await socket.emitWithAck("qa:vote", { questionId: otherQ.id, up: true });
      expect(elsewhere).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
      const count = await other.host.agent.get<QaSnapshotDto>(`/api/qa/${other.session.id}`);
      expect(count.body.questions.find((q) => q.id === otherQ.id)?.votes).toBe(0);
    } finally {
      socket.disconnect();
    }
  });
});

describe("a guest cookie is worth nothing outside its session", () => {
  it("is refused in another session, even renamed, and on member-only endpoints", async () => {
    const a = await guestSession();
    const b = await guestSession();
    const bQuestion = await approvedQuestion(b.host, b.session.id, "Pertanyaan sesi B");
    const bPoll = await openPoll(b.host, b.session.id);
    const { agent } = await joinAsGuest(a.session.joinCode);
    const value = agent.cookie(`rb_qg_${a.session.id}`);
    expect(value).toBeTruthy();

    const tryAll = async (g: Agent) => [
      (
        await g.post(`/api/qa/${b.session.id}/questions`, {
          text: "Menyusup ke sesi B",
          clientId: clientId(),
        })
      ).status,
      (await g.post(`/api/questions/${bQuestion.id}/vote`)).status,
      (await g.post(`/api/polls/${bPoll.id}/answers`, { choices: [0] })).status,
    ];
    expect(await tryAll(agent)).toEqual([401, 401, 401]);
    // The same value under B's cookie name fails the signature (it was signed for session A).
    const forged = new Agent(server.url);
    forged.setCookie(`rb_qg_${b.session.id}`, value ?? "");
    expect(await tryAll(forged)).toEqual([401, 401, 401]);
    const bView = await b.host.agent.get<QaSnapshotDto>(`/api/qa/${b.session.id}`);
    expect(bView.body.questions.map((q) => q.text)).toEqual(["Pertanyaan sesi B"]);
    expect(bView.body.questions[0].votes).toBe(0);

    // Member-only endpoints, including its own session's host tools: the guest is a signed-out visitor.
    const memberOnly = [
      agent.get("/api/auth/me"),
      agent.post("/api/flags", { targetType: "thread", targetId: a.session.id, reason: "spam" }),
      agent.post(`/api/rooms/${a.room.slug}/threads`, {
        title: "Judul dari tamu",
        body: "Isi dari tamu yang mencoba",
        clientId: clientId(),
      }),
      agent.post(`/api/rooms/${a.room.slug}/qa`, {
        title: "Sesi dari tamu",
        moderated: false,
        allowAnonymous: false,
      }),
      agent.patch(`/api/qa/${a.session.id}`, { guests: "off" }),
      agent.post(`/api/qa/${a.session.id}/polls`, { kind: "rating", question: "Nilai dari tamu?" }),
      agent.get(`/api/qa/${a.session.id}/analytics`),
      agent.get(`/api/qa/${a.session.id}/export.csv`),
      agent.get(`/api/qa/${a.session.id}/participants`),
      agent.post(`/api/qa/${a.session.id}/claim`),
    ];
    expect((await Promise.all(memberOnly)).map((r) => r.status)).toEqual(memberOnly.map(() => 401));
  });
});

describe("the host's guest setting is enforced on the server", () => {
  it("watch only: guests read but cannot ask, vote or answer, over REST and socket; off: no joining", async () => {
    const { host, session } = await guestSession({ guests: "participate" });
    const open = await approvedQuestion(host, session.id, "Pertanyaan untuk ditonton");
    const poll = await openPoll(host, session.id);
    const { agent } = await joinAsGuest(session.joinCode);
    expect((await host.agent.patch(`/api/qa/${session.id}`, { guests: "watch" })).status).toBe(200);

    const snap = await agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
    expect(snap.body.questions.map((q) => q.id)).toEqual([open.id]);
    expect(snap.body.viewer).toMatchObject({ canAsk: false, canVote: false });
    const rest = await Promise.all([
      agent.post(`/api/qa/${session.id}/questions`, { text: "Boleh bertanya?", clientId: clientId() }),
      agent.post(`/api/questions/${open.id}/vote`),
      agent.post(`/api/polls/${poll.id}/answers`, { choices: [0] }),
    ]);
    expect(rest.map((r) => [r.status, (r.body as { error: { code: string } }).error.code])).toEqual([
      [403, "WATCH_ONLY"],
      [403, "WATCH_ONLY"],
      [403, "WATCH_ONLY"],
    ]);
    const socket = await connectSocket(server.url, agent);
    try {
      await ok(socket.emitWithAck("qa:join", { sessionId: session.id }));
      expect(await socket.emitWithAck("qa:vote", { questionId: open.id, up: true })).toMatchObject({
        ok: false,
        error: { code: "WATCH_ONLY" },
      });
      expect(await socket.emitWithAck("qa:poll:answer", { pollId: poll.id, choices: [0] })).toMatchObject({
        ok: false,
        error: { code: "WATCH_ONLY" },
      });
    } finally {
      socket.disconnect();
    }
    const hostView = await host.agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
    expect(hostView.body.questions.map((q) => [q.text, q.votes])).toEqual([["Pertanyaan untuk ditonton", 0]]);
    expect(hostView.body.polls[0].results?.total).toBe(0);

    await host.agent.patch(`/api/qa/${session.id}`, { guests: "off" });
    const late = await joinAsGuest(session.joinCode);
    expect(late.res.status).toBe(403);
    expect(late.res.body).toMatchObject({ error: { code: "GUESTS_OFF" } });
    expect(late.res.headers.getSetCookie()).toEqual([]);
  });

  it("lets guests in only where a signed-out visitor may read the room", async () => {
    const room = await makeRoom({ visibility: "members" });
    const host = await signedIn(server, "member", { verified: true });
    const session = await createSession(host.agent, room.slug, { moderated: false, allowAnonymous: false });
    const res = await host.agent.patch<{ error: { code: string; details: Record<string, unknown> } }>(
      `/api/qa/${session.id}`,
      {
        guests: "participate",
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details).toHaveProperty("guests");
    const { res: join } = await joinAsGuest(session.joinCode);
    expect(join.status).toBe(401);
  });
});

describe("guest budgets", () => {
  it("are per device: one guest's flood is refused while another guest on the same address still asks", async () => {
    const { session } = await guestSession({ moderated: true });
    const { agent: flooder } = await joinAsGuest(session.joinCode);
    const { agent: neighbour } = await joinAsGuest(session.joinCode);
    const statuses: number[] = [];
    for (let i = 0; i < 6; i++) {
      const res = await flooder.post(`/api/qa/${session.id}/questions`, {
        text: `Pertanyaan banjir ${i + 1}`,
        clientId: clientId(),
      });
      statuses.push(res.status);
    }
    expect(statuses).toEqual([201, 201, 201, 201, 201, 429]);
    const other = await neighbour.post(`/api/qa/${session.id}/questions`, {
      text: "Pertanyaan tetangga",
      clientId: clientId(),
    });
    expect(other.status).toBe(201);
  });
});

describe("moderating and claiming guests", () => {
  it("a blocked guest can no longer ask, vote or rejoin; unblocked, they can", async () => {
    const { host, session } = await guestSession({ moderated: false });
    const { agent, res } = await joinAsGuest(session.joinCode);
    const guestId = res.body.participant.id;
    const asked = await agent.post<{ question: QuestionDto }>(`/api/qa/${session.id}/questions`, {
      text: "Pertanyaan yang tidak pantas",
      clientId: clientId(),
    });
    const dismissed = await host.agent.post<{ question: QuestionDto }>(
      `/api/questions/${asked.body.question.id}/moderate`,
      {
        action: "dismiss",
        reason: "Tidak sesuai topik",
      },
    );
    expect(dismissed.body.question.status).toBe("dismissed");

    const blocked = await host.agent.post<{ participant: { blocked: boolean } }>(
      `/api/qa/${session.id}/participants/${guestId}/block`,
      { reason: "Mengganggu" },
    );
    expect(blocked.status).toBe(200);
    expect(blocked.body.participant.blocked).toBe(true);
    const again = await agent.post(`/api/qa/${session.id}/questions`, {
      text: "Mencoba lagi",
      clientId: clientId(),
    });
    expect(again.body).toMatchObject({ error: { code: "BLOCKED" } });
    expect((await agent.post(`/api/qa/code/${session.joinCode}/join`, {})).status).toBe(403);
    // A participant cannot block anyone, and a member cannot be blocked through this endpoint.
    const member = await signedIn(server);
    expect((await member.agent.post(`/api/qa/${session.id}/participants/${guestId}/block`, {})).status).toBe(
      403,
    );
    expect((await host.agent.post(`/api/qa/${session.id}/participants/${member.id}/block`, {})).status).toBe(
      404,
    );

    const list = await host.agent.get<{
      participants: { id: string; blocked: boolean; guest: boolean; questions: number }[];
    }>(`/api/qa/${session.id}/participants`);
    expect(list.body.participants.find((p) => p.id === guestId)).toMatchObject({
      blocked: true,
      guest: true,
      questions: 1,
    });

    await host.agent.delete(`/api/qa/${session.id}/participants/${guestId}/block`);
    const back = await agent.post(`/api/qa/${session.id}/questions`, {
      text: "Sekarang sopan",
      clientId: clientId(),
    });
    expect(back.status).toBe(201);
  });

  it("a guest who registers claims their questions, votes and answers; one person still counts once", async () => {
    const { host, session } = await guestSession({ moderated: false });
    const open = await approvedQuestion(host, session.id, "Pertanyaan yang dipilih dua kali");
    const poll = await openPoll(host, session.id);
    const { agent } = await joinAsGuest(session.joinCode, { name: "Calon Anggota" });
    const asked = await agent.post<{ question: QuestionDto }>(`/api/qa/${session.id}/questions`, {
      text: "Pertanyaan yang akan diklaim",
      clientId: clientId(),
    });
    await agent.post(`/api/questions/${open.id}/vote`);
    await agent.post(`/api/polls/${poll.id}/answers`, { choices: [0] });

    // The same browser registers: it now holds both the member session and the guest cookie.
    const reg = await agent.post<{ user: { id: string } }>("/api/auth/register", {
      email: uniqueEmail("tamu"),
      password: TEST_PASSWORD,
      name: "Anggota Baru",
    });
    expect(reg.status).toBe(201);
    const claim = await agent.post<{ claimed: number }>(`/api/qa/${session.id}/claim`);
    expect(claim.status).toBe(200);
    expect(claim.body.claimed).toBe(1);
    expect(agent.cookie(`rb_qg_${session.id}`)).toBeUndefined();

    const snap = await agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
    expect(snap.body.viewer).toMatchObject({ signedIn: true, guest: null });
    const mine = snap.body.questions.find((q) => q.id === asked.body.question.id);
    expect(mine).toMatchObject({ mine: true, author: { id: reg.body.user.id, name: "Anggota Baru" } });
    expect(snap.body.questions.find((q) => q.id === open.id)).toMatchObject({ votes: 1, voted: true });
    expect(snap.body.polls[0].myAnswer).toEqual({ choices: [0] });
    const hostView = await host.agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
    expect(hostView.body.polls[0].results).toMatchObject({ total: 1, counts: [1, 0, 0] });
  });
});

describe("host analytics", () => {
  it("counts who joined, what happened to the questions, votes and polls, with a CSV in the session's language", async () => {
    const { host, session } = await guestSession({ moderated: true });
    const open = await approvedQuestion(host, session.id, "Pertanyaan teratas");
    const poll = await openPoll(host, session.id);
    const guests = await Promise.all([joinAsGuest(session.joinCode), joinAsGuest(session.joinCode)]);
    for (const { agent } of guests) {
      await agent.post(`/api/questions/${open.id}/vote`);
      await agent.post(`/api/polls/${poll.id}/answers`, { choices: [2] });
    }
    await guests[0].agent.post(`/api/qa/${session.id}/questions`, {
      text: "Menunggu moderasi",
      clientId: clientId(),
    });
    const member = await signedIn(server);
    await member.agent.post(`/api/qa/code/${session.joinCode}/join`, {});

    const res = await host.agent.get<{ analytics: import("@rembuk/shared").QaAnalyticsDto }>(
      `/api/qa/${session.id}/analytics?bucketMinutes=1`,
    );
    expect(res.status).toBe(200);
    const a = res.body.analytics;
    expect(a.participants).toMatchObject({ total: 3, guests: 2, members: 1 });
    expect(a.participants.joined.reduce((s, b) => s + b.count, 0)).toBe(3);
    expect(a.questions).toMatchObject({ asked: 2, pending: 1, approved: 1, answered: 0, dismissed: 0 });
    expect(a.votes).toEqual({ total: 2, voters: 2 });
    expect(a.topQuestions[0]).toMatchObject({ id: open.id, votes: 2 });
    expect(a.polls[0].results).toMatchObject({ total: 2, counts: [0, 0, 2] });

    const idCsv = await host.agent.get(`/api/qa/${session.id}/analytics.csv`);
    expect(idCsv.text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("bagian,butir,nilai");
    expect(idCsv.text).toContain("Peserta,Tamu,2");
    await host.agent.patch(`/api/qa/${session.id}`, { locale: "en" });
    const enCsv = await host.agent.get(`/api/qa/${session.id}/analytics.csv`);
    expect(enCsv.text.replace(/^\uFEFF/, "").split("\r\n")[0]).toBe("section,item,value");
    expect(enCsv.text).toContain("Participants,Guests,2");

    const participant = await member.agent.get(`/api/qa/${session.id}/analytics`);
    expect(participant.status).toBe(403);
  });
});

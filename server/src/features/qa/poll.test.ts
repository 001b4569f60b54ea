import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PollDto, QaSessionDto, QaSnapshotDto } from "@rembuk/shared";
import { signedIn } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { connectSocket } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { Poll, PollAnswer } from "./poll.model.js";
import { freshResults } from "./poll.tally.js";
import { createSession, makeRoom, mapLimit, ok, until } from "./test/fixtures.js";

/** Acceptance 2 of issue 17: poll counts exact under 500 concurrent voters, one answer each, results hidden until shown. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    app: {
      // Hundreds of guests join from 127.0.0.1 here; the per-address budgets are not under test.
      rateLimitOverrides: {
        register: 10_000,
        write: 10_000,
        qaJoin: 10_000,
        qaGuestAddress: 100_000,
      },
    },
  });
});
afterAll(async () => {
  await server?.close();
});

type Host = Awaited<ReturnType<typeof signedIn>>;

async function liveSession(): Promise<{ host: Host; session: QaSessionDto }> {
  const room = await makeRoom();
  const host = await signedIn(server, "member", { verified: true, name: "Wali Kota Penanya" });
  const session = await createSession(host.agent, room.slug, { moderated: false, allowAnonymous: true });
  await host.agent.patch(`/api/qa/${session.id}`, { guests: "participate" });
  await host.agent.post(`/api/qa/${session.id}/status`, { status: "live" });
  return { host, session };
}

async function poll(
  host: Host,
  sessionId: string,
  body: Record<string, unknown>,
  open = true,
): Promise<PollDto> {
  const res = await host.agent.post<{ poll: PollDto }>(`/api/qa/${sessionId}/polls`, body);
  if (res.status !== 201) throw new Error(`create poll: ${res.status} ${res.text}`);
  if (!open) return res.body.poll;
  return (
    await host.agent.post<{ poll: PollDto }>(`/api/polls/${res.body.poll.id}/status`, { status: "open" })
  ).body.poll;
}

async function guests(code: string, n: number): Promise<Agent[]> {
  return mapLimit(
    Array.from({ length: n }, (_, i) => i),
    25,
    async (i) => {
      const agent = new Agent(server.url);
      const res = await agent.post(`/api/qa/code/${code}/join`, { name: `Tamu ${i + 1}` });
      if (res.status !== 201) throw new Error(`join: ${res.status} ${res.text}`);
      return agent;
    },
  );
}

const answer = (agent: Agent, pollId: string, body: Record<string, unknown>) =>
  agent.post<{ poll: PollDto; error?: { code: string } }>(`/api/polls/${pollId}/answers`, body);

async function hostResults(host: Host, sessionId: string, pollId: string) {
  const snap = await host.agent.get<QaSnapshotDto>(`/api/qa/${sessionId}`);
  return snap.body.polls.find((p) => p.id === pollId)?.results;
}

describe("poll counts under a storm", () => {
  it("are exact with 500 concurrent voters, and changing answers moves them without a double count", async () => {
    const { host, session } = await liveSession();
    const p = await poll(host, session.id, {
      kind: "choice",
      question: "Prioritas anggaran desa tahun depan?",
      options: ["Jalan", "Air bersih", "Internet", "Posyandu"],
    });
    const crowd = await guests(session.joinCode, 500);
    const hostSocket = await connectSocket(server.url, host.agent);
    try {
      const seen: { poll: PollDto | null } = { poll: null };
      await ok(hostSocket.emitWithAck("qa:join", { sessionId: session.id }));
      hostSocket.on("qa:poll:updated", ({ poll: updated }) => (seen.poll = updated));

      // Everyone at once: voter i picks option i % 4.
      const first = await Promise.all(crowd.map((g, i) => answer(g, p.id, { choices: [i % 4] })));
      expect(first.filter((r) => r.status !== 200)).toEqual([]);
      expect(await hostResults(host, session.id, p.id)).toEqual({ total: 500, counts: [125, 125, 125, 125] });

      // Then the first 100 change their mind at once, each sending two answers concurrently; the
      // last write of each wins and moves exactly one count.
      const changes = await Promise.all(
        crowd
          .slice(0, 100)
          .flatMap((g) => [answer(g, p.id, { choices: [3] }), answer(g, p.id, { choices: [3] })]),
      );
      expect(changes.filter((r) => r.status !== 200)).toEqual([]);
      // Voters 0..99 had 25 of each option; all now picked option 3.
      const expected = { total: 500, counts: [100, 100, 100, 200] };
      expect(await hostResults(host, session.id, p.id)).toEqual(expected);
      expect(await PollAnswer.countDocuments({ poll: p.id })).toBe(500);
      // The in-memory tally equals a count straight from the rows (what a restart would rebuild).
      const record = await Poll.findById(p.id).lean();
      if (!record) throw new Error("poll vanished");
      expect(await freshResults(record)).toEqual(expected);
      // And the last broadcast the host received carries the final numbers.
      await until(
        hostSocket,
        () => seen.poll?.results?.counts?.[3] === 200 && seen.poll.results.total === 500,
      );
    } finally {
      hostSocket.disconnect();
    }
  }, 120_000);
});

describe("one answer per participant", () => {
  it("a new answer replaces the old one for every kind of poll", async () => {
    const { host, session } = await liveSession();
    const [guest, other] = await guests(session.joinCode, 2);
    const rating = await poll(host, session.id, {
      kind: "rating",
      question: "Seberapa puas dengan layanan desa?",
    });
    await answer(guest, rating.id, { rating: 4 });
    const changed = await answer(guest, rating.id, { rating: 2 });
    expect(changed.body.poll.myAnswer).toEqual({ rating: 2 });
    expect(await hostResults(host, session.id, rating.id)).toEqual({
      total: 1,
      counts: [0, 1, 0, 0, 0],
      average: 2,
    });

    const multi = await poll(host, session.id, {
      kind: "choice",
      question: "Layanan mana yang Anda pakai?",
      options: ["KTP", "KK", "Akta"],
      multiple: true,
    });
    await answer(guest, multi.id, { choices: [0, 2] });
    await answer(other, multi.id, { choices: [2, 2] });
    expect(await hostResults(host, session.id, multi.id)).toEqual({ total: 2, counts: [1, 0, 2] });
    await answer(guest, multi.id, { choices: [1] });
    expect(await hostResults(host, session.id, multi.id)).toEqual({ total: 2, counts: [0, 1, 1] });

    const words = await poll(host, session.id, { kind: "words", question: "Satu kata untuk desa digital?" });
    await answer(guest, words.id, { words: "Air Bersih" });
    await answer(other, words.id, { words: "  air   bersih " });
    expect(await hostResults(host, session.id, words.id)).toEqual({
      total: 2,
      words: [{ word: "air bersih", count: 2 }],
    });
    await answer(other, words.id, { words: "cepat" });
    expect(await hostResults(host, session.id, words.id)).toEqual({
      total: 2,
      words: [
        { word: "air bersih", count: 1 },
        { word: "cepat", count: 1 },
      ],
    });
  });

  it("refuses answers of the wrong shape, to drafts and closed polls, and polls made by participants, changing nothing", async () => {
    const { host, session } = await liveSession();
    const [guest] = await guests(session.joinCode, 1);
    const single = await poll(host, session.id, {
      kind: "choice",
      question: "Satu pilihan saja?",
      options: ["Ya", "Tidak"],
    });
    const bad = await Promise.all([
      answer(guest, single.id, { choices: [0, 1] }),
      answer(guest, single.id, { choices: [5] }),
      answer(guest, single.id, { rating: 3 }),
      answer(guest, single.id, {}),
    ]);
    expect(bad.map((r) => [r.status, r.body.error?.code])).toEqual([
      [400, "VALIDATION"],
      [400, "VALIDATION"],
      [400, "VALIDATION"],
      [400, "VALIDATION"],
    ]);
    const draft = await poll(host, session.id, { kind: "rating", question: "Belum dibuka?" }, false);
    expect((await answer(guest, draft.id, { rating: 5 })).status).toBe(409);
    await host.agent.post(`/api/polls/${single.id}/status`, { status: "closed" });
    expect((await answer(guest, single.id, { choices: [0] })).body.error?.code).toBe("ILLEGAL_TRANSITION");
    expect(await PollAnswer.countDocuments({ session: session.id })).toBe(0);

    const member = await signedIn(server);
    const made = await member.agent.post(`/api/qa/${session.id}/polls`, {
      kind: "rating",
      question: "Dari peserta?",
    });
    expect(made.status).toBe(403);
    const invalid = await host.agent.post(`/api/qa/${session.id}/polls`, {
      kind: "choice",
      question: "Hanya satu opsi?",
      options: ["A"],
    });
    expect(invalid.status).toBe(400);
    expect(await Poll.countDocuments({ session: session.id })).toBe(2);
  });
});

describe("results hidden until the host shows them", () => {
  it("participants get no counts (REST, acks, broadcasts) until shown; moderators always do; drafts stay with moderators", async () => {
    const { host, session } = await liveSession();
    const [guest] = await guests(session.joinCode, 1);
    const draft = await poll(
      host,
      session.id,
      { kind: "rating", question: "Draf rahasia untuk nanti?" },
      false,
    );
    const p = await poll(host, session.id, {
      kind: "choice",
      question: "Hasil disembunyikan dulu?",
      options: ["A", "B"],
    });
    const guestSocket = await connectSocket(server.url, guest);
    try {
      const joined = await ok(guestSocket.emitWithAck("qa:join", { sessionId: session.id }));
      expect(joined.polls.map((x) => x.id)).toEqual([p.id]);
      expect(joined.polls[0].results).toBeUndefined();
      const updates: PollDto[] = [];
      guestSocket.on("qa:poll:updated", ({ poll: updated }) => updates.push(updated));

      const ack = await ok(guestSocket.emitWithAck("qa:poll:answer", { pollId: p.id, choices: [1] }));
      expect(ack.results).toBeUndefined();
      expect(ack.myAnswer).toEqual({ choices: [1] });
      const rest = await guest.get<QaSnapshotDto>(`/api/qa/${session.id}`);
      expect(rest.body.polls.find((x) => x.id === p.id)?.results).toBeUndefined();
      expect(rest.text).not.toContain(draft.id);
      expect(await hostResults(host, session.id, p.id)).toEqual({ total: 1, counts: [0, 1] });

      await host.agent.post(`/api/polls/${p.id}/status`, { status: "open", showResults: true });
      await until(guestSocket, () => updates.some((u) => u.showResults && u.results !== undefined));
      // Every update before the host showed the results carried none.
      const shownAt = updates.findIndex((u) => u.showResults);
      expect(updates.slice(0, shownAt).every((u) => u.results === undefined)).toBe(true);
      expect(updates[updates.length - 1].results).toEqual({ total: 1, counts: [0, 1] });
      const after = await guest.get<QaSnapshotDto>(`/api/qa/${session.id}`);
      expect(after.body.polls.find((x) => x.id === p.id)?.results).toEqual({ total: 1, counts: [0, 1] });
    } finally {
      guestSocket.disconnect();
    }
  });
});

describe("polls are kept", () => {
  it("in the archive thread and in the CSV export, with their final results", async () => {
    const { host, session } = await liveSession();
    const [a, b, c] = await guests(session.joinCode, 3);
    const p = await poll(host, session.id, {
      kind: "choice",
      question: "Jadwal layanan keliling?",
      options: ["Pagi", "Sore"],
    });
    await answer(a, p.id, { choices: [0] });
    await answer(b, p.id, { choices: [1] });
    await answer(c, p.id, { choices: [1] });
    await poll(host, session.id, { kind: "words", question: "Draf yang tidak pernah dibuka" }, false);

    const csv = await host.agent.get(`/api/qa/${session.id}/export.csv`);
    const lines = csv.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    const block = lines.slice(lines.indexOf("poll_id,poll_kind,poll_question,option,count"));
    expect(block).toEqual([
      "poll_id,poll_kind,poll_question,option,count",
      `${p.id},choice,Jadwal layanan keliling?,total,3`,
      `${p.id},choice,Jadwal layanan keliling?,Pagi,1`,
      `${p.id},choice,Jadwal layanan keliling?,Sore,2`,
    ]);

    const ended = await host.agent.post<{ session: QaSessionDto }>(`/api/qa/${session.id}/status`, {
      status: "ended",
    });
    const threadId = ended.body.session.archiveThreadId;
    expect(threadId).toBeTruthy();
    const posts = await host.agent.get<{ posts: { body: string }[] }>(`/api/threads/${threadId}/posts`);
    const body = posts.body.posts[0].body;
    expect(body).toContain("## Jajak pendapat");
    expect(body).toContain("Jadwal layanan keliling?");
    expect(body).toContain("- Sore: 2");
    expect(body).not.toContain("Draf yang tidak pernah dibuka");
  });
});

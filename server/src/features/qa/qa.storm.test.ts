import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  applyVoteCounts,
  snapshotToMap,
  upsertQuestion,
  type QaSnapshotDto,
  type QuestionDto,
  type QuestionMap,
} from "@rembuk/shared";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { Question } from "./question.model.js";
import { Vote } from "./vote.model.js";
import { makeUser, signedIn, signIn } from "../../test/factories.js";
import { connectSocket, type ClientSocket } from "../../test/socket.js";
import { clientId, createSession, makeCrowd, makeRoom, mapLimit, ok, until } from "./test/fixtures.js";

const VOTERS = 200;
const QUESTIONS = 10;

let server: TestServer;
beforeAll(async () => {
  // The host asks ten questions in a row; the per-user question budget is not what this file tests.
  server = await startTestServer({
    app: { rateLimitOverrides: { register: 10_000, write: 10_000, qaQuestion: 100 } },
  });
}, 60_000);
afterAll(async () => {
  await server?.close();
});

/** A client as the web app keeps it: the join snapshot, then every event folded in by `rev`. */
function trackView(socket: ClientSocket, snapshot: QaSnapshotDto) {
  const view: { questions: QuestionMap } = { questions: snapshotToMap(snapshot.questions) };
  socket.on(
    "qa:question:created",
    ({ question }) => (view.questions = upsertQuestion(view.questions, question)),
  );
  socket.on(
    "qa:question:updated",
    ({ question }) => (view.questions = upsertQuestion(view.questions, question)),
  );
  socket.on("qa:votes:updated", (batch) => (view.questions = applyVoteCounts(view.questions, batch)));
  return view;
}

/** Each voter's questions: four of the ten, spread so every question has about 80 voters. */
const questionsOf = (voter: number) => [0, 3, 6, 8].map((k) => (voter + k) % QUESTIONS);
/** Where each voter ends up on each of its questions, known in advance so the totals are too. */
const finalIntent = (voter: number, q: number) => (voter * 7 + q * 3) % 5 < 3;

describe("vote storm over sockets", () => {
  it(
    `${VOTERS} clients vote and unvote on ${QUESTIONS} questions at once: counts are exact and every view converges`,
    async () => {
      const room = await makeRoom();
      const { agent: host } = await signedIn(server, "member", { verified: true, name: "Bupati Uji" });
      const session = await createSession(host, room.slug, { moderated: false, allowAnonymous: true });
      const questions: QuestionDto[] = [];
      for (let i = 0; i < QUESTIONS; i++) {
        const res = await host.post<{ question: QuestionDto }>(`/api/qa/${session.id}/questions`, {
          text: `Pertanyaan nomor ${i + 1} tentang Smart Kampung`,
          clientId: clientId(),
        });
        expect(res.status).toBe(201);
        questions.push(res.body.question);
      }

      const crowd = await makeCrowd(VOTERS);
      const agents = await mapLimit(crowd, 6, (u) => signIn(server, u));
      const sockets = await mapLimit(agents, 20, (a) => connectSocket(server.url, a));
      try {
        const views = await Promise.all(
          sockets.map(async (socket) => {
            const snapshot = await ok(socket.emitWithAck("qa:join", { sessionId: session.id }));
            return trackView(socket, snapshot);
          }),
        );

        // Phase 1: chaos. Every voter fires four vote/unvote commands without waiting for any of
        // them: an up and a down on each of two questions, racing each other.
        // Phase 2: each voter settles each of its questions to a known final intent.
        const acks = await Promise.all(
          sockets.map(async (socket, v) => {
            const mine = questionsOf(v);
            const chaos = Array.from({ length: 4 }, (_, k) =>
              socket.emitWithAck("qa:vote", {
                questionId: questions[mine[k >> 1]].id,
                up: (v + k) % 2 === 0,
              }),
            );
            const first = await Promise.all(chaos);
            const settle = await Promise.all(
              mine.map((q) =>
                socket.emitWithAck("qa:vote", { questionId: questions[q].id, up: finalIntent(v, q) }),
              ),
            );
            return [...first, ...settle];
          }),
        );
        const failed = acks.flat().filter((a) => !a.ok);
        expect(failed).toEqual([]);

        const expected = questions.map((_, q) => {
          let n = 0;
          for (let v = 0; v < VOTERS; v++) if (questionsOf(v).includes(q) && finalIntent(v, q)) n++;
          return n;
        });

        // Start waiting for every view to converge now, as the last ack arrives: the deadline counts
        // from here, and the final batch (due FLUSH_MS after the last vote) usually lands while the
        // database is being checked below, so the wait must already be listening when it does.
        const matches = (view: { questions: QuestionMap }) =>
          questions.every((q, k) => view.questions[q.id]?.votes === expected[k]);
        const offBy = (view: { questions: QuestionMap }) =>
          questions.map((q, k) => `${view.questions[q.id]?.votes}/${expected[k]}`).join(" ");
        const converged = Promise.allSettled(
          sockets.map((socket, i) =>
            until(
              socket,
              () => matches(views[i]),
              10_000,
              () => `votes held/expected: ${offBy(views[i])}`,
            ),
          ),
        );

        // The stored count equals the distinct voters (the vote rows) and the intended total.
        for (const [q, question] of questions.entries()) {
          const stored = await Question.findById(question.id, { votes: 1 }).lean();
          const rows = await Vote.countDocuments({ question: question.id });
          expect({ q, votes: stored?.votes, rows }).toEqual({ q, votes: expected[q], rows: expected[q] });
        }

        // The server's snapshot says the same, and every client converges on it from events alone.
        const snap = await host.get<QaSnapshotDto>(`/api/qa/${session.id}`);
        const truth = Object.fromEntries(snap.body.questions.map((q) => [q.id, q.votes]));
        expect(questions.map((q) => truth[q.id])).toEqual(expected);
        const late = (await converged).flatMap((r, i) =>
          r.status === "rejected" ? [`client ${i}: ${String(r.reason)}`] : [],
        );
        expect(late).toEqual([]);
        expect(views.filter((v) => !matches(v))).toHaveLength(0);
      } finally {
        for (const socket of sockets) socket.disconnect();
      }
    },
    // About 12 s on a quiet machine; up to ~45 s of setup and voting was measured with the whole
    // server suite and two busy loops on 2 cores, plus the 10 s convergence deadline.
    90_000,
  );

  it("refuses a vote from a guest socket and on an unknown question, changing no count", async () => {
    const room = await makeRoom();
    const { agent: host } = await signedIn(server, "member", { verified: true });
    const session = await createSession(host, room.slug, { moderated: false, allowAnonymous: false });
    const asked = await host.post<{ question: QuestionDto }>(`/api/qa/${session.id}/questions`, {
      text: "Berapa anggaran tahun pertama?",
      clientId: clientId(),
    });
    const guest = await connectSocket(server.url);
    try {
      const res = await guest.emitWithAck("qa:vote", { questionId: asked.body.question.id, up: true });
      expect(res).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
      const member = await connectSocket(server.url, await signIn(server, await makeUser()));
      const unknown = await member.emitWithAck("qa:vote", {
        questionId: "0123456789abcdef01234567",
        up: true,
      });
      expect(unknown).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
      const bad = await member.emitWithAck("qa:vote", { questionId: "nope", up: true });
      expect(bad).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
      member.disconnect();
      expect((await Question.findById(asked.body.question.id).lean())?.votes).toBe(0);
      expect(await Vote.countDocuments({ question: asked.body.question.id })).toBe(0);
    } finally {
      guest.disconnect();
    }
  });
});

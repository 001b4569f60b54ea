import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaSnapshotDto, QuestionDto } from "@rembuk/shared";
import { Types } from "mongoose";
import { signedIn } from "../../test/factories.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { clientId, createSession, makeRoom } from "./test/fixtures.js";
import { Question } from "./question.model.js";
import { forgetVoteState } from "./vote.engine.js";
import { Vote } from "./vote.model.js";

/** The vote engine's guarantees: rows are the truth, counts exact after a crash and under double clicks. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    app: { rateLimitOverrides: { register: 10_000, write: 10_000, qaVote: 10_000 } },
  });
});
afterAll(async () => {
  await server?.close();
});

async function openQuestion() {
  const room = await makeRoom();
  const host = await signedIn(server, "member", { verified: true });
  const session = await createSession(host.agent, room.slug, { moderated: false, allowAnonymous: false });
  const q = await host.agent.post<{ question: QuestionDto }>(`/api/qa/${session.id}/questions`, {
    text: "Pertanyaan untuk uji mesin suara",
    clientId: clientId(),
  });
  return { host, session, question: q.body.question };
}

describe("vote engine", () => {
  it("re-derives a count from the rows when a process starts after a crash left them apart", async () => {
    const { host, session, question } = await openQuestion();
    // A crash after three rows were written but before their count: rows 3, count 0.
    await Vote.insertMany(
      [0, 1, 2].map(() => ({ question: question.id, session: session.id, user: new Types.ObjectId() })),
    );
    expect((await Question.findById(question.id).lean())?.votes).toBe(0);
    await forgetVoteState([question.id]); // what a fresh process knows: nothing

    const voter = await signedIn(server);
    const res = await voter.agent.post<{ question: QuestionDto }>(`/api/questions/${question.id}/vote`);
    expect(res.body.question.votes).toBe(4);
    const snap = await host.agent.get<QaSnapshotDto>(`/api/qa/${session.id}`);
    expect(snap.body.questions[0].votes).toBe(4);
    expect(await Vote.countDocuments({ question: question.id })).toBe(4);
  });

  it("counts one vote for fifty simultaneous clicks by one person, and none after fifty simultaneous takebacks", async () => {
    const { question } = await openQuestion();
    const voter = await signedIn(server);
    const ups = await Promise.all(
      Array.from({ length: 50 }, () =>
        voter.agent.post<{ question: QuestionDto }>(`/api/questions/${question.id}/vote`),
      ),
    );
    expect(ups.every((r) => r.status === 200 && r.body.question.voted)).toBe(true);
    expect((await Question.findById(question.id).lean())?.votes).toBe(1);
    expect(await Vote.countDocuments({ question: question.id })).toBe(1);
    const downs = await Promise.all(
      Array.from({ length: 50 }, () =>
        voter.agent.delete<{ question: QuestionDto }>(`/api/questions/${question.id}/vote`),
      ),
    );
    expect(downs.every((r) => r.status === 200 && !r.body.question.voted)).toBe(true);
    expect((await Question.findById(question.id).lean())?.votes).toBe(0);
    expect(await Vote.countDocuments({ question: question.id })).toBe(0);
  });

  it("refuses a vote on a question a moderator just dismissed, at once", async () => {
    const { host, question } = await openQuestion();
    const voter = await signedIn(server);
    await voter.agent.post(`/api/questions/${question.id}/vote`);
    await host.agent.post(`/api/questions/${question.id}/moderate`, {
      action: "dismiss",
      reason: "Di luar topik",
    });
    const other = await signedIn(server);
    const res = await other.agent.post<{ error: { code: string } }>(`/api/questions/${question.id}/vote`);
    expect(res.status).toBe(409);
    expect(await Vote.countDocuments({ question: question.id })).toBe(1);
  });
});

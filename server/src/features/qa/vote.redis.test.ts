import { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaSnapshotDto, QuestionDto } from "@rembuk/shared";
import { signIn, signedIn } from "../../test/factories.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { clientId, createSession, makeRoom, makeCrowd, mapLimit } from "./test/fixtures.js";
import { setSharedCounters } from "./qa.scale.js";
import { dropLocalVoteState } from "./vote.engine.js";
import { Vote } from "./vote.model.js";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** Redis is optional in development; these tests run where one is reachable (as `lib/redis.test.ts`). */
async function reachable(url: string): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = new Socket();
    socket.setTimeout(500);
    socket.once("connect", () => (socket.destroy(), resolve(true)));
    socket.once("error", () => resolve(false));
    socket.once("timeout", () => (socket.destroy(), resolve(false)));
    socket.connect(Number(port || 6379), hostname);
  });
}

describe.skipIf(!(await reachable(REDIS_URL)))("votes with REDIS_URL (several processes)", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({
      config: { redisUrl: REDIS_URL },
      app: { rateLimitOverrides: { register: 10_000, write: 10_000, qaVote: 10_000 } },
    });
  });
  afterAll(async () => {
    setSharedCounters(null);
    await server?.close();
  });

  it("keeps who voted in Redis: exact under concurrent double clicks and after a process restarts", async () => {
    const room = await makeRoom();
    const host = await signedIn(server, "member", { verified: true });
    const session = await createSession(host.agent, room.slug, { moderated: false, allowAnonymous: false });
    const q = (
      await host.agent.post<{ question: QuestionDto }>(`/api/qa/${session.id}/questions`, {
        text: "Pertanyaan dengan Redis",
        clientId: clientId(),
      })
    ).body.question;
    const crowd = await mapLimit(await makeCrowd(30), 6, (u) => signIn(server, u));

    // Everyone clicks twice at once: one vote each.
    await Promise.all(
      crowd.flatMap((a) => [a.post(`/api/questions/${q.id}/vote`), a.post(`/api/questions/${q.id}/vote`)]),
    );
    const count = async () =>
      (await host.agent.get<QaSnapshotDto>(`/api/qa/${session.id}`)).body.questions.find((x) => x.id === q.id)
        ?.votes;
    expect(await count()).toBe(30);

    // A process that starts now knows nothing locally; Redis still says who voted.
    dropLocalVoteState();
    await Promise.all(crowd.slice(0, 10).map((a) => a.post(`/api/questions/${q.id}/vote`)));
    expect(await count()).toBe(30);
    await Promise.all(crowd.slice(0, 10).map((a) => a.delete(`/api/questions/${q.id}/vote`)));
    expect(await count()).toBe(20);
    expect(await Vote.countDocuments({ question: q.id })).toBe(20);
  });
});

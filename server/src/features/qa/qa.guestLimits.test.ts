import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaSessionDto, QuestionDto } from "@rembuk/shared";
import { signedIn } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { clientId, createSession, makeRoom } from "./test/fixtures.js";

/** Guests are limited per address as well as per device: small budgets here make both visible. */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({
    app: {
      rateLimitOverrides: {
        register: 10_000,
        write: 10_000,
        qaJoin: 3,
        qaGuestAddress: 4,
      },
    },
  });
});
afterAll(async () => {
  await server?.close();
});

describe("guest budgets per address", () => {
  it("refuse the fourth join and the fifth guest write from one address, whichever device sends it", async () => {
    const room = await makeRoom();
    const host = await signedIn(server, "member", { verified: true });
    const created = await createSession(host.agent, room.slug, { moderated: false, allowAnonymous: false });
    const session = (
      await host.agent.patch<{ session: QaSessionDto }>(`/api/qa/${created.id}`, { guests: "participate" })
    ).body.session;
    const q = await host.agent.post<{ question: QuestionDto }>(`/api/qa/${session.id}/questions`, {
      text: "Pertanyaan untuk dipilih",
      clientId: clientId(),
    });

    const devices = [
      new Agent(server.url),
      new Agent(server.url),
      new Agent(server.url),
      new Agent(server.url),
    ];
    const joins = [];
    for (const d of devices) joins.push((await d.post(`/api/qa/code/${session.joinCode}/join`, {})).status);
    expect(joins).toEqual([201, 201, 201, 429]);

    const [a, b, c] = devices;
    const writes = [
      (await a.post(`/api/questions/${q.body.question.id}/vote`)).status,
      (await b.post(`/api/questions/${q.body.question.id}/vote`)).status,
      (await c.post(`/api/questions/${q.body.question.id}/vote`)).status,
      (await a.delete(`/api/questions/${q.body.question.id}/vote`)).status,
      (await b.delete(`/api/questions/${q.body.question.id}/vote`)).status,
    ];
    expect(writes).toEqual([200, 200, 200, 200, 429]);
    // The refused write changed nothing: b's vote still counts.
    const snap = await host.agent.get<{ questions: QuestionDto[] }>(`/api/qa/${session.id}`);
    expect(snap.body.questions[0].votes).toBe(2);
  });
});

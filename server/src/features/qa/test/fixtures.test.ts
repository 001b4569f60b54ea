import { createServer, type Server as HttpServer } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Server, type Socket as ServerSocket } from "socket.io";
import {
  applyVoteCounts,
  snapshotToMap,
  type QaVoteCountsDto,
  type QuestionDto,
  type QuestionMap,
} from "@rembuk/shared";
import { connectSocket, type ClientSocket } from "../../../test/socket.js";
import { until } from "./fixtures.js";

/**
 * `until` against a bare Socket.io server (no app, no database): the convergence waits of the Q&A
 * tests must see the view *after* an event is folded in, even when that event is the last one.
 */
let http: HttpServer;
let io: Server;
let url: string;
const connected: ServerSocket[] = [];

beforeAll(async () => {
  http = createServer();
  io = new Server(http);
  io.on("connection", (s) => connected.push(s));
  await new Promise<void>((resolve) => http.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await io.close();
});

const question = (votes: number, rev: number): QuestionDto =>
  ({ id: "q1", votes, rev }) as unknown as QuestionDto;

async function pair(): Promise<{
  client: ClientSocket;
  server: ServerSocket;
  view: { questions: QuestionMap };
}> {
  const before = connected.length;
  const client = await connectSocket(url);
  while (connected.length === before) await new Promise((r) => setTimeout(r, 5));
  const view = { questions: snapshotToMap([question(0, 1)]) };
  client.on("qa:votes:updated", (batch) => (view.questions = applyVoteCounts(view.questions, batch)));
  return { client, server: connected[connected.length - 1], view };
}

const batch = (votes: number, rev: number): QaVoteCountsDto => ({
  sessionId: "s",
  counts: [{ id: "q1", votes, rev }],
});

describe("until", () => {
  it("resolves when the last event the socket receives is the one that makes the predicate true", async () => {
    const { client, server, view } = await pair();
    try {
      const waiting = until(client, () => view.questions.q1.votes === 3, 2_000);
      server.emit("qa:votes:updated", batch(2, 2));
      server.emit("qa:votes:updated", batch(3, 3));
      await expect(waiting).resolves.toBeUndefined();
    } finally {
      client.disconnect();
    }
  });

  it("times out, saying how far off the view was and how many events came, when it never holds", async () => {
    const { client, server, view } = await pair();
    try {
      const waiting = until(
        client,
        () => view.questions.q1.votes === 9,
        300,
        () => `votes ${view.questions.q1.votes}`,
      );
      server.emit("qa:votes:updated", batch(4, 2));
      await expect(waiting).rejects.toThrow(
        /condition not reached in time \(300 ms, 1 events received meanwhile; votes 4\)/,
      );
    } finally {
      client.disconnect();
    }
  });
});

import { Socket } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserDto } from "@rembuk/shared";
import { makeMember, signedIn } from "../test/factories.js";
import { Agent } from "../test/http.js";
import { connectSocket, nextDisconnect, nextEvent } from "../test/socket.js";
import { startTestServer, type TestServer } from "../test/testServer.js";

const REDIS_URL = process.env.REDIS_URL ?? "redis://127.0.0.1:6379";

/** Redis is optional in development; these tests run where one is reachable (CI has one). */
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

describe.skipIf(!(await reachable(REDIS_URL)))("with REDIS_URL", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer({ config: { redisUrl: REDIS_URL, trustProxy: true } });
  });
  afterAll(() => server.close());

  it("reports redis in health", async () => {
    const res = await new Agent(server.url).get("/api/health");
    expect(res.body).toMatchObject({ ok: true, redis: true });
  });

  it("keeps login throttling in Redis: an address failing one account waits, another address does not", async () => {
    const made = await makeMember();
    const failing = (body: unknown) =>
      new Agent(server.url).post("/api/auth/login", body, { headers: { "x-forwarded-for": "203.0.113.7" } });
    // Past the five free failures each one doubles the wait: after eight the next try waits 8 s.
    for (let i = 0; i < 8; i++) await failing({ email: made.email, password: "salah-sekali-1" });
    expect((await failing({ email: made.email, password: made.password })).status).toBe(429);
    const elsewhere = await new Agent(server.url).post(
      "/api/auth/login",
      { email: made.email, password: made.password },
      { headers: { "x-forwarded-for": "203.0.113.8" } },
    );
    expect(elsewhere.status).toBe(200);
  });

  it("delivers session:ended and disconnects through the Redis adapter", async () => {
    const target = await signedIn(server);
    const moderator = await signedIn(server, "moderator");
    const socket = await connectSocket(server.url, target.agent);
    const ended = nextEvent(socket, "session:ended");
    const gone = nextDisconnect(socket);
    const res = await moderator.agent.post<{ user: UserDto }>(`/api/users/${target.id}/suspend`, {
      until: new Date(Date.now() + 60_000).toISOString(),
      reason: "Uji lewat Redis",
    });
    expect(res.status).toBe(200);
    expect(await ended).toEqual({ reason: "suspended" });
    expect(await gone).toBe("io server disconnect");
  });
});

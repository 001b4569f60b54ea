import { afterEach, describe, expect, it } from "vitest";
import { io as ioClient } from "socket.io-client";
import type { Ack } from "@rembuk/shared";
import type { ClientSocket } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";

let server: TestServer | null = null;
const sockets: ClientSocket[] = [];

afterEach(async () => {
  for (const s of sockets.splice(0)) s.disconnect();
  await server?.close();
  server = null;
});

/** A guest socket as seen through a proxy that reports `forwardedFor` as the client. */
function guest(url: string, forwardedFor: string): Promise<ClientSocket> {
  const socket: ClientSocket = ioClient(url, {
    transports: ["websocket"],
    extraHeaders: { origin: url, "x-forwarded-for": forwardedFor },
    reconnection: false,
    forceNew: true,
  });
  sockets.push(socket);
  return new Promise((resolve, reject) => {
    socket.once("connect", () => resolve(socket));
    socket.once("connect_error", reject);
  });
}

const ping = (s: ClientSocket): Promise<Ack<{ userId: string | null; at: string }>> =>
  s.timeout(5000).emitWithAck("session:ping", {});

describe("guest sockets' rate-limit key", () => {
  it("is the forwarded client address behind a trusted proxy, so guests do not share a budget", async () => {
    server = await startTestServer({
      config: { trustProxy: "loopback" },
      app: { rateLimitOverrides: { read: 2 } },
    });
    const [a, b] = await Promise.all([guest(server.url, "203.0.113.7"), guest(server.url, "198.51.100.9")]);
    expect((await ping(a)).ok).toBe(true);
    expect((await ping(a)).ok).toBe(true);
    const third = await ping(a);
    expect(third).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
    expect((await ping(b)).ok).toBe(true);
  });

  it("ignores X-Forwarded-For when no proxy is trusted, so a client cannot dodge its budget", async () => {
    server = await startTestServer({
      config: { trustProxy: false },
      app: { rateLimitOverrides: { read: 2 } },
    });
    const [a, b] = await Promise.all([guest(server.url, "203.0.113.7"), guest(server.url, "198.51.100.9")]);
    expect((await ping(a)).ok).toBe(true);
    expect((await ping(b)).ok).toBe(true);
    expect(await ping(b)).toMatchObject({ ok: false, error: { code: "RATE_LIMITED" } });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { UserDto } from "@rembuk/shared";
import { SESSION_COOKIE } from "../../lib/http/session.js";
import { Agent } from "../../test/http.js";
import { makeUser, signIn, uniqueEmail, TEST_PASSWORD } from "../../test/factories.js";
import { connectSocket, nextDisconnect, nextEvent } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

let server: TestServer;
beforeAll(async () => {
  // The real per-address login budget, with room for this file's other tests.
  server = await startTestServer();
});
afterAll(() => server.close());

const agent = () => new Agent(server.url);

describe("POST /api/auth/register", () => {
  it("creates a member, answers 201 {user} and signs them in", async () => {
    const a = agent();
    const email = uniqueEmail();
    const res = await a.post<{ user: UserDto }>("/api/auth/register", {
      email: email.toUpperCase(),
      password: TEST_PASSWORD,
      name: "Ani Wijaya",
    });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      email,
      name: "Ani Wijaya",
      role: "member",
      verified: false,
      locale: "id",
      suspendedUntil: null,
    });
    expect(res.body.user).not.toHaveProperty("_id");
    expect(res.body.user).not.toHaveProperty("passwordHash");
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith(`${SESSION_COOKIE}=`));
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Lax/);
    expect(cookie).not.toMatch(/Secure/);
    const me = await a.get<{ user: UserDto }>("/api/auth/me");
    expect(me.status).toBe(200);
    expect(me.body.user.id).toBe(res.body.user.id);
  });

  it("answers 409 EMAIL_TAKEN for an address already registered, whatever its case", async () => {
    const { email } = await makeUser();
    const res = await agent().post<ErrorBody>("/api/auth/register", {
      email: ` ${email.toUpperCase()} `,
      password: TEST_PASSWORD,
      name: "Budi",
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("EMAIL_TAKEN");
  });

  it("rejects operator payloads, unknown keys and weak passwords with 400 and no account", async () => {
    for (const body of [
      { email: { $gt: "" }, password: TEST_PASSWORD, name: "Budi" },
      { email: uniqueEmail(), password: TEST_PASSWORD, name: "Budi", role: "admin" },
      { email: uniqueEmail(), password: "short", name: "Budi" },
    ]) {
      const res = await agent().post<ErrorBody>("/api/auth/register", body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION");
    }
  });
});

describe("POST /api/auth/login", () => {
  it("signs in with a fresh session id", async () => {
    const made = await makeUser();
    const a = agent();
    await a.get("/api/auth/me");
    a.setCookie(SESSION_COOKIE, "s%3Aattacker-chosen.sig");
    const res = await a.post<{ user: UserDto }>("/api/auth/login", {
      email: made.email,
      password: made.password,
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({ id: made.id, email: made.email });
    expect(a.cookie(SESSION_COOKIE)).not.toBe("s%3Aattacker-chosen.sig");
    // Logging in again replaces the session id too.
    const before = a.cookie(SESSION_COOKIE);
    await a.post("/api/auth/login", { email: made.email, password: made.password });
    expect(a.cookie(SESSION_COOKIE)).not.toBe(before);
  });

  it("gives the same 401 body for a wrong password and an unknown email", async () => {
    const made = await makeUser();
    const wrong = await agent().post<ErrorBody>("/api/auth/login", {
      email: made.email,
      password: "salah-sekali-123",
    });
    const unknown = await agent().post<ErrorBody>("/api/auth/login", {
      email: uniqueEmail("tidak-ada"),
      password: "salah-sekali-123",
    });
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body).toEqual(unknown.body);
    expect(wrong.body.error.code).toBe("INVALID_CREDENTIALS");
  });

  it("rejects operator payloads with 400 before any lookup", async () => {
    for (const body of [
      { email: { $gt: "" }, password: "x" },
      { email: "a@b.id", password: { $ne: null } },
      { email: { $regex: ".*" } },
    ]) {
      const res = await agent().post<ErrorBody>("/api/auth/login", body);
      expect(res.status).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION");
    }
  });

  it("throttles repeated failures on one account from one address with 429 while other accounts still sign in", async () => {
    const victim = await makeUser();
    const other = await makeUser();
    for (let i = 0; i < 5; i++) {
      const res = await agent().post("/api/auth/login", { email: victim.email, password: `salah-${i}-xxxx` });
      expect(res.status).toBe(401);
    }
    const blocked = await agent().post<ErrorBody>("/api/auth/login", {
      email: victim.email,
      password: victim.password,
    });
    expect(blocked.status).toBe(429);
    expect(blocked.body.error.code).toBe("RATE_LIMITED");
    expect(blocked.body.error.details?.retryAfterSeconds).toBeGreaterThan(0);
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);

    const ok = await agent().post("/api/auth/login", { email: other.email, password: other.password });
    expect(ok.status).toBe(200);
  });

  it("clears the account+address failure count after a successful login", async () => {
    const made = await makeUser();
    for (let i = 0; i < 4; i++)
      await agent().post("/api/auth/login", { email: made.email, password: "salah-salah-1" });
    expect(
      (await agent().post("/api/auth/login", { email: made.email, password: made.password })).status,
    ).toBe(200);
    for (let i = 0; i < 4; i++) {
      expect(
        (await agent().post("/api/auth/login", { email: made.email, password: "salah-salah-2" })).status,
      ).toBe(401);
    }
    expect(
      (await agent().post("/api/auth/login", { email: made.email, password: made.password })).status,
    ).toBe(200);
  });

  it("refuses a suspended user with 403 SUSPENDED and the end date", async () => {
    const until = new Date(Date.now() + 86_400_000);
    const made = await makeUser({ suspendedUntil: until });
    const res = await agent().post<ErrorBody>("/api/auth/login", {
      email: made.email,
      password: made.password,
    });
    expect(res.status).toBe(403);
    expect(res.body.error).toMatchObject({
      code: "SUSPENDED",
      details: { suspendedUntil: until.toISOString() },
    });
    // A wrong password still says only "invalid credentials".
    const wrong = await agent().post<ErrorBody>("/api/auth/login", {
      email: made.email,
      password: "salah-sekali-123",
    });
    expect(wrong.body.error.code).toBe("INVALID_CREDENTIALS");
  });
});

describe("GET /api/auth/me and POST /api/auth/logout", () => {
  it("answers 401 to guests", async () => {
    const res = await agent().get<ErrorBody>("/api/auth/me");
    expect(res.status).toBe(401);
    expect(res.body.error.code).toBe("UNAUTHENTICATED");
  });

  it("ends the session, and disconnects exactly that session's sockets", async () => {
    const made = await makeUser();
    const tab = await signIn(server, made);
    const otherDevice = await signIn(server, made);
    const socket = await connectSocket(server.url, tab);
    const otherSocket = await connectSocket(server.url, otherDevice);
    try {
      const ended = nextEvent(socket, "session:ended");
      const disconnected = nextDisconnect(socket);
      const res = await tab.post("/api/auth/logout");
      expect(res.status).toBe(204);
      expect(await ended).toEqual({ reason: "logout" });
      expect(await disconnected).toBe("io server disconnect");
      expect((await tab.get("/api/auth/me")).status).toBe(401);

      // The other device's session and socket are untouched.
      expect((await otherDevice.get("/api/auth/me")).status).toBe(200);
      const ping = await otherSocket.timeout(2000).emitWithAck("session:ping", {});
      expect(ping).toMatchObject({ ok: true, data: { userId: made.id } });
    } finally {
      socket.disconnect();
      otherSocket.disconnect();
    }
  });

  it("answers 204 to a guest too", async () => {
    expect((await agent().post("/api/auth/logout")).status).toBe(204);
  });
});

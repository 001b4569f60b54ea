import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from "vitest";
import { makeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { THROTTLE, delaySeconds } from "./loginThrottle.js";

/**
 * Acceptance 4 of issue 11: failures slow the failing address, never the owner elsewhere; a brute
 * force from one address gets at most a few guesses a minute. Time moves on a fake clock only.
 */
type Err = { error: { code: string; message: string; details?: { retryAfterSeconds?: number } } };

let server: TestServer;
beforeAll(async () => {
  // Addresses come from X-Forwarded-For, as behind the production proxy.
  server = await startTestServer({ config: { trustProxy: true } });
});
afterAll(() => server.close());
afterEach(() => {
  vi.useRealTimers();
});

let nextAddress = 1;
const newAddress = () => `198.51.100.${nextAddress++}`;
const from = (address: string) => {
  const a = new Agent(server.url);
  return (body: unknown) => a.post<Err>("/api/auth/login", body, { headers: { "x-forwarded-for": address } });
};

describe("login throttling without lock-out", () => {
  it.each([5, 50])("%i wrong passwords from one address do not stop the owner from another", async (n) => {
    const start = new Date();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const owner = await makeUser();
    const attacker = from(newAddress());
    let wrong = 0;
    while (wrong < n) {
      const res = await attacker({ email: owner.email, password: `tebakan-${wrong}-salah` });
      if (res.status === 429) {
        // The attacker waits exactly as told, on the fake clock.
        vi.setSystemTime(Date.now() + (res.body.error.details?.retryAfterSeconds ?? 1) * 1000);
        continue;
      }
      expect(res.status).toBe(401);
      wrong++;
    }
    const ownerElsewhere = await from(newAddress())({ email: owner.email, password: owner.password });
    expect(ownerElsewhere.status).toBe(200);
  });

  it("tells a throttled address how long to wait and that the reset link always works", async () => {
    vi.useFakeTimers({ toFake: ["Date"], now: new Date() });
    const owner = await makeUser();
    const attacker = from(newAddress());
    for (let i = 0; i < THROTTLE.pair.free; i++)
      await attacker({ email: owner.email, password: `salah-${i}-xxxx` });
    const refused = await attacker({ email: owner.email, password: owner.password });
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe("RATE_LIMITED");
    expect(refused.body.error.message).toMatch(/wait \d+ s/);
    expect(refused.body.error.message).toMatch(/Forgot password/);
    expect(Number(refused.headers.get("retry-after"))).toBe(refused.body.error.details?.retryAfterSeconds);
    // After the wait the right password works from there too, and clears that pair's count.
    vi.setSystemTime(Date.now() + (refused.body.error.details?.retryAfterSeconds ?? 0) * 1000);
    expect((await attacker({ email: owner.email, password: owner.password })).status).toBe(200);
  });

  it("slows a brute force from one address to at most three guesses a minute, across accounts", async () => {
    const start = Date.now();
    vi.useFakeTimers({ toFake: ["Date"], now: start });
    const victims = await Promise.all([makeUser(), makeUser(), makeUser()]);
    const attacker = from(newAddress());
    const guesses: number[] = [];
    // A bot firing every 2 simulated seconds for 15 minutes, rotating accounts.
    for (let t = 0; t < 15 * 60; t += 2) {
      vi.setSystemTime(start + t * 1000);
      const res = await attacker({ email: victims[t % 3].email, password: `tebakan-${t}` });
      if (res.status === 401) guesses.push(t);
      else expect(res.status).toBe(429);
    }
    // The free allowance goes in the first minute; every later minute holds at most three guesses.
    const perMinute = new Map<number, number>();
    for (const t of guesses) perMinute.set(Math.floor(t / 60), (perMinute.get(Math.floor(t / 60)) ?? 0) + 1);
    for (const [minute, count] of perMinute) if (minute >= 2) expect(count).toBeLessThanOrEqual(3);
    expect(guesses.length).toBeLessThanOrEqual(THROTTLE.address.free + 3 * 15);
    // Slowed, not locked: guessing continues at the throttled pace (so does the owner, elsewhere).
    expect(guesses.some((t) => t >= 120)).toBe(true);
  }, 120_000);

  it("doubles the wait per failure past the free ones, up to the cap", () => {
    const rule = { free: 3, capSeconds: 20 };
    expect([0, 2, 3, 4, 5, 6, 7, 8, 30].map((f) => delaySeconds(f, rule))).toEqual([
      0, 0, 1, 2, 4, 8, 16, 20, 20,
    ]);
  });
});

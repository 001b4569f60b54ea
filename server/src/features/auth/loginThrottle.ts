import type { RedisClientType } from "redis";
import { AppError } from "../../lib/errors.js";

/**
 * Login throttling that slows attackers without ever locking an owner out (issue 11).
 *
 * Failures are counted per client address and per account+address pair; never per account alone,
 * so nobody can lock a leader out by typing wrong passwords at their email: from any other address
 * the right password still works at once, and the emailed reset link always does.
 *
 * After a few free failures each counter imposes an exponentially growing wait before the next
 * attempt from there (doubling per failure, capped). The address cap (20 s) bounds a brute force
 * from one address to about three guesses a minute whatever accounts it tries; the pair cap is
 * higher because one account guessed from one place is the most suspicious. A blocked attempt is
 * refused before the password is checked and is not counted. Counters are forgotten an hour after
 * their last failure; a success forgets the pair (never the address, or an attacker could clear it
 * by signing in to their own account).
 */
export const THROTTLE = {
  address: { free: 20, capSeconds: 20 },
  pair: { free: 5, capSeconds: 15 * 60 },
  forgetSeconds: 60 * 60,
} as const;

interface Counter {
  failures: number;
  /** Epoch ms of the last failure. */
  last: number;
}

export interface ThrottleStore {
  get(key: string): Promise<Counter | null>;
  fail(key: string, now: number): Promise<void>;
  clear(key: string): Promise<void>;
}

/** One process. Reads `Date.now()` through the caller, so tests move time with a fake clock. */
export function memoryStore(): ThrottleStore {
  const map = new Map<string, Counter>();
  return {
    get: async (key) => {
      const c = map.get(key);
      if (c && Date.now() - c.last > THROTTLE.forgetSeconds * 1000) {
        map.delete(key);
        return null;
      }
      return c ?? null;
    },
    fail: async (key, now) => {
      const c = map.get(key);
      const fresh = !c || now - c.last > THROTTLE.forgetSeconds * 1000;
      map.set(key, { failures: fresh ? 1 : c.failures + 1, last: now });
    },
    clear: async (key) => void map.delete(key),
  };
}

/** Shared by every process (REDIS_URL): a hash per key, expiring an hour after its last failure. */
export function redisStore(client: RedisClientType): ThrottleStore {
  const k = (key: string) => `lt:${key}`;
  return {
    get: async (key) => {
      const h = await client.hGetAll(k(key));
      if (!h.failures) return null;
      return { failures: Number(h.failures), last: Number(h.last) };
    },
    fail: async (key, now) => {
      await client
        .multi()
        .hIncrBy(k(key), "failures", 1)
        .hSet(k(key), "last", String(now))
        .expire(k(key), THROTTLE.forgetSeconds)
        .exec();
    },
    clear: async (key) => void (await client.del(k(key))),
  };
}

let store: ThrottleStore = memoryStore();
/** RATE_LIMIT_SCALE multiplies the free failures (e2e runs sign in many times from one address). */
let scale = 1;

export function configureLoginThrottle(opts: { redis: RedisClientType | null; scale?: number }): void {
  store = opts.redis ? redisStore(opts.redis) : memoryStore();
  scale = opts.scale ?? 1;
}

/** Seconds to wait after `failures` failures under a rule (0 while within the free ones). */
export function delaySeconds(failures: number, rule: { free: number; capSeconds: number }): number {
  const over = failures - Math.ceil(rule.free * scale);
  if (over < 0) return 0;
  return Math.min(rule.capSeconds, 2 ** over);
}

const keys = (email: string, address: string) => ({ address: `a:${address}`, pair: `p:${email}|${address}` });

async function waitFor(
  key: string,
  rule: { free: number; capSeconds: number },
  now: number,
): Promise<number> {
  const c = await store.get(key);
  if (!c) return 0;
  const until = c.last + delaySeconds(c.failures, rule) * 1000;
  return until > now ? Math.ceil((until - now) / 1000) : 0;
}

export const throttled = (seconds: number) =>
  new AppError(
    "RATE_LIMITED",
    429,
    `Too many failed sign-ins from this address. For your safety, wait ${seconds} s before trying again, or reset your password with "Forgot password": the link we email you always works.`,
    { retryAfterSeconds: seconds },
  );

/** Refuse up front (429) while either counter says wait. */
export async function assertMayTry(email: string, address: string): Promise<void> {
  const now = Date.now();
  const k = keys(email, address);
  const wait = Math.max(
    await waitFor(k.address, THROTTLE.address, now),
    await waitFor(k.pair, THROTTLE.pair, now),
  );
  if (wait > 0) throw throttled(wait);
}

export async function recordLoginFailure(email: string, address: string): Promise<void> {
  const now = Date.now();
  const k = keys(email, address);
  await Promise.all([store.fail(k.address, now), store.fail(k.pair, now)]);
}

export async function recordLoginSuccess(email: string, address: string): Promise<void> {
  await store.clear(keys(email, address).pair);
}

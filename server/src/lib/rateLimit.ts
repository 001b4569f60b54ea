import {
  RateLimiterMemory,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from "rate-limiter-flexible";
import type { RedisClientType } from "redis";
import { rateLimited } from "./errors.js";

/**
 * Every named budget in one table, so the numbers are reviewable together. `points` per `duration`
 * seconds. Login throttling is not a budget: see
 * features/auth/loginThrottle.ts (exponential delays that never lock the owner out).
 */
export const LIMIT_RULES = {
  /** Any write by one user (posts, reactions, profile edits…), REST and socket alike. */
  write: { points: 30, duration: 10 },
  /** Cheap reads and joins over a socket, per user or per guest address. */
  read: { points: 120, duration: 10 },
  /** Q&A questions per user: enough for a lively session, not for flooding the queue. */
  qaQuestion: { points: 5, duration: 60 },
  /** Q&A vote/unvote per user: a person clicks a few dozen times a minute at most. */
  qaVote: { points: 60, duration: 10 },
  /** Q&A joins by code per client address: a hall behind one NAT joins within a minute or two. */
  qaJoin: { points: 300, duration: 60 },
  /**
   * Q&A guest writes per client address, on top of each guest device's own budgets: generous,
   * because a venue's Wi-Fi puts hundreds of phones behind one address.
   */
  qaGuestAddress: { points: 3_000, duration: 10 },
  /** Poll answers per participant (a changed mind included). */
  qaPoll: { points: 30, duration: 10 },
  /** Typing indicators: generous, the client throttles too. */
  typing: { points: 20, duration: 10 },
  /** Password-reset and confirmation mails per client address and per address asked for (mail bombing). */
  mailAddress: { points: 10, duration: 60 * 60 },
  mailRecipient: { points: 3, duration: 60 * 60 },
  /** Account creation per client address. */
  register: { points: 10, duration: 60 * 60 },
} as const satisfies Record<string, { points: number; duration: number }>;

export type LimitName = keyof typeof LIMIT_RULES;

let limiters = buildLimiters(null);

/** Shared across processes when Redis is configured; in-process otherwise. Called once at start. */
export function configureRateLimits(
  redis: RedisClientType | null,
  overrides: Partial<Record<LimitName, number>> = {},
) {
  limiters = buildLimiters(redis, overrides);
}

function buildLimiters(redis: RedisClientType | null, overrides: Partial<Record<LimitName, number>> = {}) {
  const entries = Object.entries(LIMIT_RULES).map(([name, rule]) => {
    const opts = {
      keyPrefix: `rl:${name}`,
      points: overrides[name as LimitName] ?? rule.points,
      duration: rule.duration,
    };
    const limiter: RateLimiterAbstract = redis
      ? new RateLimiterRedis({ ...opts, storeClient: redis, useRedisPackage: true })
      : new RateLimiterMemory(opts);
    return [name, limiter] as const;
  });
  return Object.fromEntries(entries) as Record<LimitName, RateLimiterAbstract>;
}

const isLimitName = (name: string): name is LimitName => Object.hasOwn(LIMIT_RULES, name);

/** Every budget multiplied by `scale` (RATE_LIMIT_SCALE), as overrides for `configureRateLimits`. */
export function scaledBudgets(scale: number): Partial<Record<LimitName, number>> {
  if (scale === 1) return {};
  const out: Partial<Record<LimitName, number>> = {};
  for (const [name, rule] of Object.entries(LIMIT_RULES))
    if (isLimitName(name)) out[name] = Math.ceil(rule.points * scale);
  return out;
}

/** Take `points` from `key`'s budget or throw 429 RATE_LIMITED with `retryAfterSeconds`. */
export async function consume(name: LimitName, key: string, points = 1): Promise<void> {
  try {
    await limiters[name].consume(key, points);
  } catch (err) {
    if (err instanceof RateLimiterRes) throw rateLimited(Math.max(1, Math.ceil(err.msBeforeNext / 1000)));
    throw err;
  }
}

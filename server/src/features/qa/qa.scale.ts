import type { RedisClientType } from "redis";

/**
 * Whether several server processes share this database (REDIS_URL set). Then in-memory state holds
 * only this process's view, so vote membership lives in Redis (one set per question) and poll
 * results are read from the rows. Set once at start by the app.
 */
let redis: RedisClientType | null = null;

export function setSharedCounters(client: RedisClientType | null): void {
  redis = client;
}

export const sharedCounters = () => redis !== null;
export const sharedRedis = () => redis;

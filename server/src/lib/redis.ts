import { createClient, type RedisClientType } from "redis";
import { logger } from "./logger.js";

/**
 * Redis is optional: with REDIS_URL set, rate limits are shared across processes and Socket.io
 * broadcasts reach sockets on every process (the adapter needs its own pub and sub connections,
 * because a subscribed connection can issue no other commands).
 */
export interface Redis {
  client: RedisClientType;
  pub: RedisClientType;
  sub: RedisClientType;
  close(): Promise<void>;
}

export async function connectRedis(url: string): Promise<Redis> {
  const client: RedisClientType = createClient({ url });
  const pub = client.duplicate();
  const sub = client.duplicate();
  for (const [name, c] of [
    ["client", client],
    ["pub", pub],
    ["sub", sub],
  ] as const) {
    // Without a listener node-redis throws on connection errors; it reconnects on its own.
    c.on("error", (err: unknown) => logger.error({ err, connection: name }, "redis error"));
  }
  await Promise.all([client.connect(), pub.connect(), sub.connect()]);
  return {
    client,
    pub,
    sub,
    close: async () => {
      await Promise.allSettled([client.close(), pub.close(), sub.close()]);
    },
  };
}

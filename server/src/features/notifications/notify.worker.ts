import { randomBytes } from "node:crypto";
import type { RedisClientType } from "redis";
import { logger } from "../../lib/logger.js";
import { NotifyJob, type NotifyJobRecord } from "./notifyJob.model.js";

/**
 * The background fan-out. Each process may run one worker; a job is claimed atomically
 * (`findOneAndUpdate` on `lockedUntil`), so with several processes exactly one produces each event.
 * A worker that dies leaves its lease to run out, then any worker takes the job again; delivery is
 * idempotent per (event, recipient), so the replay adds nothing twice. With REDIS_URL, a queued job
 * wakes every process's worker through pub/sub; otherwise (and as a safety net) they poll.
 */
export const WORKER = {
  leaseMs: 60_000,
  pollMs: 2_000,
  maxAttempts: 5,
  channel: "rembuk:notify",
} as const;

export type JobProcessor = (job: NotifyJobRecord) => Promise<void>;

const processors = new Map<string, JobProcessor>();

/** Each producer registers what it does with its event's jobs. */
export function registerProcessor(event: string, fn: JobProcessor): void {
  processors.set(event, fn);
}

export interface WorkerOptions {
  redis?: { pub: RedisClientType; sub: RedisClientType } | null;
  pollMs?: number;
  leaseMs?: number;
}

export interface Worker {
  /** Process every due job now (tests and the bench await this). */
  drain(): Promise<number>;
  wake(): void;
  stop(): Promise<void>;
}

let wakeLocal: (() => void) | null = null;
let redisPub: RedisClientType | null = null;

/** Called after a job is written: the local worker, and through Redis every other process's. */
export function wakeWorkers(): void {
  wakeLocal?.();
  if (redisPub) void redisPub.publish(WORKER.channel, "1").catch(() => undefined);
}

async function claim(leaseMs: number): Promise<NotifyJobRecord | null> {
  const now = new Date();
  return NotifyJob.findOneAndUpdate(
    {
      status: "pending",
      runAt: { $lte: now },
      $or: [{ lockedUntil: null }, { lockedUntil: { $lte: now } }],
    },
    { $set: { lockedUntil: new Date(now.getTime() + leaseMs) }, $inc: { attempts: 1 } },
    { returnDocument: "after", sort: { runAt: 1 } },
  ).lean<NotifyJobRecord>();
}

/** Run one claimed job; a failure is retried later, then given up (and logged) after a few attempts. */
export async function runJob(job: NotifyJobRecord): Promise<void> {
  const fn = processors.get(job.event);
  try {
    if (!fn) throw new Error(`no processor for ${job.event}`);
    await fn(job);
    await NotifyJob.updateOne(
      { _id: job._id },
      { $set: { status: "done", lockedUntil: null, lastError: null } },
    );
  } catch (err) {
    const gaveUp = job.attempts >= WORKER.maxAttempts;
    logger.warn({ err, job: job.key, attempts: job.attempts, gaveUp }, "notifications: job failed");
    await NotifyJob.updateOne(
      { _id: job._id },
      {
        $set: {
          status: gaveUp ? "failed" : "pending",
          lockedUntil: null,
          lastError: err instanceof Error ? err.message.slice(0, 500) : "failed",
          runAt: new Date(Date.now() + 2 ** job.attempts * 1000),
        },
      },
    );
  }
}

export function startWorker(opts: WorkerOptions = {}): Worker {
  const pollMs = opts.pollMs ?? WORKER.pollMs;
  const leaseMs = opts.leaseMs ?? WORKER.leaseMs;
  const id = randomBytes(4).toString("hex");
  let stopped = false;
  let running: Promise<number> | null = null;
  let again = false;
  let timer: NodeJS.Timeout | null = null;

  const drain = async (): Promise<number> => {
    if (running) {
      again = true;
      return running;
    }
    running = (async () => {
      let done = 0;
      do {
        again = false;
        for (;;) {
          if (stopped) return done;
          const job = await claim(leaseMs).catch((err: unknown) => {
            logger.warn({ err, worker: id }, "notifications: could not claim a job");
            return null;
          });
          if (!job) break;
          await runJob(job);
          done++;
        }
      } while (again && !stopped);
      return done;
    })();
    try {
      return await running;
    } finally {
      running = null;
      schedule(pollMs);
    }
  };

  function schedule(ms: number) {
    if (stopped) return;
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => void drain(), ms);
    timer.unref();
  }

  const wake = () => {
    if (!stopped) schedule(0);
  };
  wakeLocal = wake;
  const onMessage = () => wake();
  if (opts.redis) {
    redisPub = opts.redis.pub;
    void opts.redis.sub.subscribe(WORKER.channel, onMessage).catch((err: unknown) => {
      logger.warn({ err }, "notifications: no Redis wake-ups, polling only");
    });
  }
  schedule(0);

  return {
    drain,
    wake,
    stop: async () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      if (wakeLocal === wake) wakeLocal = null;
      if (opts.redis) {
        await opts.redis.sub.unsubscribe(WORKER.channel, onMessage).catch(() => undefined);
        if (redisPub === opts.redis.pub) redisPub = null;
      }
      await running;
    },
  };
}

import { logger } from "../../lib/logger.js";
import { scheduleDigest } from "./mail.producer.js";
import { startWorker, type Worker, type WorkerOptions } from "./notify.worker.js";

const HOUR_MS = 60 * 60 * 1000;

/**
 * This process's part of notifications: the fan-out worker, and an hourly check that today's digest
 * run is queued (its job key is the day, so however many processes check, it runs once).
 */
export function startNotifications(opts: WorkerOptions = {}): Worker {
  const worker = startWorker(opts);
  const tick = () =>
    void scheduleDigest().catch((err: unknown) => logger.warn({ err }, "notifications: digest not queued"));
  tick();
  const timer = setInterval(tick, HOUR_MS);
  timer.unref();
  return {
    ...worker,
    stop: async () => {
      clearInterval(timer);
      await worker.stop();
    },
  };
}

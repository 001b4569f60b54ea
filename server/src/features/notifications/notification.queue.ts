import { isDuplicateKeyError } from "../../lib/db.js";
import { NotifyJob } from "./notifyJob.model.js";
import { wakeWorkers } from "./notify.worker.js";

/**
 * Queue an event's fan-out: one insert inside the request that caused it, whatever the audience.
 * The same key twice (a retried request) is one job. `delayMs` schedules it (the "unseen" email check).
 */
export async function enqueueJob(
  event: string,
  key: string,
  payload: Record<string, unknown>,
  delayMs = 0,
): Promise<void> {
  try {
    await NotifyJob.create({ key, event, payload, runAt: new Date(Date.now() + delayMs) });
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    return;
  }
  if (delayMs === 0) wakeWorkers();
}

import mongoose from "mongoose";
import { logger } from "../../lib/logger.js";
import type { IoServer } from "../../lib/realtime/publish.js";
import { Room } from "../rooms/index.js";
import { Thread, publishThreadUpdated } from "../threads/index.js";
import { recordModAction } from "./modAction.service.js";

const SWEEP_EVERY_MS = 30_000;
let timer: NodeJS.Timeout | null = null;

/**
 * Unpin threads whose timed pin ran out. Presenters already show them unpinned; this writes it down so
 * the room's order (pinned first, by index) follows, logs it as the system, and tells the room. Each
 * thread is flipped by a conditional update, so with several server processes only one logs it.
 */
export async function sweepExpiredPins(now = new Date()): Promise<number> {
  const due = await Thread.find({ pinned: true, pinnedUntil: { $ne: null, $lte: now } })
    .limit(100)
    .lean();
  let count = 0;
  for (const thread of due) {
    const updated = await Thread.findOneAndUpdate(
      { _id: thread._id, pinned: true, pinnedUntil: thread.pinnedUntil },
      { $set: { pinned: false, pinnedUntil: null } },
      { returnDocument: "after" },
    ).lean();
    if (!updated) continue;
    count++;
    const room = await Room.findById(updated.roomId).lean();
    await recordModAction({
      actor: null,
      action: "thread.unpin",
      target: { type: "thread", id: updated._id, label: updated.title },
      room,
      threadId: updated._id,
      reason: "Pin period ended",
      before: { pinned: true, pinnedUntil: thread.pinnedUntil },
      after: { pinned: false },
    });
    if (room) await publishThreadUpdated(updated, room, { readers: true });
  }
  return count;
}

/** Started once per process with Socket.io (features/registry.ts ioInitializers); never keeps it alive. */
export function startPinSweeper(_io: IoServer): void {
  if (timer) return;
  timer = setInterval(() => {
    // Between a server's close and the process's end there is nothing to sweep.
    if (mongoose.connection.readyState !== 1) return;
    sweepExpiredPins().catch((err: unknown) => logger.error({ err }, "pin sweep failed"));
  }, SWEEP_EVERY_MS);
  timer.unref();
}

import { Types } from "mongoose";
import { isDuplicateKeyError } from "../../lib/db.js";
import { rateLimited } from "../../lib/errors.js";
import { SlowModeMark } from "./post.model.js";

export interface SlowModeSlot {
  /** Give the slot back when the write it was taken for did not happen. */
  release(): Promise<void>;
}

const NO_SLOT: SlowModeSlot = { release: async () => {} };

/**
 * One post (or new thread) per `seconds` per user per room. The mark lives in the database so every
 * server process sees it: the conditional upsert succeeds only when no live mark exists; otherwise its
 * insert collides with the unique (userId, roomId) index, which is the atomic "too soon" (429
 * SLOW_MODE with the seconds left). Callers exempt moderators before calling.
 */
export async function takeSlowModeSlot(
  userId: string,
  roomId: Types.ObjectId,
  seconds: number,
): Promise<SlowModeSlot> {
  if (seconds <= 0) return NO_SLOT;
  const now = new Date();
  const until = new Date(now.getTime() + seconds * 1000);
  const key = { userId: new Types.ObjectId(userId), roomId };
  try {
    await SlowModeMark.findOneAndUpdate(
      { ...key, until: { $lte: now } },
      { $set: { until } },
      { upsert: true },
    );
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    const mark = await SlowModeMark.findOne(key, { until: 1 }).lean();
    const left = mark ? Math.ceil((mark.until.getTime() - now.getTime()) / 1000) : 1;
    throw rateLimited(Math.max(1, left), "SLOW_MODE");
  }
  return { release: async () => void (await SlowModeMark.deleteOne({ ...key, until })) };
}

import { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { AppError, notFound } from "../../lib/errors.js";
import type { RoomRecord } from "../rooms/index.js";
import { loadVisibleThread, type ThreadRecord } from "../threads/index.js";
import { Practice, type PracticeRecord } from "./practice.model.js";

export interface LoadedPractice {
  thread: ThreadRecord;
  room: RoomRecord;
  practice: PracticeRecord;
}

/**
 * A practice thread with its record, if `actor` may see the thread (the threads feature's rule:
 * room visibility, then status); 404 otherwise, and for threads that are not practices.
 */
export async function loadVisiblePractice(actor: Actor | null, threadId: string): Promise<LoadedPractice> {
  const { thread, room } = await loadVisibleThread(actor, threadId);
  if (thread.kind !== "practice") throw notFound("Practice");
  const practice = await Practice.findOne({ thread: new Types.ObjectId(threadId) }).lean();
  if (!practice) throw notFound("Practice");
  return { thread, room, practice };
}

/** Like `loadVisiblePractice`, but `null` instead of an error (for optional links such as lineage). */
export async function findVisiblePractice(
  actor: Actor | null,
  threadId: string,
): Promise<LoadedPractice | null> {
  try {
    return await loadVisiblePractice(actor, threadId);
  } catch (err) {
    if (err instanceof AppError && (err.status === 404 || err.status === 401)) return null;
    throw err;
  }
}

import { Types } from "mongoose";
import type { ReadStateDto } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { assertCan } from "../../lib/policy.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { Post } from "../posts/index.js";
import { type ThreadRecord, loadVisibleThread } from "../threads/index.js";
import { requireSignedIn } from "../rooms/index.js";
import { ReadState } from "./readState.model.js";
import { baselineFor, loadBaselines } from "./readBaseline.js";

export interface ViewerRead {
  lastReadSeq: number;
  unreadCount: number;
}

/**
 * Raise the reader's mark to `seq` (never lower it: an old tab cannot un-read what a newer one read).
 * Upserting can race with itself on the first read of a thread; the unique index makes one of the two
 * fail with E11000, and the retry then finds the document.
 */
export async function raiseReadMark(
  userId: string,
  threadId: Types.ObjectId | string,
  seq: number,
): Promise<number> {
  const filter = { userId: new Types.ObjectId(userId), threadId: new Types.ObjectId(String(threadId)) };
  for (let attempt = 0; ; attempt++) {
    try {
      const doc = await ReadState.findOneAndUpdate(
        filter,
        { $max: { lastReadSeq: seq } },
        { upsert: true, returnDocument: "after", projection: { lastReadSeq: 1 } },
      ).lean();
      return doc?.lastReadSeq ?? seq;
    } catch (err) {
      if (attempt > 0 || !isDuplicateKeyError(err)) throw err;
    }
  }
}

/**
 * Published posts by others after `afterSeq` (and written after the reader's baseline, when there is
 * one): what a reader has not seen yet.
 */
function countUnread(
  userId: string,
  threadId: Types.ObjectId,
  afterSeq: number,
  baseline: Date | null,
): Promise<number> {
  return Post.countDocuments({
    threadId,
    seq: { $gt: afterSeq },
    status: "published",
    deleted: false,
    authorId: { $ne: new Types.ObjectId(userId) },
    ...(baseline ? { createdAt: { $gt: baseline } } : {}),
  });
}

/** Nothing in the thread happened after the baseline: all of it counts as read. */
const settledBefore = (t: Pick<ThreadRecord, "lastActivityAt">, baseline: Date | null) =>
  baseline !== null && t.lastActivityAt <= baseline;

/**
 * `POST /threads/:id/read {seq}` and socket `thread:read`. `seq` is clamped to the thread's head so a
 * client cannot mark the future as read.
 */
export async function markRead(actor: Actor | null, threadId: string, seq: number): Promise<ReadStateDto> {
  const me = requireSignedIn(actor);
  const { thread, room } = await loadVisibleThread(me, threadId);
  assertCan(me, "thread.markRead", { room, thread });
  const lastReadSeq = await raiseReadMark(me.id, thread._id, Math.min(seq, thread.lastSeq));
  const baseline = baselineFor(await loadBaselines(me.id), thread.roomId);
  const unreadCount =
    thread.lastPublishedSeq > lastReadSeq && !settledBefore(thread, baseline)
      ? await countUnread(me.id, thread._id, lastReadSeq, baseline)
      : 0;
  return { threadId: thread._id.toString(), lastReadSeq, unreadCount };
}

/** The viewer's read mark and unread count for each thread of a page (two queries plus one count per unread thread). */
export async function readStatesFor(
  viewer: Actor | null,
  threads: Pick<ThreadRecord, "_id" | "roomId" | "lastSeq" | "lastPublishedSeq" | "lastActivityAt">[],
): Promise<Map<string, ViewerRead>> {
  const result = new Map<string, ViewerRead>();
  if (!viewer || threads.length === 0) return result;
  const [states, baselines] = await Promise.all([
    ReadState.find(
      { userId: new Types.ObjectId(viewer.id), threadId: { $in: threads.map((t) => t._id) } },
      { threadId: 1, lastReadSeq: 1 },
    ).lean(),
    loadBaselines(viewer.id),
  ]);
  const marks = new Map(states.map((s) => [s.threadId.toString(), s.lastReadSeq]));
  await Promise.all(
    threads.map(async (t) => {
      const baseline = baselineFor(baselines, t.roomId);
      const mark = marks.get(t._id.toString()) ?? 0;
      if (settledBefore(t, baseline)) {
        // Read as a whole: the thread opens at its end, like one the reader has followed.
        result.set(t._id.toString(), { lastReadSeq: Math.max(mark, t.lastSeq), unreadCount: 0 });
        return;
      }
      const unreadCount = t.lastPublishedSeq > mark ? await countUnread(viewer.id, t._id, mark, baseline) : 0;
      result.set(t._id.toString(), { lastReadSeq: mark, unreadCount });
    }),
  );
  return result;
}

/**
 * How many of these threads have published posts past the viewer's mark, per room. Cheap on purpose
 * (no per-thread count): a thread is unread when its `lastPublishedSeq` is past the mark.
 */
export async function unreadThreadsByRoom(
  viewer: Actor,
  threads: Pick<ThreadRecord, "_id" | "roomId" | "lastPublishedSeq" | "lastActivityAt">[],
): Promise<Map<string, number>> {
  const counts = new Map<string, number>();
  if (threads.length === 0) return counts;
  const [states, baselines] = await Promise.all([
    ReadState.find(
      { userId: new Types.ObjectId(viewer.id), threadId: { $in: threads.map((t) => t._id) } },
      { threadId: 1, lastReadSeq: 1 },
    ).lean(),
    loadBaselines(viewer.id),
  ]);
  const marks = new Map(states.map((s) => [s.threadId.toString(), s.lastReadSeq]));
  for (const t of threads) {
    if (settledBefore(t, baselineFor(baselines, t.roomId))) continue;
    if (t.lastPublishedSeq > (marks.get(t._id.toString()) ?? 0)) {
      const key = t.roomId.toString();
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
  }
  return counts;
}

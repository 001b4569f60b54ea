import type { Types } from "mongoose";
import { Thread, type ThreadRecord } from "../threads/index.js";
import { Post, type PostRecord } from "./post.model.js";

type CountedPost = Pick<PostRecord, "seq" | "reactions">;

const reactionTotal = (post: CountedPost) => Object.values(post.reactions ?? {}).reduce((a, b) => a + b, 0);

/**
 * A post started or stopped counting for the thread (approved, hidden, unhidden, deleted, restored): its
 * thread's published counters move by one atomic `$inc` (postCount, replyCount for replies, reactionCount
 * by the post's reactions). Coming in (+1) it also raises `lastPublishedSeq` and, with `activityAt`, moves
 * `lastActivityAt` (an approved post arrives now). Going out (-1) leaves `lastPublishedSeq` alone: it is
 * only the cheap "anything new?" gate for unread counts, which count exactly.
 * Returns the updated thread, or null when it vanished.
 */
export async function shiftThreadCounters(
  threadId: Types.ObjectId,
  post: CountedPost,
  direction: 1 | -1,
  activityAt?: Date,
): Promise<ThreadRecord | null> {
  const update: Record<string, unknown> = {
    $inc: {
      postCount: direction,
      replyCount: post.seq > 1 ? direction : 0,
      reactionCount: direction * reactionTotal(post),
    },
  };
  if (direction === 1) {
    update.$max = { lastPublishedSeq: post.seq, ...(activityAt ? { lastActivityAt: activityAt } : {}) };
  }
  return Thread.findOneAndUpdate({ _id: threadId }, update, { returnDocument: "after" }).lean();
}

/**
 * Recompute a thread's published counters from its posts, for a status change of the whole thread
 * (a queued thread approved): the thread was invisible, so nothing raced with its counters meanwhile
 * except its own author's replies, which this counts too.
 */
export async function recountThread(
  threadId: Types.ObjectId,
  activityAt: Date,
): Promise<ThreadRecord | null> {
  const posts = await Post.find(
    { threadId, status: "published", deleted: false, seq: { $gt: 0 } },
    { seq: 1, reactions: 1 },
  ).lean();
  const postCount = posts.length;
  const replyCount = posts.filter((p) => p.seq > 1).length;
  const reactionCount = posts.reduce((sum, p) => sum + reactionTotal(p), 0);
  const lastPublishedSeq = posts.reduce((max, p) => Math.max(max, p.seq), 0);
  return Thread.findOneAndUpdate(
    { _id: threadId },
    { $set: { postCount, replyCount, reactionCount, lastPublishedSeq, lastActivityAt: activityAt } },
    { returnDocument: "after" },
  ).lean();
}

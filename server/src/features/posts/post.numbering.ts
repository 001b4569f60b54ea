import type { Types } from "mongoose";
import { Thread } from "../threads/index.js";
import { Post, type PostRecord } from "./post.model.js";

/**
 * The one way a post gets its number (a new post, an approved queued reply): one atomic `$inc` of the
 * thread's `lastSeq` hands out the next seq, then the post, still at seq 0, takes it. Two requests can
 * never get the same number; a number taken by a request that then fails stays a harmless gap.
 */
export async function takeSeq(
  threadId: Types.ObjectId,
  opts: { unlessLocked: boolean },
): Promise<number | null> {
  const head = await Thread.findOneAndUpdate(
    opts.unlessLocked ? { _id: threadId, locked: { $ne: true } } : { _id: threadId },
    { $inc: { lastSeq: 1 } },
    { returnDocument: "after", projection: { lastSeq: 1 } },
  ).lean();
  return head ? head.lastSeq : null;
}

/** The unnumbered post takes `seq`; null when another request numbered it first. */
export async function giveSeq(postId: Types.ObjectId, seq: number): Promise<PostRecord | null> {
  return Post.findOneAndUpdate(
    { _id: postId, seq: 0 },
    { $set: { seq } },
    { returnDocument: "after" },
  ).lean();
}

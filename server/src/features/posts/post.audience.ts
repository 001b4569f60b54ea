import { rooms } from "../../lib/realtime/rooms.js";
import type { PostRecord } from "./post.model.js";

type Addressed = Pick<PostRecord, "threadId" | "authorId" | "roomId">;

/** Everyone reading the post's thread. */
export const threadReaders = (post: Pick<PostRecord, "threadId">) => rooms.thread(post.threadId.toString());

/** The post author's tabs. */
export const postAuthor = (post: Pick<PostRecord, "authorId">) => rooms.user(post.authorId.toString());

/** Who may read a post its thread's readers may not (queued or hidden): its author and the room's moderators. */
export const postReviewers = (post: Addressed) => [
  postAuthor(post),
  rooms.mod(),
  rooms.roomMod(post.roomId.toString()),
];

/**
 * Where a post's events go: published posts to the thread; others only to their reviewers (a hidden
 * post's placeholder reaches the thread through moderation events).
 */
export const postAudience = (post: Addressed & Pick<PostRecord, "status">) =>
  post.status === "published" ? threadReaders(post) : postReviewers(post);

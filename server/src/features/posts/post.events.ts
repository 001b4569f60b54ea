import type { Types } from "mongoose";
import type { UnqueuedEvent } from "@rembuk/shared";
import type { RoomRecord } from "../rooms/index.js";
import type { ThreadRecord } from "../threads/index.js";
import type { PostRecord } from "./post.model.js";

/** What the posts feature announces to features above it (lib/events.ts). */
declare module "../../lib/events.js" {
  interface DomainEvents {
    /** A reply entered the approval queue, or its author fixed it while queued. */
    "post.queued": { thread: ThreadRecord; post: PostRecord; room: RoomRecord };
    /** A queued reply left the queue without a moderator (its author deleted it). */
    "post.unqueued": UnqueuedEvent;
    /** A new thread waits for review; its opening post carries the body the moderators read. */
    "thread.queued": { thread: ThreadRecord; post: PostRecord; room: RoomRecord };
    /** Someone wrote a post (or opened a thread): they have read the thread up to it. */
    "post.authored": { authorId: string; threadId: Types.ObjectId; seq: number };
    /**
     * A post became visible in its thread (a reply numbered, an approved one, a thread's opening post):
     * notifications queue its fan-out.
     */
    "post.published": { postId: string };
  }
}

export {};

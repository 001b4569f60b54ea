import type { QueueItemDto } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { type PostRecord, presentPosts } from "../posts/index.js";
import type { RoomRecord } from "../rooms/index.js";
import { type ThreadRecord, presentThreads } from "../threads/index.js";

export interface QueueEntry {
  targetType: "thread" | "post";
  thread: ThreadRecord;
  /** The reply, or the thread's opening post. */
  post: PostRecord;
  room: RoomRecord;
}

/**
 * Queue items as moderators see them (the waiting text included). `viewer` null means the DTO for the
 * moderators' rooms: no one's read state.
 */
export async function presentQueue(viewer: Actor | null, entries: QueueEntry[]): Promise<QueueItemDto[]> {
  if (entries.length === 0) return [];
  const slugs = new Map(entries.map((e) => [e.room._id.toString(), e.room.slug]));
  const threads = await presentThreads(
    viewer,
    entries.map((e) => e.thread),
    slugs,
  );
  const posts = await Promise.all(
    entries.map(
      async (e) => (await presentPosts(viewer, e.room, [e.post], { neutral: true, asModerators: true }))[0],
    ),
  );
  return entries.map((e, i) => ({
    targetType: e.targetType,
    id: e.targetType === "thread" ? e.thread._id.toString() : e.post._id.toString(),
    roomId: e.room._id.toString(),
    roomSlug: e.room.slug,
    roomName: { id: e.room.name.id, en: e.room.name.en },
    thread: threads[i],
    post: posts[i],
    createdAt: (e.targetType === "thread" ? e.thread.createdAt : e.post.createdAt).toISOString(),
  }));
}

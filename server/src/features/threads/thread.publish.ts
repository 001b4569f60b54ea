import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import type { RoomRecord } from "../rooms/room.model.js";
import type { ThreadRecord } from "./thread.model.js";
import { presentThread } from "./thread.presenter.js";

/**
 * Who hears about a thread: a published one its room (lists) and its readers (the thread page); one that
 * is queued or hidden only its author's tabs and the moderators of its room, the only people who may
 * see it.
 */
export function threadAudience(thread: Pick<ThreadRecord, "_id" | "status" | "authorId" | "roomId">): string[] {
  const roomId = thread.roomId.toString();
  return thread.status === "published"
    ? [rooms.room(roomId), rooms.thread(thread._id.toString())]
    : [rooms.user(thread.authorId.toString()), rooms.mod(), rooms.roomMod(roomId)];
}

/**
 * `thread:updated {thread}` (new lastSeq, counts, activity; pin, feature, lock, move, title). The DTO
 * is neutral (no unread state).
 */
export async function publishThreadUpdated(thread: ThreadRecord, room: Pick<RoomRecord, "_id" | "slug">) {
  const dto = await presentThread(null, thread, room.slug);
  publish(threadAudience(thread), "thread:updated", { thread: dto });
}

export async function publishThreadCreated(thread: ThreadRecord, room: Pick<RoomRecord, "_id" | "slug">) {
  const dto = await presentThread(null, thread, room.slug);
  publish(threadAudience(thread), "thread:created", { thread: dto });
}

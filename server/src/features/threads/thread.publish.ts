import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import type { RoomRecord } from "../rooms/index.js";
import type { ThreadRecord } from "./thread.model.js";
import { presentThread } from "./thread.presenter.js";
import { domainEvents } from "../../lib/events.js";

/**
 * Who hears about a thread: a published one its room (lists) and its readers (the thread page); one that
 * is queued or hidden only its author's tabs and the moderators of its room, the only people who may
 * see it.
 */
export function threadAudience(
  thread: Pick<ThreadRecord, "_id" | "status" | "authorId" | "roomId">,
): string[] {
  const roomId = thread.roomId.toString();
  return thread.status === "published"
    ? [rooms.room(roomId), rooms.thread(thread._id.toString())]
    : [rooms.user(thread.authorId.toString()), rooms.mod(), rooms.roomMod(roomId)];
}

/**
 * Like `threadAudience`, without the thread's readers for a published thread: counter updates after
 * each post go to the room's lists only (readers already have the post itself), which keeps a busy
 * thread's fan-out at one message per post.
 */
const listAudience = (thread: Pick<ThreadRecord, "_id" | "status" | "authorId" | "roomId">) =>
  thread.status === "published" ? [rooms.room(thread.roomId.toString())] : threadAudience(thread);

/**
 * `thread:updated {thread}` (new lastSeq, counts, activity). The DTO is neutral (no unread state).
 * Moderation's changes (pin, feature, lock, move, title) also reach the thread's readers (`readers`).
 */
export async function publishThreadUpdated(
  thread: ThreadRecord,
  room: Pick<RoomRecord, "_id" | "slug">,
  { readers = false }: { readers?: boolean } = {},
) {
  const dto = await presentThread(null, thread, room.slug);
  publish(readers ? threadAudience(thread) : listAudience(thread), "thread:updated", { thread: dto });
}

export async function publishThreadCreated(thread: ThreadRecord, room: Pick<RoomRecord, "_id" | "slug">) {
  const dto = await presentThread(null, thread, room.slug);
  publish(listAudience(thread), "thread:created", { thread: dto });
  await domainEvents.emit("thread.changed", { threadId: thread._id.toString() });
}

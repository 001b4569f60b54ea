import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import type { RoomRecord } from "../rooms/room.model.js";
import type { ThreadRecord } from "./thread.model.js";
import { presentThread } from "./thread.presenter.js";

/**
 * `thread:updated {thread}` to the room, so room lists stay live (new lastSeq, counts, activity).
 * The DTO is neutral (no unread state); threads not published go only to their author's tabs.
 */
export async function publishThreadUpdated(thread: ThreadRecord, room: Pick<RoomRecord, "_id" | "slug">) {
  const dto = await presentThread(null, thread, room.slug);
  publish(
    thread.status === "published" ? rooms.room(room._id.toString()) : rooms.user(thread.authorId.toString()),
    "thread:updated",
    { thread: dto },
  );
}

export async function publishThreadCreated(thread: ThreadRecord, room: Pick<RoomRecord, "_id" | "slug">) {
  const dto = await presentThread(null, thread, room.slug);
  publish(
    thread.status === "published" ? rooms.room(room._id.toString()) : rooms.user(thread.authorId.toString()),
    "thread:created",
    { thread: dto },
  );
}

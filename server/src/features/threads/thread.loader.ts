import type { Actor } from "../../lib/actor.js";
import { notFound } from "../../lib/errors.js";
import { can } from "../../lib/policy.js";
import { Room, type RoomRecord, hiddenRoomError, canSeeRoom } from "../rooms/index.js";
import { Thread, type ThreadRecord } from "./thread.model.js";

export interface ThreadInRoom {
  thread: ThreadRecord;
  room: RoomRecord;
}

/**
 * A thread and its room, if this actor may see both (the `thread.view` rule: room visibility, then
 * the thread's status); otherwise 404 as if it never existed (401 for guests in a members room).
 */
export async function loadVisibleThread(actor: Actor | null, threadId: string): Promise<ThreadInRoom> {
  const thread = await Thread.findById(threadId).lean();
  if (!thread) throw notFound("Thread");
  const room = await Room.findById(thread.roomId).lean();
  if (!room) throw notFound("Thread");
  if (!canSeeRoom(actor, room)) {
    const err = hiddenRoomError(actor, room);
    throw err.code === "NOT_FOUND" ? notFound("Thread") : err;
  }
  if (!can(actor, "thread.view", { room, thread })) throw notFound("Thread");
  return { thread, room };
}

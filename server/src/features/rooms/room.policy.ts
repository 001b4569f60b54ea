import type { Actor } from "../../lib/actor.js";
import { definePolicy, isAdmin, read, write } from "../../lib/policyRules.js";
import { canSeeContent, canSeeRoom, isRoomModerator, type ContentAccess, type RoomAccess } from "./room.visibility.js";

/** A thread (or the room alone) as the rules see it. */
export interface InRoom {
  room: RoomAccess;
}
export interface InThread extends InRoom {
  thread: ContentAccess & { locked: boolean };
}
export interface OnPost extends InThread {
  post: ContentAccess & { deleted: boolean };
}

export const seesThread = (actor: Actor | null, r: InThread) =>
  canSeeRoom(actor, r.room) && canSeeContent(actor, r.room, r.thread);
export const seesPost = (actor: Actor | null, r: OnPost) => seesThread(actor, r) && canSeeContent(actor, r.room, r.post);
export const isAuthor = (actor: Actor, item: ContentAccess) => String(item.authorId) === actor.id;

/**
 * Rooms. "See" rules are asked with `can()` and answered with 404 by the loaders (a restricted room
 * does not exist for outsiders); write rules go through `assertCan` (401 guests, 403 SUSPENDED,
 * 403 FORBIDDEN).
 */
export const roomPolicy = definePolicy({
  "room.create": write((actor) => isAdmin(actor)),
  "room.update": write((actor, _r: InRoom) => isAdmin(actor)),
  "room.view": read((actor, r: InRoom) => canSeeRoom(actor, r.room)),
  /** Moderators skip slow mode and locks and see queued or hidden content. */
  "room.moderate": read((actor, r: InRoom) => isRoomModerator(actor, r.room)),
});

import type { Actor } from "../../lib/actor.js";
import { definePolicy, isAdmin, read, write } from "../../lib/policyRules.js";
import {
  canSeeContent,
  canSeePostPlaceholder,
  canSeeRoom,
  isRoomModerator,
  type ContentAccess,
  type RoomAccess,
} from "./room.visibility.js";

/** A thread (or the room alone) as the rules see it. */
export interface InRoom {
  room: RoomAccess;
}
export interface InThread extends InRoom {
  thread: ContentAccess & { locked: boolean };
}
export interface OnPost extends InThread {
  post: ContentAccess & { deleted: boolean; seq: number };
}

export const seesThread = (actor: Actor | null, r: InThread) =>
  canSeeRoom(actor, r.room) && canSeeContent(actor, r.room, r.thread);
/** The post exists for the actor (a hidden post as its placeholder). */
export const seesPost = (actor: Actor | null, r: OnPost) =>
  seesThread(actor, r) && canSeePostPlaceholder(actor, r.room, r.post);
/** The actor may read the post's text (and so react to it, quote it, see its history). */
export const readsPost = (actor: Actor | null, r: OnPost) =>
  seesThread(actor, r) && canSeeContent(actor, r.room, r.post);
export const isAuthor = (actor: Actor, item: ContentAccess) => String(item.authorId) === actor.id;

/**
 * Rooms. "See" rules are asked with `can()` and answered with 404 by the loaders (a restricted room
 * does not exist for outsiders); write rules go through `assertCan` (401 guests, 403 SUSPENDED,
 * 403 FORBIDDEN).
 */
export const roomPolicy = definePolicy({
  "room.create": write((actor) => isAdmin(actor)),
  "room.update": write((actor, _r: InRoom) => isAdmin(actor)),
  /**
   * The moderation settings alone (slow mode, pre-moderation): every moderator of the room, room
   * moderators included; the rest of a room (name, audience, moderators) stays with admins.
   */
  "room.updateSettings": write(
    (actor, r: InRoom) => canSeeRoom(actor, r.room) && isRoomModerator(actor, r.room),
  ),
  "room.view": read((actor, r: InRoom) => canSeeRoom(actor, r.room)),
  /** Moderators skip slow mode and locks and see queued or hidden content. */
  "room.moderate": read((actor, r: InRoom) => isRoomModerator(actor, r.room)),
});

import type { Actor } from "../../lib/actor.js";
import { definePolicy, read, write } from "../../lib/policyRules.js";
import {
  isAuthor,
  readsPost,
  seesThread,
  type InRoom,
  type InThread,
  type OnPost,
  canSeeRoom,
  isRoomModerator,
  type RoomAccess,
} from "../rooms/index.js";
import { moderatesAny, type ModScope } from "./moderation.scope.js";

/** A move needs the actor to moderate both rooms. */
export interface MoveAccess extends InThread {
  target: RoomAccess;
}

/** What a flag points at, as the flagging rule sees it. */
export type FlagTargetAccess = OnPost;

/**
 * Global moderators (role `moderator`) and a room's own moderators have the same full toolset, the
 * latter only in their rooms; admins everything (`isRoomModerator` says exactly that). Whether an action
 * fits the content's state (approving something not queued, 409) is the service's check, not a
 * permission. Suspensions are site-wide and stay with global moderators and admins (users feature).
 */
const moderatesThread = (actor: Actor, r: InThread) => seesThread(actor, r) && isRoomModerator(actor, r.room);
const moderatesPost = (actor: Actor, r: OnPost) => moderatesThread(actor, r);
const moderatesRoom = (actor: Actor, r: InRoom) =>
  canSeeRoom(actor, r.room) && isRoomModerator(actor, r.room);
const inScope = (actor: Actor | null, scope: ModScope) => actor !== null && moderatesAny(scope);

export const moderationPolicy = definePolicy({
  "moderate.thread.approve": write(moderatesThread),
  "moderate.thread.reject": write(moderatesThread),
  "moderate.thread.pin": write(moderatesThread),
  "moderate.thread.unpin": write(moderatesThread),
  "moderate.thread.feature": write(moderatesThread),
  "moderate.thread.unfeature": write(moderatesThread),
  "moderate.thread.lock": write(moderatesThread),
  "moderate.thread.unlock": write(moderatesThread),
  "moderate.thread.edit": write(moderatesThread),
  "moderate.thread.hide": write(moderatesThread),
  "moderate.thread.unhide": write(moderatesThread),
  "moderate.thread.move": write(
    (actor, r: MoveAccess) =>
      moderatesThread(actor, r) && canSeeRoom(actor, r.target) && isRoomModerator(actor, r.target),
  ),
  "moderate.post.approve": write(moderatesPost),
  "moderate.post.reject": write(moderatesPost),
  "moderate.post.hide": write(moderatesPost),
  "moderate.post.unhide": write(moderatesPost),
  "moderate.post.delete": write(moderatesPost),
  "moderate.post.restore": write(moderatesPost),
  "moderate.post.edit": write(moderatesPost),
  /** Any reader may flag what they can read, except their own content. */
  "flag.create": write((actor, r: FlagTargetAccess) => readsPost(actor, r) && !isAuthor(actor, r.post)),
  "flag.resolve": write(moderatesRoom),
  "flag.assign": write(moderatesRoom),
  "flag.note": write(moderatesRoom),
  /** A flag and its notes, in the dashboard (read: a suspended moderator may still look). */
  "flag.view": read(
    (actor, r: InRoom) => actor !== null && canSeeRoom(actor, r.room) && isRoomModerator(actor, r.room),
  ),
  "moderation.viewQueue": read(inScope),
  "moderation.viewFlags": read(inScope),
  "moderation.viewLog": read(inScope),
  /** Who is suspended now: the people who may suspend. */
  "moderation.viewSuspended": read((actor, scope: ModScope) => actor !== null && scope.global),
});

export type ThreadModPolicyAction =
  `moderate.thread.${"approve" | "reject" | "pin" | "unpin" | "feature" | "unfeature" | "lock" | "unlock" | "edit" | "hide" | "unhide"}`;
export type PostModPolicyAction =
  `moderate.post.${"approve" | "reject" | "hide" | "unhide" | "delete" | "restore" | "edit"}`;

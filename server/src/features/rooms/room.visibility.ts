import type { ContentStatus, RoomVisibility } from "@rembuk/shared";
import type { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import type { StoredAffiliation } from "../users/index.js";

/** What deciding who may see a room needs; a lean RoomRecord fits. */
export interface RoomAccess {
  visibility: RoomVisibility;
  allowedAffiliations: readonly StoredAffiliation[];
  moderators: readonly (Types.ObjectId | string)[];
}

/** What deciding who may see a thread or post needs, besides its room. */
export interface ContentAccess {
  status: ContentStatus;
  authorId: Types.ObjectId | string;
}

const normaliseAgency = (name: string) => name.trim().replace(/\s+/g, " ").toLocaleLowerCase("id");

/**
 * Does an affiliation fall within a restricted room's list? A region matches its own code, and a
 * kabupaten/kota (`33.73`) also matches its province (`33`); a province does not match the
 * kabupaten/kota inside it (a room for Semarang's leaders is not the governor's). Agencies match by
 * name, ignoring case and spacing.
 */
export function affiliationAllowed(
  affiliation: StoredAffiliation | { kind: "region"; code: string } | { kind: "agency"; name: string } | null,
  allowed: readonly StoredAffiliation[],
): boolean {
  if (!affiliation) return false;
  if (affiliation.kind === "region" && affiliation.code) {
    const code = affiliation.code;
    const province = code.slice(0, 2);
    return allowed.some((a) => a.kind === "region" && (a.code === code || a.code === province));
  }
  if (affiliation.kind === "agency" && affiliation.name) {
    const name = normaliseAgency(affiliation.name);
    return allowed.some((a) => a.kind === "agency" && !!a.name && normaliseAgency(a.name) === name);
  }
  return false;
}

/**
 * Who moderates a room: admins, global moderators (role `moderator`, from the organising agency) and
 * the room's own moderators (any role).
 */
export function isRoomModerator(actor: Actor | null, room: RoomAccess): boolean {
  if (!actor) return false;
  if (actor.role === "admin" || actor.role === "moderator") return true;
  return room.moderators.some((m) => String(m) === actor.id);
}

/**
 * THE visibility rule, used by REST loaders, socket joins, lists and the room policy alike:
 * public rooms for everyone (guests too), members rooms for anyone signed in, restricted rooms only
 * for matching *verified* affiliations and the room's moderators. Callers answer 404 when it says no, so a
 * restricted room does not exist for outsiders.
 */
export function canSeeRoom(actor: Actor | null, room: RoomAccess): boolean {
  if (room.visibility === "public") return true;
  if (!actor) return false;
  if (room.visibility === "members") return true;
  // Only a verified claim carries a region's or agency's authority (DESIGN.md §9): an unverified
  // member who types "Gubernur Jawa Tengah" is an outsider here, exactly like a guest.
  return (
    isRoomModerator(actor, room) ||
    (actor.verified && affiliationAllowed(actor.affiliation, room.allowedAffiliations))
  );
}

/**
 * Threads and posts inside a room the actor can see: published content for everyone; queued or hidden
 * content only for its author and the room's moderators. The moderation feature changes what a status
 * means here (and in `visibleContentFilter`), nowhere else.
 */
export function canSeeContent(actor: Actor | null, room: RoomAccess, item: ContentAccess): boolean {
  if (item.status === "published") return true;
  if (!actor) return false;
  return String(item.authorId) === actor.id || isRoomModerator(actor, room);
}

/**
 * Posts differ from threads in one way: a `hidden` post that had been published keeps its place (its
 * seq) and reaches everyone else as a placeholder without its text (the presenter strips it), so
 * numbering stays gapless for readers. A post waiting in the queue (`queued`, and `hidden` ones that
 * were rejected before publication, both without a seq) exists only for its author and moderators.
 */
export function canSeePostPlaceholder(
  actor: Actor | null,
  room: RoomAccess,
  post: ContentAccess & { seq: number },
): boolean {
  if (canSeeContent(actor, room, post)) return true;
  return post.status === "hidden" && post.seq > 0;
}

/**
 * `canSeePostPlaceholder` as a filter for post lists and catch-up (which also ask for `seq > n ≥ 0`,
 * so posts without a seq never appear there).
 */
export function visiblePostFilter(actor: Actor | null, room: RoomAccess): Record<string, unknown> {
  if (isRoomModerator(actor, room)) return {};
  if (!actor) return { status: { $ne: "queued" } };
  return { $or: [{ status: { $ne: "queued" } }, { authorId: actor.id }] };
}

/**
 * The same rule as a MongoDB filter, for lists, counts and catch-up: nothing is read and then dropped,
 * so pages stay full and cursors stay honest. `authorField` is where the content's author id lives.
 */
export function visibleContentFilter(
  actor: Actor | null,
  room: RoomAccess,
  authorField = "authorId",
): Record<string, unknown> {
  if (isRoomModerator(actor, room)) return {};
  if (!actor) return { status: "published" };
  return { $or: [{ status: "published" }, { [authorField]: actor.id }] };
}

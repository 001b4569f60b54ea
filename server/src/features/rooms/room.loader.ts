import type { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { notFound, unauthenticated } from "../../lib/errors.js";
import { Room, type RoomRecord } from "./room.model.js";
import { canSeeRoom } from "./room.visibility.js";

export type RoomRef = { slug: string } | { id: string | Types.ObjectId };

/**
 * When `canSeeRoom` says no: a members room asks guests to sign in (401); anything else does not
 * exist for this actor (404), exactly like a room that was never created.
 */
export function hiddenRoomError(actor: Actor | null, room: Pick<RoomRecord, "visibility">) {
  return room.visibility === "members" && !actor
    ? unauthenticated("Sign in to see this room")
    : notFound("Room");
}

/** The room, if this actor may see it; every route and socket command reaches rooms through here. */
export async function loadVisibleRoom(actor: Actor | null, ref: RoomRef): Promise<RoomRecord> {
  const room =
    "slug" in ref ? await Room.findOne({ slug: ref.slug }).lean() : await Room.findById(ref.id).lean();
  if (!room) throw notFound("Room");
  if (!canSeeRoom(actor, room)) throw hiddenRoomError(actor, room);
  return room;
}

/** Writes need someone signed in; guests get 401 before anything is looked up. */
export function requireSignedIn(actor: Actor | null): Actor {
  if (!actor) throw unauthenticated();
  return actor;
}

import type { Actor } from "../../lib/actor.js";
import { AppError, notFound } from "../../lib/errors.js";
import {
  Room,
  type RoomRecord,
  hiddenRoomError,
  loadVisibleRoom,
  type RoomRef,
  canSeeRoom,
} from "../rooms/index.js";
import type { QaRoomScope } from "./qa.policy.js";

/** The room a session lives in, as Q&A uses it: its address and who moderates it. */
export interface QaRoom extends QaRoomScope {
  id: string;
  slug: string;
}

const toQaRoom = (room: Pick<RoomRecord, "_id" | "slug" | "moderators">): QaRoom => ({
  id: room._id.toString(),
  slug: room.slug,
  moderatorIds: room.moderators.map(String),
});

/**
 * Every vote checks that the voter may still see the session's room. During a storm that is the
 * same room thousands of times a second, so the fields the visibility rule reads are kept for
 * ROOM_TTL_MS: a room made restricted takes effect for Q&A within that time.
 */
const ROOM_TTL_MS = 2_000;
type CachedRoom = Pick<RoomRecord, "_id" | "slug" | "visibility" | "allowedAffiliations" | "moderators">;
const roomCache = new Map<string, { room: CachedRoom; until: number }>();

async function roomById(id: string): Promise<CachedRoom | null> {
  const hit = roomCache.get(id);
  if (hit && hit.until > Date.now()) return hit.room;
  const room = await Room.findById(id, {
    slug: 1,
    visibility: 1,
    allowedAffiliations: 1,
    moderators: 1,
  }).lean();
  if (room) {
    if (roomCache.size > 1_000) roomCache.clear();
    roomCache.set(id, { room, until: Date.now() + ROOM_TTL_MS });
  }
  return room;
}

/**
 * The room through the rooms feature's one visibility rule (restricted rooms do not exist for
 * outsiders: 404; members rooms ask guests to sign in: 401). `what` names the thing reported
 * missing, so a hidden session answers "Q&A session not found", not "Room".
 */
export async function loadQaRoom(actor: Actor | null, ref: RoomRef, what = "Room"): Promise<QaRoom> {
  if ("id" in ref) {
    const room = await roomById(String(ref.id));
    if (!room) throw notFound(what);
    if (!canSeeRoom(actor, room)) {
      const err = hiddenRoomError(actor, room);
      throw err.code === "NOT_FOUND" ? notFound(what) : err;
    }
    return toQaRoom(room);
  }
  try {
    return toQaRoom(await loadVisibleRoom(actor, ref));
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") throw notFound(what);
    throw err;
  }
}

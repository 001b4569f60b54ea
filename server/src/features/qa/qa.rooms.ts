import type { Actor } from "../../lib/actor.js";
import { AppError, notFound } from "../../lib/errors.js";
import { loadVisibleRoom, type RoomRef } from "../rooms/room.loader.js";
import type { QaRoomScope } from "./qa.policy.js";

/** The room a session lives in, as Q&A uses it: its address and who moderates it. */
export interface QaRoom extends QaRoomScope {
  id: string;
  slug: string;
}

/**
 * The room through the rooms feature's one visibility rule (restricted rooms do not exist for
 * outsiders: 404; members rooms ask guests to sign in: 401). `what` names the thing reported
 * missing, so a hidden session answers "Q&A session not found", not "Room".
 */
export async function loadQaRoom(actor: Actor | null, ref: RoomRef, what = "Room"): Promise<QaRoom> {
  try {
    const room = await loadVisibleRoom(actor, ref);
    return { id: room._id.toString(), slug: room.slug, moderatorIds: room.moderators.map(String) };
  } catch (err) {
    if (err instanceof AppError && err.code === "NOT_FOUND") throw notFound(what);
    throw err;
  }
}

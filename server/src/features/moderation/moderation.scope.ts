import { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { isStaff } from "../../lib/policyRules.js";
import { Room, type RoomRecord } from "../rooms/index.js";

/**
 * What an actor moderates: everything (admins, global moderators) or the rooms that list them. Room
 * moderators have the same tools as global ones, only in these rooms.
 */
export interface ModScope {
  global: boolean;
  roomIds: string[];
}

export const NO_SCOPE: ModScope = { global: false, roomIds: [] };

export async function moderationScope(actor: Actor | null): Promise<ModScope> {
  if (!actor) return NO_SCOPE;
  if (isStaff(actor)) return { global: true, roomIds: [] };
  const listed = await Room.find({ moderators: new Types.ObjectId(actor.id) }, { _id: 1 }).lean();
  return { global: false, roomIds: listed.map((r) => r._id.toString()) };
}

export const moderatesAny = (scope: ModScope) => scope.global || scope.roomIds.length > 0;

/**
 * The rooms a list query may read in this scope, as a filter on `field`: nothing for global scope
 * without a room, the one room when asked (404-like empty when outside the scope), else the scope's.
 */
export function scopeFilter(
  scope: ModScope,
  room: Pick<RoomRecord, "_id"> | null,
  field = "roomId",
): Record<string, unknown> {
  if (room) {
    const inScope = scope.global || scope.roomIds.includes(room._id.toString());
    return { [field]: inScope ? room._id : { $in: [] } };
  }
  if (scope.global) return {};
  return { [field]: { $in: scope.roomIds.map((id) => new Types.ObjectId(id)) } };
}

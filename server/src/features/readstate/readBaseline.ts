import { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { User } from "../users/index.js";

/**
 * A reader's baselines: everything written up to `all` counts as read everywhere, up to `rooms[id]`
 * in that room. Per-thread marks (`ReadState`) still count on top; a post is unread only when it
 * is past the thread's mark and newer than the baseline.
 */
export interface ReadBaselines {
  all: Date | null;
  rooms: ReadonlyMap<string, Date>;
}

export const NO_BASELINES: ReadBaselines = { all: null, rooms: new Map() };

export async function loadBaselines(userId: string): Promise<ReadBaselines> {
  const u = await User.findById(userId, { readAllAt: 1, roomsReadAt: 1 }).lean();
  if (!u) return NO_BASELINES;
  const rooms = new Map<string, Date>();
  for (const [id, at] of Object.entries(u.roomsReadAt ?? {})) {
    const date = at instanceof Date ? at : new Date(String(at));
    if (!Number.isNaN(date.getTime())) rooms.set(id, date);
  }
  return { all: u.readAllAt ?? null, rooms };
}

/** The later of the global and the room's baseline, or null when neither is set. */
export function baselineFor(b: ReadBaselines, roomId: Types.ObjectId | string): Date | null {
  const room = b.rooms.get(String(roomId)) ?? null;
  if (!b.all) return room;
  if (!room) return b.all;
  return room > b.all ? room : b.all;
}

/** `POST /threads/read-all`: everything written so far counts as read, in every room. */
export async function markAllRead(actor: Actor, now = new Date()): Promise<Date> {
  await User.updateOne(
    { _id: new Types.ObjectId(actor.id) },
    { $set: { readAllAt: now }, $unset: { roomsReadAt: "" } },
  );
  return now;
}

/** `POST /rooms/:slug/read`: everything written so far in one room counts as read. */
export async function markRoomRead(
  actor: Actor,
  roomId: Types.ObjectId | string,
  now = new Date(),
): Promise<Date> {
  const _id = new Types.ObjectId(actor.id);
  // MongoDB refuses to create a field inside a null (code 28): accounts made before this field
  // lost its null default hold `roomsReadAt: null`, so turn that into a document first.
  await User.updateOne({ _id, roomsReadAt: { $type: "null" } }, { $set: { roomsReadAt: {} } });
  await User.updateOne({ _id }, { $set: { [`roomsReadAt.${String(roomId)}`]: now } });
  return now;
}

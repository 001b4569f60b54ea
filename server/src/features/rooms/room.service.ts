import { Types } from "mongoose";
import {
  RoomAudience,
  type Affiliation,
  type RoomCreateInput,
  type RoomDto,
  type RoomUpdateInput,
} from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { conflict, notFound, validation } from "../../lib/errors.js";
import { assertCan } from "../../lib/policy.js";
import { joinRoom, leaveRoom, publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { zodToAppError } from "../../lib/zodErrors.js";
import { roomPresenceCounts } from "../presence/index.js";
import { User, fromAffiliation, toAffiliation, assertKnownAffiliation } from "../users/index.js";
import { domainEvents } from "../../lib/events.js";
import "./room.events.js";
import { loadVisibleRoom, requireSignedIn } from "./room.loader.js";
import { Room, type RoomRecord } from "./room.model.js";
import { roomAbilities } from "./room.abilities.js";
import { roomActivity } from "./room.activity.js";
import { toRoomDto } from "./room.presenter.js";
import { canSeeRoom } from "./room.visibility.js";

/**
 * Live numbers for a batch of rooms as `viewer` sees them: presence, and the threads' activity (counts,
 * latest activity, the viewer's unread threads) from the feature that provides it (room.activity.ts).
 */
async function roomStats(viewer: Actor | null, list: RoomRecord[], { neutral = false } = {}) {
  const ids = list.map((r) => r._id.toString());
  const [presence, activity] = await Promise.all([
    roomPresenceCounts(ids),
    roomActivity(viewer, list, { neutral }),
  ]);
  return list.map((room, i) => ({
    threadCount: activity[i].threadCount,
    lastActivityAt: activity[i].lastActivityAt,
    presenceCount: presence.get(ids[i]) ?? 0,
    ...(activity[i].unreadThreads !== undefined ? { unreadThreads: activity[i].unreadThreads } : {}),
  }));
}

async function presentRooms(
  viewer: Actor | null,
  list: RoomRecord[],
  opts?: { neutral?: boolean },
): Promise<RoomDto[]> {
  const stats = await roomStats(viewer, list, opts);
  return list.map((room, i) =>
    toRoomDto(room, stats[i], opts?.neutral ? undefined : roomAbilities(viewer, room)),
  );
}

/** `GET /rooms` → the rooms this viewer may see (others are simply absent), in creation order. */
export async function listRooms(viewer: Actor | null): Promise<RoomDto[]> {
  const all = await Room.find().sort({ _id: 1 }).lean();
  return presentRooms(
    viewer,
    all.filter((room) => canSeeRoom(viewer, room)),
  );
}

/** `GET /rooms/:slug` → `{room}`; 404 for a restricted room the viewer is not part of. */
export async function getRoom(viewer: Actor | null, slug: string): Promise<RoomDto> {
  const room = await loadVisibleRoom(viewer, { slug });
  const [dto] = await presentRooms(viewer, [room]);
  return dto;
}

/** Region codes in an audience must be real Kemendagri codes (400 naming the entry otherwise). */
function checkAudienceCodes(list: Affiliation[]) {
  list.forEach((a, i) => assertKnownAffiliation(a, `allowedAffiliations.${i}`));
}

/** Room moderators must be real users; unknown ids are a 400 naming the field. */
async function checkModerators(ids: string[]) {
  if (ids.length === 0) return;
  const found = await User.countDocuments({ _id: { $in: ids } });
  if (found !== new Set(ids).size)
    throw validation("Unknown moderator", { moderators: ["Every moderator must be an existing user"] });
}

const slugTaken = () =>
  conflict("A room with this slug already exists", "CONFLICT", { slug: ["Already taken"] });

/** `POST /rooms` (admins) → the new room; 409 when the slug is taken (unique index, not a lookup). */
export async function createRoom(actor: Actor | null, input: RoomCreateInput): Promise<RoomDto> {
  const me = requireSignedIn(actor);
  assertCan(me, "room.create");
  checkAudienceCodes(input.allowedAffiliations);
  await checkModerators(input.moderators);
  try {
    const room = await Room.create({
      ...input,
      allowedAffiliations: input.allowedAffiliations.flatMap((a) => fromAffiliation(a) ?? []),
      moderators: input.moderators.map((id) => new Types.ObjectId(id)),
      createdBy: new Types.ObjectId(me.id),
    });
    const created = room.toObject();
    await domainEvents.emit("audit.modAction", {
      actor: me,
      action: "room.create",
      target: { type: "room", id: created._id, label: created.slug },
      room: created,
      after: {
        slug: created.slug,
        name: created.name,
        visibility: created.visibility,
        slowModeSeconds: created.slowModeSeconds,
        preModerated: created.preModerated,
      },
    });
    await domainEvents.emit("room.changed", { roomId: created._id.toString() });
    const [dto] = await presentRooms(me, [created]);
    return dto;
  } catch (err) {
    if (isDuplicateKeyError(err, "slug")) throw slugTaken();
    throw err;
  }
}

/** Slow mode and pre-moderation: what every moderator of the room may change (the rest is admins'). */
const SETTINGS = new Set(["slowModeSeconds", "preModerated"]);

/** The patched fields that really change, as the audit log shows them (ids and affiliations as stored). */
function changedFields(
  room: RoomRecord,
  set: Record<string, unknown>,
): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(set)) {
    const old: unknown = room[key as keyof RoomRecord];
    if (JSON.stringify(old) === JSON.stringify(value)) continue;
    before[key] = old;
    after[key] = value;
  }
  return { before, after };
}

/**
 * `PATCH /rooms/:slug` (admins; the room's moderators for slow mode and pre-moderation alone). Every
 * change is one audit row with the changed fields before and after. When the audience changes (visibility, allowed affiliations,
 * moderators), sockets of people who may no longer see the room are taken out of it and its threads
 * on every process, so they stop receiving its broadcasts at once.
 */
export async function updateRoom(
  actor: Actor | null,
  slug: string,
  patch: RoomUpdateInput,
): Promise<RoomDto> {
  const me = requireSignedIn(actor);
  const room = await loadVisibleRoom(me, { slug });
  const settingsOnly = Object.keys(patch).every((key) => SETTINGS.has(key));
  assertCan(me, settingsOnly ? "room.updateSettings" : "room.update", { room });
  if (patch.moderators) await checkModerators(patch.moderators);

  const visibility = patch.visibility ?? room.visibility;
  // Leaving `restricted` without naming a list drops the old one (it would mean nothing elsewhere).
  const allowedAffiliations =
    patch.allowedAffiliations ??
    (visibility === "restricted" ? room.allowedAffiliations.flatMap((a) => toAffiliation(a) ?? []) : []);
  const audience = RoomAudience.safeParse({ visibility, allowedAffiliations });
  if (!audience.success) throw zodToAppError(audience.error);
  checkAudienceCodes(allowedAffiliations);

  const set: Record<string, unknown> = {};
  if (patch.slug !== undefined) set.slug = patch.slug;
  if (patch.name !== undefined) set.name = patch.name;
  if (patch.description !== undefined) set.description = patch.description;
  if (patch.slowModeSeconds !== undefined) set.slowModeSeconds = patch.slowModeSeconds;
  if (patch.preModerated !== undefined) set.preModerated = patch.preModerated;
  if (patch.moderators !== undefined) set.moderators = patch.moderators.map((id) => new Types.ObjectId(id));
  if (!settingsOnly) {
    set.visibility = visibility;
    set.allowedAffiliations = allowedAffiliations.flatMap((a) => fromAffiliation(a) ?? []);
  }
  const changes = changedFields(room, set);

  let updated: RoomRecord | null;
  try {
    updated = await Room.findOneAndUpdate(
      { _id: room._id },
      { $set: set },
      { returnDocument: "after", runValidators: true },
    ).lean();
  } catch (err) {
    if (isDuplicateKeyError(err, "slug")) throw slugTaken();
    throw err;
  }
  if (!updated) throw notFound("Room");
  if (Object.keys(changes.after).length > 0) {
    await domainEvents.emit("audit.modAction", {
      actor: me,
      action: "room.update",
      target: { type: "room", id: room._id, label: room.slug },
      room: updated,
      before: changes.before,
      after: changes.after,
    });
  }
  if (patch.moderators) syncRoomModerators(room, updated);
  const audienceChanged =
    patch.visibility !== undefined ||
    patch.allowedAffiliations !== undefined ||
    patch.moderators !== undefined;
  if (audienceChanged) await domainEvents.emit("room.audienceChanged", { room: updated });
  const [neutral] = await presentRooms(null, [updated], { neutral: true });
  publish(rooms.room(updated._id.toString()), "room:updated", { room: neutral });
  await domainEvents.emit("room.changed", { roomId: updated._id.toString() });
  const [dto] = await presentRooms(me, [updated]);
  return dto;
}

/**
 * Room moderators' live sockets follow the list at once: added ones join the room's moderation room
 * (its queue, flag and audit events), removed ones leave it (on every process).
 */
function syncRoomModerators(before: RoomRecord, after: RoomRecord) {
  const was = new Set(before.moderators.map(String));
  const now = new Set(after.moderators.map(String));
  const modRoom = rooms.roomMod(after._id.toString());
  for (const id of now) if (!was.has(id)) joinRoom(rooms.user(id), modRoom);
  for (const id of was) if (!now.has(id)) leaveRoom(rooms.user(id), modRoom);
}

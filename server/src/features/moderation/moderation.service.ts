import type {
  ModScopeDto,
  PublicUserDto,
  ThreadDto,
  UserDto,
  UserSummaryDto,
  FeaturedQuery,
} from "@rembuk/shared";
import { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { logger } from "../../lib/logger.js";
import { assertCan } from "../../lib/policy.js";
import { rooms } from "../../lib/realtime/rooms.js";
import type { IoSocket } from "../../lib/realtime/defineHandler.js";
import { Room, canSeeRoom } from "../rooms/index.js";
import {
  loadUserSummaries,
  toUserSummary,
  User,
  PRESENTABLE_FIELDS,
  presentUserFor,
  loadActor,
} from "../users/index.js";
import { Thread, presentThreads } from "../threads/index.js";
import { Flag } from "./flag.model.js";
import { moderationScope, scopeFilter, type ModScope } from "./moderation.scope.js";
import { queueCount } from "./queue.service.js";

/** The counts a moderator's navigation and dashboard show, in their scope. */
export async function scopeSummary(scope: ModScope): Promise<ModScopeDto> {
  const [queue, flags] = await Promise.all([
    queueCount(scope),
    scope.global || scope.roomIds.length
      ? Flag.countDocuments({ status: "open", ...scopeFilter(scope, null) })
      : 0,
  ]);
  return { global: scope.global, roomIds: scope.roomIds, queueCount: queue, openFlagCount: flags };
}

/** `GET /moderation/scope`: what the caller moderates and how much waits there (zeros for others). */
export async function getScope(actor: Actor | null): Promise<ModScopeDto> {
  return scopeSummary(await moderationScope(actor));
}

/**
 * Socket `moderation:join` (and every connection): put the socket in the moderation rooms of what its
 * user moderates. Staff are in `mod` from the handshake; room moderators join `mod:<roomId>` per room.
 */
export async function joinModerationRooms(socket: IoSocket, actor: Actor | null): Promise<ModScope> {
  const scope = await moderationScope(actor);
  if (scope.global) await socket.join(rooms.mod());
  for (const id of scope.roomIds) await socket.join(rooms.roomMod(id));
  return scope;
}

/**
 * At connection: room moderators' sockets join their rooms' moderation rooms (staff are in `mod` from
 * the handshake), so queue and flag events reach them without asking; `moderation:join` does it again
 * on demand and says what it joined.
 */
export function joinModerationRoomsOnConnect(socket: IoSocket): void {
  if (!socket.data.userId || socket.data.role !== "member") return;
  loadActor(socket.data.userId)
    .then((actor) => joinModerationRooms(socket, actor))
    .catch((err: unknown) => logger.warn({ err, socketId: socket.id }, "could not join moderation rooms"));
}

/** `GET /featured?limit` → `{threads}`: curated threads from the rooms the viewer may see, newest curation first. */
export async function listFeatured(actor: Actor | null, query: FeaturedQuery): Promise<ThreadDto[]> {
  const all = await Room.find({}, { slug: 1, visibility: 1, allowedAffiliations: 1, moderators: 1 }).lean();
  const visible = all.filter((r) => canSeeRoom(actor, r));
  if (visible.length === 0) return [];
  const rows = await Thread.find({
    featured: true,
    status: "published",
    roomId: { $in: visible.map((r) => r._id) },
  })
    .sort({ featuredAt: -1 })
    .limit(query.limit)
    .lean();
  return presentThreads(actor, rows, new Map(visible.map((r) => [r._id.toString(), r.slug])));
}

/**
 * `GET /moderation/suspended` → `{users}`: everyone suspended right now, soonest end first, for the
 * people who may lift it (global moderators and admins). A handful at a time, so no index is needed
 * beyond the collection scan of a rarely used screen.
 */
export async function listSuspended(actor: Actor | null): Promise<Array<UserDto | PublicUserDto>> {
  const scope = await moderationScope(actor);
  assertCan(actor, "moderation.viewSuspended", scope);
  const rows = await User.find({ suspendedUntil: { $gt: new Date() } }, PRESENTABLE_FIELDS)
    .sort({ suspendedUntil: 1 })
    .limit(200)
    .lean();
  return rows.map((u) => presentUserFor(actor, u));
}

/**
 * `GET /moderation/moderators` → `{users}`: who can take a flag in the caller's scope (global
 * moderators and admins, and the rooms' own moderators), for the assignee picker.
 */
export async function listModerators(actor: Actor | null): Promise<UserSummaryDto[]> {
  const scope = await moderationScope(actor);
  assertCan(actor, "moderation.viewFlags", scope);
  const staff = await User.find(
    { role: { $in: ["admin", "moderator"] } },
    { name: 1, role: 1, title: 1, affiliation: 1, verified: 1 },
  )
    .limit(200)
    .lean();
  const roomFilter = scope.global ? {} : { _id: { $in: scope.roomIds.map((id) => new Types.ObjectId(id)) } };
  const listed = await Room.find(roomFilter, { moderators: 1 }).lean();
  const extra = await loadUserSummaries(listed.flatMap((r) => r.moderators));
  const people = new Map(staff.map((u) => [u._id.toString(), toUserSummary(u)]));
  for (const [id, u] of extra) people.set(id, u);
  return [...people.values()].sort((a, b) => a.name.localeCompare(b.name, "id"));
}

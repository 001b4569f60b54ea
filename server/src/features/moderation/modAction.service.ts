import { Types } from "mongoose";
import type { ModActionDto, ModLogQuery } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { notFound } from "../../lib/errors.js";
import { domainEvents } from "../../lib/events.js";
import { assertCan } from "../../lib/policy.js";
import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { afterIdCursor, idCursor, pageOf } from "../../lib/cursor.js";
import { Room } from "../rooms/index.js";
import type { ModActionEntry } from "../audit/index.js";
import { ModAction, type ModActionRecord } from "./modAction.model.js";
import { presentModActions } from "./modAction.presenter.js";
import "./moderation.events.js";
import { moderationScope, scopeFilter } from "./moderation.scope.js";

/** Texts in before/after are kept to this many characters (full texts live in the edit history). */
const SNAPSHOT_TEXT_MAX = 500;

function snapshotValue(v: unknown): unknown {
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Types.ObjectId) return v.toHexString();
  if (typeof v === "string" && v.length > SNAPSHOT_TEXT_MAX) return `${v.slice(0, SNAPSHOT_TEXT_MAX - 1)}…`;
  if (Array.isArray(v)) return v.map(snapshotValue);
  if (v && typeof v === "object")
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, snapshotValue(x)]));
  return v;
}

const snapshot = (o: Record<string, unknown> | null | undefined) =>
  o ? Object.fromEntries(Object.entries(o).map(([k, v]) => [k, snapshotValue(v)])) : null;

/** Where a moderation event goes: the moderators of its room(s), or (no room) global moderators and admins. */
export const modAudience = (...roomIds: Array<Types.ObjectId | string | null | undefined>) => [
  rooms.mod(),
  ...roomIds.flatMap((id) => (id ? [rooms.roomMod(String(id))] : [])),
];

/**
 * Append one row to the audit log and show it live in the moderators' dashboards. Every moderator and
 * admin action calls this exactly once, after its own write succeeded (only the request that actually
 * changed something gets here, so a retried or raced action logs once). Without multi-document
 * transactions a crash between the two writes could lose the row; that window is one insert.
 */
export async function recordModAction(entry: ModActionEntry): Promise<ModActionDto> {
  const row = await ModAction.create({
    actorId: entry.actor ? new Types.ObjectId(entry.actor.id) : null,
    actorName: entry.actor?.name ?? "Sistem",
    actorRole: entry.actor?.role ?? null,
    action: entry.action,
    targetType: entry.target.type,
    targetId: new Types.ObjectId(String(entry.target.id)),
    targetLabel: entry.target.label.slice(0, 200),
    roomIds: [entry.room?._id, entry.toRoom?._id].filter((id): id is Types.ObjectId => !!id),
    roomSlug: entry.room?.slug ?? null,
    threadId: entry.threadId ? new Types.ObjectId(String(entry.threadId)) : null,
    reason: entry.reason ?? null,
    before: snapshot(entry.before),
    after: snapshot(entry.after),
  });
  const [dto] = await presentModActions([row.toObject()]);
  publish(modAudience(entry.room?._id, entry.toRoom?._id), "modlog:created", { entry: dto });
  await domainEvents.emit("moderation.recorded", { modActionId: row._id.toString() });
  return dto;
}

/** Asia/Jakarta (WIB, UTC+7, no daylight saving): the organising agency's days. */
const dayStart = (day: string) => new Date(`${day}T00:00:00+07:00`);
const DAY_MS = 24 * 60 * 60 * 1000;

async function logFilter(actor: Actor | null, query: Omit<ModLogQuery, "limit" | "cursor">) {
  const scope = await moderationScope(actor);
  assertCan(actor, "moderation.viewLog", scope);
  let room = null;
  if (query.roomSlug) {
    room = await Room.findOne({ slug: query.roomSlug }, { _id: 1 }).lean();
    if (!room) throw notFound("Room");
  }
  const filter: Record<string, unknown> = scopeFilter(scope, room, "roomIds");
  // Rows without a room (suspensions, roles) belong to global moderators and admins only, which the
  // room filter above already says for room moderators.
  if (query.actorId) filter.actorId = new Types.ObjectId(query.actorId);
  if (query.action) filter.action = query.action;
  if (query.targetId) filter.targetId = new Types.ObjectId(query.targetId);
  const range: Record<string, Date> = {};
  if (query.from) range.$gte = query.from.length === 10 ? dayStart(query.from) : new Date(query.from);
  if (query.to)
    range.$lt = query.to.length === 10 ? new Date(dayStart(query.to).getTime() + DAY_MS) : new Date(query.to);
  if (range.$gte || range.$lt) filter.createdAt = range;
  return filter;
}

/**
 * `GET /moderation/log?actorId&action&roomSlug&targetId&from&to&cursor&limit` → `{entries, nextCursor}`,
 * newest first. Room moderators read the rows of their rooms; global moderators and admins all.
 */
export async function listModLog(
  actor: Actor | null,
  query: ModLogQuery,
): Promise<{ entries: ModActionDto[]; nextCursor: string | null }> {
  const filter = await logFilter(actor, query);
  if (query.cursor) filter._id = afterIdCursor(query.cursor);
  const rows = await ModAction.find(filter)
    .sort({ _id: -1 })
    .limit(query.limit + 1)
    .lean();
  const { page, nextCursor } = pageOf(rows, query.limit, idCursor);
  return {
    entries: await presentModActions(page),
    nextCursor,
  };
}

/** Rows for the CSV export: the same filters, newest first, at most `max`. */
export async function modLogRows(
  actor: Actor | null,
  query: Omit<ModLogQuery, "limit" | "cursor">,
  max: number,
): Promise<ModActionRecord[]> {
  const filter = await logFilter(actor, query);
  return ModAction.find(filter).sort({ _id: -1 }).limit(max).lean();
}

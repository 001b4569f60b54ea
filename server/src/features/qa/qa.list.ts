import type { QaListQuery, QaSessionDto, QaStatus } from "@rembuk/shared";
import type { QueryFilter, SortOrder } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { Room, canSeeRoom } from "../rooms/index.js";
import { loadPeople } from "./qa.people.js";
import { presentSession } from "./qa.presenter.js";
import { QaSession, type QaSessionRecord } from "./qaSession.model.js";

/** How each status is ordered: what is on now, what comes soonest, what ended last. */
const ORDER: Record<QaStatus, Record<string, SortOrder>> = {
  live: { startedAt: -1, _id: -1 },
  scheduled: { startsAt: 1, _id: -1 },
  ended: { endedAt: -1, _id: -1 },
};

async function sessionsWith(filter: QueryFilter<QaSessionRecord>, status: QaStatus, limit: number) {
  if (status !== "scheduled")
    return QaSession.find({ ...filter, status })
      .sort(ORDER[status])
      .limit(limit)
      .lean();
  // Scheduled with a start time first (soonest first), then those without one (newest first):
  // ascending order alone would put the ones without a time at the top.
  const timed = await QaSession.find({ ...filter, status, startsAt: { $ne: null } })
    .sort(ORDER.scheduled)
    .limit(limit)
    .lean();
  if (timed.length >= limit) return timed;
  const untimed = await QaSession.find({ ...filter, status, startsAt: null })
    .sort({ createdAt: -1, _id: -1 })
    .limit(limit - timed.length)
    .lean();
  return [...timed, ...untimed];
}

/**
 * `GET /qa?status&limit`: Q&A sessions in every room this viewer may see, by the same rule as every
 * other read (`canSeeRoom`: restricted rooms do not exist for outsiders, members rooms for guests).
 */
export async function listSessions(actor: Actor | null, query: QaListQuery): Promise<QaSessionDto[]> {
  const rooms = await Room.find({}, { slug: 1, visibility: 1, allowedAffiliations: 1, moderators: 1 }).lean();
  const visible = rooms.filter((r) => canSeeRoom(actor, r));
  if (visible.length === 0) return [];
  const slugs = new Map(visible.map((r) => [r._id.toString(), r.slug]));
  const filter: QueryFilter<QaSessionRecord> = { room: { $in: visible.map((r) => r._id) } };
  const statuses: QaStatus[] = query.status ? [query.status] : ["live", "scheduled", "ended"];
  const found: QaSessionRecord[] = [];
  for (const status of statuses) {
    if (found.length >= query.limit) break;
    found.push(...(await sessionsWith(filter, status, query.limit - found.length)));
  }
  const people = await loadPeople(found.flatMap((s) => s.hosts));
  return found.map((s) => presentSession(s, slugs.get(s.room.toString()) ?? "", people));
}

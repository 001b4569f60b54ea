import { Types, type PipelineStage } from "mongoose";
import type { PracticeListQuery } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { Room, canSeeRoom } from "../rooms/index.js";
import { type ThreadRecord, presentThreads } from "../threads/index.js";
import { afterCursor, keysetSort, pageOf } from "../../lib/cursor.js";
import { PRACTICE_SORTS, practiceCursor } from "./practice.cursor.js";
import { Practice, type PracticeRecord } from "./practice.model.js";
import { toPracticeExtra, type PracticeThreadDto } from "./practice.presenter.js";

export type DirectoryFilters = Omit<PracticeListQuery, "cursor" | "limit" | "sort">;

/** A practice joined with its thread, as the directory pipeline yields it. */
export type DirectoryRow = PracticeRecord & { t: ThreadRecord };

/** The rooms `actor` can see, by id (rooms are few; the rule is `canSeeRoom`, shared with every loader). */
export async function visibleRooms(actor: Actor | null) {
  const all = await Room.find({}, { slug: 1, visibility: 1, allowedAffiliations: 1, moderators: 1 }).lean();
  return all.filter((r) => canSeeRoom(actor, r));
}

/** Practice-side conditions: each is served by one of the practice indexes. */
export function practiceMatch(f: DirectoryFilters): Record<string, unknown> {
  const match: Record<string, unknown> = {};
  if (f.province) match.provinceCode = f.province;
  // A two-digit `region` is a province: the same as `province`.
  if (f.region) match[f.region.length === 2 ? "provinceCode" : "regionCode"] = f.region;
  if (f.sector) match.sector = f.sector;
  if (f.stage) match.stage = f.stage;
  if (f.sdg !== undefined) match.sdgs = f.sdg;
  if (f.hasAdoptions === true) match.adoptionCount = { $gt: 0 };
  if (f.hasAdoptions === false) match.adoptionCount = 0;
  return match;
}

/**
 * Thread-side conditions: a room the actor can see, and published — or the actor's own practice
 * still waiting in the queue (it shows with its status). Queued practices of others stay in the
 * moderation queue, not in the directory, even for moderators.
 */
export function threadMatch(
  actor: Actor | null,
  roomIds: Types.ObjectId[],
  f: Pick<DirectoryFilters, "featured">,
  opts: { publishedOnly?: boolean } = {},
) {
  const match: Record<string, unknown> = { "t.kind": "practice", "t.roomId": { $in: roomIds } };
  if (actor && !opts.publishedOnly) {
    match.$or = [{ "t.status": "published" }, { "t.authorId": new Types.ObjectId(actor.id) }];
  } else {
    match["t.status"] = "published";
  }
  if (f.featured !== undefined) match["t.featured"] = f.featured;
  return match;
}

const joinThread: PipelineStage[] = [
  { $lookup: { from: "threads", localField: "thread", foreignField: "_id", as: "t" } },
  { $unwind: "$t" },
];

/**
 * The directory's rows in `sort` order: practice filters first (indexed), then the thread joined in
 * for visibility, the featured flag and the reply count, then the keyset cursor and the limit.
 */
export async function directoryRows(
  actor: Actor | null,
  query: Pick<PracticeListQuery, "sort"> & DirectoryFilters & { cursor?: string; limit?: number },
  opts: { publishedOnly?: boolean } = {},
): Promise<{ rows: DirectoryRow[]; roomSlugs: Map<string, string> }> {
  const rooms = await visibleRooms(actor);
  const roomSlugs = new Map(rooms.map((r) => [r._id.toString(), r.slug]));
  if (rooms.length === 0) return { rows: [], roomSlugs };
  const pipeline: PipelineStage[] = [
    { $match: practiceMatch(query) },
    ...joinThread,
    {
      $match: threadMatch(
        actor,
        rooms.map((r) => r._id),
        query,
        opts,
      ),
    },
  ];
  const keys = PRACTICE_SORTS[query.sort];
  if (query.cursor) pipeline.push({ $match: afterCursor(query.sort, keys, query.cursor) });
  pipeline.push({ $sort: keysetSort(keys) });
  if (query.limit !== undefined) pipeline.push({ $limit: query.limit });
  const rows = await Practice.aggregate<DirectoryRow>(pipeline);
  return { rows, roomSlugs };
}

/** Rows → practice thread DTOs (thread fields through the threads presenter, plus the record). */
export async function presentRows(
  actor: Actor | null,
  rows: DirectoryRow[],
  roomSlugs: ReadonlyMap<string, string>,
): Promise<PracticeThreadDto[]> {
  const threads = await presentThreads(
    actor,
    rows.map((r) => r.t),
    roomSlugs,
  );
  return threads.map((t, i) => ({ ...t, ...toPracticeExtra(rows[i]) }));
}

/** `GET /practices` → `{practices, nextCursor}`. */
export async function listPractices(
  actor: Actor | null,
  query: PracticeListQuery,
): Promise<{ practices: PracticeThreadDto[]; nextCursor: string | null }> {
  const { rows, roomSlugs } = await directoryRows(actor, { ...query, limit: query.limit + 1 });
  const { page, nextCursor } = pageOf(rows, query.limit, (last) => practiceCursor(query.sort, last));
  return { practices: await presentRows(actor, page, roomSlugs), nextCursor };
}

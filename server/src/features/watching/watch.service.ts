import { Types } from "mongoose";
import type { ThreadDto, WatchLevel, WatchResult } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { loadVisibleRoom, requireSignedIn } from "../rooms/index.js";
import { loadVisibleThread, type ThreadRecord } from "../threads/index.js";
import { Watch, type WatchScope } from "./watch.model.js";

/** Where a thread lives, as the watch rules need it. */
export type WatchedPlace = Pick<ThreadRecord, "_id" | "roomId" | "tags">;

async function setLevel(
  userId: string,
  scope: WatchScope,
  key: string,
  level: WatchLevel,
): Promise<WatchResult> {
  await Watch.updateOne(
    { userId: new Types.ObjectId(userId), scope, key },
    { $set: { level, auto: false } },
    { upsert: true },
  );
  return { watch: { level } };
}

/** `PUT /threads/:id/watch`: only a thread the person may see (404 otherwise). */
export async function watchThread(actor: Actor | null, threadId: string, level: WatchLevel) {
  const me = requireSignedIn(actor);
  const { thread } = await loadVisibleThread(me, threadId);
  return setLevel(me.id, "thread", thread._id.toString(), level);
}

/** `PUT /rooms/:slug/watch`. */
export async function watchRoom(actor: Actor | null, slug: string, level: WatchLevel) {
  const me = requireSignedIn(actor);
  const room = await loadVisibleRoom(me, { slug });
  return setLevel(me.id, "room", room._id.toString(), level);
}

/** `PUT /tags/:tag/watch`: tags exist wherever a thread uses them; watching one reveals nothing. */
export async function watchTag(actor: Actor | null, tag: string, level: WatchLevel) {
  const me = requireSignedIn(actor);
  return setLevel(me.id, "tag", tag, level);
}

/**
 * The default "watch threads I start or reply in": a row only where the person has none, so their
 * own choice (normal, muted) stays.
 */
export async function autoWatch(userId: Types.ObjectId | string, threadId: Types.ObjectId | string) {
  await Watch.updateOne(
    { userId: new Types.ObjectId(String(userId)), scope: "thread", key: String(threadId) },
    { $setOnInsert: { level: "watching", auto: true } },
    { upsert: true },
  ).catch((err: unknown) => {
    // Two defaults racing for one row: the other one wrote it, which is all this wanted.
    if (!(typeof err === "object" && err && "code" in err && err.code === 11000)) throw err;
  });
}

const placeKeys = (place: WatchedPlace) => [
  { scope: "thread" as const, key: place._id.toString() },
  { scope: "room" as const, key: place.roomId.toString() },
  ...(place.tags ?? []).map((tag) => ({ scope: "tag" as const, key: tag })),
];

/**
 * One person's level for a thread from the rows that concern it: the thread's own row wins; without
 * one, a muted room or tag mutes it, and a watched room or tag watches it; otherwise normal.
 */
function resolve(rows: ReadonlyArray<{ scope: WatchScope; level: WatchLevel }>): WatchLevel {
  const own = rows.find((r) => r.scope === "thread");
  if (own) return own.level;
  if (rows.some((r) => r.level === "muted")) return "muted";
  if (rows.some((r) => r.level === "watching")) return "watching";
  return "normal";
}

/** Each given person's level for a thread (people without any row: normal). */
export async function levelsFor(
  userIds: ReadonlyArray<Types.ObjectId | string>,
  place: WatchedPlace,
): Promise<Map<string, WatchLevel>> {
  const ids = userIds.map((id) => new Types.ObjectId(String(id)));
  const rows = await Watch.find(
    { userId: { $in: ids }, $or: placeKeys(place) },
    { userId: 1, scope: 1, level: 1 },
  ).lean();
  const byUser = new Map<string, typeof rows>();
  for (const r of rows) byUser.set(r.userId.toString(), [...(byUser.get(r.userId.toString()) ?? []), r]);
  return new Map(ids.map((id) => [id.toString(), resolve(byUser.get(id.toString()) ?? [])]));
}

/** Everyone whose level for this thread is `watching` (directly or through its room or a tag). */
export async function watchersOf(place: WatchedPlace): Promise<string[]> {
  const candidates = await Watch.distinct("userId", { $or: placeKeys(place), level: "watching" });
  if (candidates.length === 0) return [];
  const levels = await levelsFor(candidates, place);
  return [...levels].filter(([, level]) => level === "watching").map(([id]) => id);
}

/** The viewer's `watch` on every thread presented to them (registered with the threads presenter). */
export async function watchFields(
  viewer: Actor,
  threads: readonly ThreadRecord[],
): Promise<Map<string, Partial<ThreadDto>>> {
  const out = new Map<string, Partial<ThreadDto>>();
  const rows = await Watch.find({
    userId: new Types.ObjectId(viewer.id),
    $or: [
      { scope: "thread", key: { $in: threads.map((t) => t._id.toString()) } },
      { scope: "room", key: { $in: [...new Set(threads.map((t) => t.roomId.toString()))] } },
      { scope: "tag", key: { $in: [...new Set(threads.flatMap((t) => t.tags ?? []))] } },
    ],
  }).lean();
  for (const t of threads) {
    const mine = rows.filter(
      (r) =>
        (r.scope === "thread" && r.key === t._id.toString()) ||
        (r.scope === "room" && r.key === t.roomId.toString()) ||
        (r.scope === "tag" && (t.tags ?? []).includes(r.key)),
    );
    out.set(t._id.toString(), { watch: resolve(mine) });
  }
  return out;
}

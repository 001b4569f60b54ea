import type { ThreadDto, ThreadListQuery } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { loadVisibleRoom, visibleContentFilter } from "../rooms/index.js";
import { afterCursor, keysetSort, pageOf } from "../../lib/cursor.js";
import { THREAD_SORTS, threadCursor } from "./thread.cursor.js";
import { loadVisibleThread } from "./thread.loader.js";
import { Thread } from "./thread.model.js";
import { presentThreadFor, presentThreads } from "./thread.presenter.js";

/**
 * `GET /rooms/:slug/threads?sort&cursor&limit` → `{threads, nextCursor}`. `activity` puts pinned threads
 * first, then the most recently active; `new` is by creation; `top` by published posts, then reactions.
 */
export async function listThreads(actor: Actor | null, slug: string, query: ThreadListQuery) {
  const room = await loadVisibleRoom(actor, { slug });
  const conditions: Record<string, unknown>[] = [{ roomId: room._id }];
  const visibility = visibleContentFilter(actor, room);
  if (Object.keys(visibility).length) conditions.push(visibility);
  const keys = THREAD_SORTS[query.sort];
  if (query.cursor) conditions.push(afterCursor(query.sort, keys, query.cursor));
  const rows = await Thread.find(conditions.length > 1 ? { $and: conditions } : conditions[0])
    .sort(keysetSort(keys))
    .limit(query.limit + 1)
    .lean();
  const { page, nextCursor } = pageOf(rows, query.limit, (last) => threadCursor(query.sort, last));
  const threads = await presentThreads(actor, page, new Map([[room._id.toString(), room.slug]]));
  return { threads, nextCursor };
}

/** `GET /threads/:id` → `{thread}`. */
export async function getThread(actor: Actor | null, threadId: string): Promise<ThreadDto> {
  const { thread, room } = await loadVisibleThread(actor, threadId);
  return presentThreadFor(actor, thread, room);
}

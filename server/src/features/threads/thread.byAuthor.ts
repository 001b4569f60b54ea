import { Types } from "mongoose";
import type { ThreadDto, ThreadListQuery } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { notFound } from "../../lib/errors.js";
import { Room, canSeeRoom, visibleContentFilter } from "../rooms/index.js";
import { User } from "../users/index.js";
import { afterCursor, keysetSort, pageOf } from "../../lib/cursor.js";
import { THREAD_SORTS, threadCursor } from "./thread.cursor.js";
import { Thread } from "./thread.model.js";
import { presentThreads } from "./thread.presenter.js";

/**
 * `GET /users/:id/threads` → `{threads, nextCursor}`: what a person has started (discussions and
 * practices), newest first, limited to what the viewer could reach room by room, so a profile never
 * reveals a restricted room or someone else's queued or hidden thread.
 */
export async function listThreadsByAuthor(
  viewer: Actor | null,
  authorId: string,
  query: Pick<ThreadListQuery, "cursor" | "limit">,
): Promise<{ threads: ThreadDto[]; nextCursor: string | null }> {
  if (!(await User.exists({ _id: authorId }))) throw notFound("User");
  const rooms = (await Room.find().lean()).filter((room) => canSeeRoom(viewer, room));
  if (!rooms.length) return { threads: [], nextCursor: null };

  const author = new Types.ObjectId(authorId);
  // One branch per visible room, each with that room's own content rule (its moderators see more).
  const perRoom = rooms.map((room) => ({ roomId: room._id, ...visibleContentFilter(viewer, room) }));
  const conditions: Record<string, unknown>[] = [{ authorId: author }, { $or: perRoom }];
  if (query.cursor) conditions.push(afterCursor("new", THREAD_SORTS.new, query.cursor));

  const rows = await Thread.find({ $and: conditions })
    .sort(keysetSort(THREAD_SORTS.new))
    .limit(query.limit + 1)
    .lean();
  const { page, nextCursor } = pageOf(rows, query.limit, (last) => threadCursor("new", last));
  const slugs = new Map(rooms.map((r) => [r._id.toString(), r.slug]));
  return { threads: await presentThreads(viewer, page, slugs), nextCursor };
}

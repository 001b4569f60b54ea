import { Types } from "mongoose";
import type { PostDto, QueueItemDto, QueueQuery } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { notFound } from "../../lib/errors.js";
import { assertCan } from "../../lib/policy.js";
import { Post, presentPosts } from "../posts/index.js";
import { Room, type RoomRecord, isRoomModerator } from "../rooms/index.js";
import { loadVisibleThread, Thread } from "../threads/index.js";
import { moderationScope, scopeFilter, type ModScope } from "./moderation.scope.js";
import { presentQueue, type QueueEntry } from "./queue.presenter.js";

const byId = <T extends { _id: Types.ObjectId }>(items: T[]) =>
  new Map(items.map((x) => [x._id.toString(), x]));

/** The queue's raw filters in a scope: queued threads, and queued replies (no seq yet). */
function queueFilters(
  scope: ModScope,
  room: RoomRecord | null,
): { threads: Record<string, unknown>; posts: Record<string, unknown> } {
  const rooms = scopeFilter(scope, room);
  return {
    threads: { status: "queued", ...rooms },
    posts: { status: "queued", seq: 0, deleted: false, ...rooms },
  };
}

/**
 * `GET /moderation/queue?roomSlug&limit` → `{items}`: what waits for review in the rooms the viewer
 * moderates, oldest first (first come, first served). Replies in a thread that is itself still queued
 * are left out: the thread is decided first.
 */
export async function listQueue(actor: Actor | null, query: QueueQuery): Promise<QueueItemDto[]> {
  const scope = await moderationScope(actor);
  assertCan(actor, "moderation.viewQueue", scope);
  const room = query.roomSlug ? await Room.findOne({ slug: query.roomSlug }).lean() : null;
  if (query.roomSlug && !room) throw notFound("Room");
  const filters = queueFilters(scope, room);
  const [threads, posts] = await Promise.all([
    Thread.find(filters.threads).sort({ createdAt: 1 }).limit(query.limit).lean(),
    Post.find(filters.posts).sort({ createdAt: 1 }).limit(query.limit).lean(),
  ]);
  const [openings, postThreads] = await Promise.all([
    Post.find({ threadId: { $in: threads.map((t) => t._id) }, seq: 1 }).lean(),
    Thread.find({ _id: { $in: posts.map((p) => p.threadId) } }).lean(),
  ]);
  const roomIds = [...threads.map((t) => t.roomId), ...postThreads.map((t) => t.roomId)];
  const roomsById = byId(await Room.find({ _id: { $in: roomIds } }).lean());
  const openingOf = new Map(openings.map((p) => [p.threadId.toString(), p]));
  const threadsById = byId(postThreads);

  const entries: QueueEntry[] = [];
  for (const thread of threads) {
    const post = openingOf.get(thread._id.toString());
    const r = roomsById.get(thread.roomId.toString());
    if (post && r && isRoomModerator(actor, r)) entries.push({ targetType: "thread", thread, post, room: r });
  }
  for (const post of posts) {
    const thread = threadsById.get(post.threadId.toString());
    const r = thread ? roomsById.get(thread.roomId.toString()) : undefined;
    if (thread && r && thread.status === "published" && isRoomModerator(actor, r))
      entries.push({ targetType: "post", thread, post, room: r });
  }
  const createdAt = (e: QueueEntry) =>
    (e.targetType === "thread" ? e.thread.createdAt : e.post.createdAt).getTime();
  entries.sort((a, b) => createdAt(a) - createdAt(b));
  return presentQueue(actor, entries.slice(0, query.limit));
}

/** How many items wait in a scope (the dashboard's and navigation's badge). */
export async function queueCount(scope: ModScope): Promise<number> {
  if (!scope.global && scope.roomIds.length === 0) return 0;
  const filters = queueFilters(scope, null);
  const [threads, posts] = await Promise.all([
    Thread.countDocuments(filters.threads),
    Post.countDocuments(filters.posts),
  ]);
  return threads + posts;
}

/**
 * `GET /threads/:id/queued` → `{posts}`: the replies in this thread that have no seq yet, as the viewer
 * may see them: their own queued or rejected replies ("awaiting review", or why not), and for the
 * room's moderators every queued reply, to decide in place. Nobody else has any.
 */
export async function listThreadQueued(actor: Actor | null, threadId: string): Promise<PostDto[]> {
  const { thread, room } = await loadVisibleThread(actor, threadId);
  if (!actor) return [];
  const mine: Record<string, unknown> = {
    authorId: new Types.ObjectId(actor.id),
    status: { $in: ["queued", "hidden"] },
  };
  const filter: Record<string, unknown> = isRoomModerator(actor, room)
    ? { $or: [{ status: "queued" }, mine] }
    : mine;
  const rows = await Post.find({ threadId: thread._id, seq: 0, deleted: false, ...filter })
    .sort({ createdAt: 1 })
    .limit(100)
    .lean();
  return presentPosts(actor, room, rows);
}

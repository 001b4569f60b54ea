import { Types } from "mongoose";
import type { ThreadCreateInput, ThreadDto, ThreadKind, ThreadListQuery } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { domainEvents } from "../../lib/events.js";
import { assertCan } from "../../lib/policy.js";
import { renderBody } from "../markdown/index.js";
import { Post, initialStatus, takeSlowModeSlot } from "../posts/index.js";
import { raiseReadMark } from "../readstate/index.js";
import {
  loadVisibleRoom,
  requireSignedIn,
  type RoomRef,
  type RoomRecord,
  isRoomModerator,
  visibleContentFilter,
} from "../rooms/index.js";
import { afterCursor, encodeCursor, sortSpec } from "./thread.cursor.js";
import { loadVisibleThread } from "./thread.loader.js";
import { Thread, type ThreadRecord } from "./thread.model.js";
import { presentThread, presentThreadFor, presentThreads } from "./thread.presenter.js";
import { publishThreadCreated } from "./thread.publish.js";
import { announceQueued } from "../moderation/index.js";
import { practiceForThread } from "../practices/index.js";

/**
 * `POST /rooms/:slug/threads`. The thread is born with its opening post as
 * seq 1 (`lastSeq: 1`), so no `$inc` is involved. A `clientId` makes it idempotent like posts: the unique
 * (authorId, clientId) index turns a second insert into E11000 and the original is returned
 * (`created: false` → 200). Without a clientId the server makes one up, so the index stays total.
 *
 * Slow mode is checked before the insert (a thread is visible the moment it exists); when it refuses,
 * a thread already created with this clientId is still answered 200, so a retry is never a 429.
 */
export async function createThread(
  actor: Actor | null,
  ref: RoomRef,
  input: ThreadCreateInput,
  /** Server-made threads only (a Q&A session's `qa-archive`); clients cannot pick these kinds. */
  internal: { kind?: ThreadKind } = {},
): Promise<{ thread: ThreadDto; created: boolean }> {
  const me = requireSignedIn(actor);
  const room = await loadVisibleRoom(me, ref);
  assertCan(me, "thread.create", { room });
  const rendered = await renderBody(input.body);

  const threadId = new Types.ObjectId();
  const authorId = new Types.ObjectId(me.id);
  const kind = internal.kind ?? input.kind ?? "discussion";
  const status = initialStatus(me, room, { kind });
  const published = status === "published";
  const now = new Date();
  const clientId = input.clientId ?? `auto-${threadId.toHexString()}`;
  const thread = new Thread({
    _id: threadId,
    roomId: room._id,
    kind,
    title: input.title,
    authorId,
    tags: input.tags ?? [],
    status,
    lastSeq: 1,
    lastPublishedSeq: published ? 1 : 0,
    postCount: published ? 1 : 0,
    replyCount: 0,
    lastActivityAt: now,
    clientId,
  });
  const opening = openingPost(threadId, room, authorId, input.body, rendered, status);
  await Promise.all([thread.validate(), opening.validate()]);
  // Practice threads: the practices feature validates the record now (400 `practice.*`) and saves it below.
  const practice = internal.kind ? null : await practiceForThread(me, input, { roomId: room._id, authorId });

  const existing = () => Thread.findOne({ authorId, clientId }).lean();
  let slot;
  try {
    slot = isRoomModerator(me, room) ? null : await takeSlowModeSlot(me.id, room._id, room.slowModeSeconds);
  } catch (err) {
    const original = input.clientId ? await existing() : null;
    if (original) return { thread: await presentThread(me, original, room.slug), created: false };
    throw err;
  }

  try {
    await thread.save();
  } catch (err) {
    await slot?.release();
    if (!isDuplicateKeyError(err, "clientId")) throw err;
    const original = await existing();
    if (!original) throw err;
    // A retry after a send that died between the two inserts: complete the opening post now.
    await ensureOpeningPost(original, room, input.body);
    if (original.kind === "practice") await practice?.save(original._id);
    return { thread: await presentThread(me, original, room.slug), created: false };
  }
  try {
    await opening.save();
  } catch (err) {
    // The thread must not stay without its first post; the retry (same clientId) creates both again.
    await Thread.deleteOne({ _id: threadId });
    await slot?.release();
    throw err;
  }
  try {
    await practice?.save(threadId);
  } catch (err) {
    // Same rule for a practice thread and its record: both or neither.
    await Promise.all([Thread.deleteOne({ _id: threadId }), Post.deleteOne({ threadId, seq: 1 })]);
    await slot?.release();
    throw err;
  }
  const saved = thread.toObject();
  await raiseReadMark(me.id, threadId, 1);
  await publishThreadCreated(saved, room);
  // A new thread is news for those who watch its room or tags (notifications fan it out).
  if (saved.status === "published")
    await domainEvents.emit("post.published", { postId: opening._id.toString() });
  // Waiting for review: the room's moderators see it enter the queue.
  if (saved.status === "queued")
    await announceQueued({ targetType: "thread", thread: saved, post: opening.toObject(), room });
  return { thread: await presentThread(me, saved, room.slug), created: true };
}

function openingPost(
  threadId: Types.ObjectId,
  room: RoomRecord,
  authorId: Types.ObjectId,
  body: string,
  rendered: { html: string; mentions: string[] },
  status: ThreadRecord["status"],
) {
  return new Post({
    threadId,
    roomId: room._id,
    seq: 1,
    authorId,
    body,
    html: rendered.html,
    mentions: rendered.mentions.map((id) => new Types.ObjectId(id)),
    status,
    clientId: `t:${threadId.toHexString()}`,
  });
}

async function ensureOpeningPost(thread: ThreadRecord, room: RoomRecord, body: string) {
  if (await Post.exists({ threadId: thread._id, seq: 1 })) return;
  const rendered = await renderBody(body);
  try {
    await openingPost(thread._id, room, thread.authorId, body, rendered, thread.status).save();
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
  }
}

/**
 * `GET /rooms/:slug/threads?sort&cursor&limit` → `{threads, nextCursor}`. `activity` puts pinned threads
 * first, then the most recently active; `new` is by creation; `top` by published posts, then reactions.
 */
export async function listThreads(actor: Actor | null, slug: string, query: ThreadListQuery) {
  const room = await loadVisibleRoom(actor, { slug });
  const conditions: Record<string, unknown>[] = [{ roomId: room._id }];
  const visibility = visibleContentFilter(actor, room);
  if (Object.keys(visibility).length) conditions.push(visibility);
  if (query.cursor) conditions.push(afterCursor(query.sort, query.cursor));
  const rows = await Thread.find(conditions.length > 1 ? { $and: conditions } : conditions[0])
    .sort(sortSpec(query.sort))
    .limit(query.limit + 1)
    .lean();
  const page = rows.slice(0, query.limit);
  const nextCursor = rows.length > query.limit ? encodeCursor(query.sort, page[page.length - 1]) : null;
  const threads = await presentThreads(actor, page, new Map([[room._id.toString(), room.slug]]));
  return { threads, nextCursor };
}

/** `GET /threads/:id` → `{thread}`. */
export async function getThread(actor: Actor | null, threadId: string): Promise<ThreadDto> {
  const { thread, room } = await loadVisibleThread(actor, threadId);
  return presentThreadFor(actor, thread, room);
}

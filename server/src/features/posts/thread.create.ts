import { Types } from "mongoose";
import type { ThreadCreateInput, ThreadDto, ThreadKind } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { domainEvents } from "../../lib/events.js";
import { assertCan } from "../../lib/policy.js";
import { renderBody } from "../markdown/index.js";
import {
  loadVisibleRoom,
  requireSignedIn,
  type RoomRef,
  type RoomRecord,
  isRoomModerator,
} from "../rooms/index.js";
import { Thread, type ThreadRecord, presentThread, publishThreadCreated } from "../threads/index.js";
import "./post.events.js";
import { Post } from "./post.model.js";
import { initialStatus } from "./post.status.js";
import { takeSlowModeSlot } from "./slowMode.js";
import { prepareThreadRecord } from "./thread.records.js";

// Starting a thread is writing its opening post, so it lives with posts (threads sit below posts).

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
  // A kind with a record of its own (a practice): its feature checks it now (400) and saves it below.
  const record = internal.kind ? null : await prepareThreadRecord(me, input, { roomId: room._id, authorId });

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
    if (original.kind === kind) await record?.save(original._id);
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
    await record?.save(threadId);
  } catch (err) {
    // Same rule for a thread and its record (a practice): both or neither.
    await Promise.all([Thread.deleteOne({ _id: threadId }), Post.deleteOne({ threadId, seq: 1 })]);
    await slot?.release();
    throw err;
  }
  const saved = thread.toObject();
  await domainEvents.emit("post.authored", { authorId: me.id, threadId, seq: 1 });
  await publishThreadCreated(saved, room);
  // A new thread is news for those who watch its room or tags (notifications fan it out).
  if (saved.status === "published")
    await domainEvents.emit("post.published", { postId: opening._id.toString() });
  // Waiting for review: the room's moderators see it enter the queue.
  if (saved.status === "queued")
    await domainEvents.emit("thread.queued", { thread: saved, post: opening.toObject(), room });
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

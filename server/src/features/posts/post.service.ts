// Longer than a few hundred lines: the write path of a post (create, edit, delete, react) in one place: the ordering that keeps seqs gapless
// and sends single is written out once, at createPost, and every action here follows it.
import { Types } from "mongoose";
import type {
  PostCreateInput,
  PostDto,
  PostListQuery,
  PostRevisionDto,
  PostUpdateInput,
  ReactInput,
} from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { AppError, conflict, notFound, validation } from "../../lib/errors.js";
import { assertCan, can } from "../../lib/policy.js";
import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { renderBody, plainExcerpt } from "../markdown/index.js";
import {
  requireSignedIn,
  type RoomRecord,
  canSeeContent,
  isRoomModerator,
  visiblePostFilter,
} from "../rooms/index.js";
import { loadVisibleThread, Thread, type ThreadRecord, publishThreadUpdated } from "../threads/index.js";
import { shiftThreadCounters } from "./thread.counters.js";
import { domainEvents } from "../../lib/events.js";
import { notify } from "../audit/index.js";
import "./post.events.js";
import { postAudience } from "./post.audience.js";
import { Post, PostRevision, Reaction, type PostRecord } from "./post.model.js";
import { giveSeq, takeSeq } from "./post.numbering.js";
import { presentPost, presentPosts, toRevisionDto } from "./post.presenter.js";
import { initialStatus } from "./post.status.js";
import { takeSlowModeSlot, type SlowModeSlot } from "./slowMode.js";

const locked = () => new AppError("LOCKED", 409, "This thread is locked");

/** How long a retry waits for the original send of the same clientId to get its seq. */
const CLAIM_WAIT_MS = 3000;
/** A claim without a seq this old belongs to a request that died; a retry may finish it. */
const CLAIM_STALE_MS = 10_000;
/** Catch-up reads in pages of this many, however far behind the client is. */
const CATCH_UP_PAGE = 500;
/** `thread:join` without `afterSeq` (a first visit) gets only the latest posts; REST pages the rest. */
export const JOIN_LATEST = 50;

export interface LoadedPost {
  post: PostRecord;
  thread: ThreadRecord;
  room: RoomRecord;
}

/** A post, its thread and room, if the actor may see all three; otherwise 404. */
export async function loadVisiblePost(actor: Actor | null, postId: string): Promise<LoadedPost> {
  const post = await Post.findById(postId).lean();
  // Seq 0 is a send still being numbered (invisible), unless the post waits in the queue or was
  // rejected there: those never get a seq and are seen by their author and moderators.
  if (!post || (post.seq === 0 && post.status === "published")) throw notFound("Post");
  const { thread, room } = await loadVisibleThread(actor, post.threadId.toString()).catch((err: unknown) => {
    throw err instanceof AppError && err.code === "NOT_FOUND" ? notFound("Post") : err;
  });
  if (!can(actor, "post.view", { room, thread, post })) throw notFound("Post");
  return { post, thread, room };
}

/**
 * The DTO everyone may receive, from the one just made for the acting user: without their reactions
 * and (for the author) clientId. A reply's quote was resolved for that user, who may see a quoted post
 * others cannot, so replies are presented again for nobody in particular.
 */
async function neutralDto(post: PostRecord, room: RoomRecord, forViewer?: PostDto): Promise<PostDto> {
  // Non-published posts only ever go to their author and the room's moderators, who may read them.
  if (!forViewer || post.replyTo)
    return presentPost(null, room, post, { neutral: true, asModerators: post.status !== "published" });
  // Viewer-only fields (reactions, the retry key, abilities) stay with the author's own copy.
  const { myReactions: _mine, clientId: _key, can: _can, ...neutral } = forViewer;
  return neutral;
}

export async function publishPost(
  event: "post:created" | "post:updated",
  post: PostRecord,
  room: RoomRecord,
  forViewer?: PostDto,
) {
  publish(postAudience(post), event, { post: await neutralDto(post, room, forViewer) });
  await domainEvents.emit("post.changed", { postId: post._id.toString() });
}

// ---------------------------------------------------------------------------------------------------
// Create
// ---------------------------------------------------------------------------------------------------

/**
 * `POST /threads/:id/posts` and socket `post:create`. Returns `created: false` when this author already
 * sent this clientId (the transport answers 200 with the original instead of 201).
 *
 * Why the order below keeps seqs gapless (1, 2, 3… with no hole) and a retried send single:
 * 1. Everything that can refuse the post runs before anything is written: schema (transport), thread
 *    visibility, policy (401/403 SUSPENDED), lock, `replyTo`, Markdown rendering, and Mongoose's own
 *    validation of the finished document.
 * 2. The post is inserted with `seq: 0` (invisible: every read asks for `seq > n ≥ 0`). This insert is
 *    the idempotency check: the unique (authorId, clientId) index refuses a second one with E11000,
 *    and the caller gets the original back. A duplicate therefore never reaches step 4, so it never
 *    takes a number it cannot use.
 * 3. Slow mode is checked after the claim, so a retry of an accepted post is answered 200 rather than
 *    429; if slow mode refuses, the invisible claim is deleted and nothing else was touched.
 * 4. The number comes from one atomic `findOneAndUpdate({_id, locked:false}, {$inc:{lastSeq:1}})`. If
 *    the thread was locked or removed meanwhile, nothing is incremented and the claim is deleted.
 * 5. The claim gets its seq (`updateOne`), then the thread's published counters move by `$inc`.
 * Only a crash (or lost database) between 4 and 5 could leave a number unused; without multi-document
 * transactions (devdb has none) that window cannot be closed, only kept to one round trip. A retry of
 * such a send finds its stale claim and finishes it under a new number (see `finishStaleClaim`).
 */
export async function createPost(
  actor: Actor | null,
  threadId: string,
  input: PostCreateInput,
): Promise<{ post: PostDto; created: boolean }> {
  const me = requireSignedIn(actor);
  const { thread, room } = await loadVisibleThread(me, threadId);
  assertCan(me, "post.create", { room, thread });
  const moderator = isRoomModerator(me, room);
  if (thread.locked && !moderator) throw locked();
  if (input.replyTo) await checkReplyTarget(me, room, thread, input.replyTo);
  const rendered = await renderBody(input.body);

  const claim = new Post({
    threadId: thread._id,
    roomId: room._id,
    seq: 0,
    authorId: new Types.ObjectId(me.id),
    body: input.body,
    html: rendered.html,
    mentions: rendered.mentions.map((id) => new Types.ObjectId(id)),
    replyTo: input.replyTo ? new Types.ObjectId(input.replyTo) : null,
    status: initialStatus(me, room, { kind: "reply" }),
    clientId: input.clientId,
  });
  await claim.validate();

  try {
    await claim.save();
  } catch (err) {
    if (!isDuplicateKeyError(err, "clientId")) throw err;
    return { post: await resolveDuplicate(me, room, thread, input.clientId), created: false };
  }

  let slot: SlowModeSlot | null;
  try {
    slot = moderator ? null : await takeSlowModeSlot(me.id, room._id, room.slowModeSeconds);
  } catch (err) {
    await Post.deleteOne({ _id: claim._id, seq: 0 });
    throw err;
  }

  // Waiting for review: no seq until approved (moderation/post.moderation.ts numbers it then), so
  // the queued post leaves no trace in the thread for anyone else: no number, no count, no event.
  if (claim.status === "queued")
    return { post: await finishQueued(claim.toObject(), me, thread, room), created: true };

  try {
    return { post: await finishClaim(claim.toObject(), me, room, moderator), created: true };
  } catch (err) {
    await slot?.release();
    throw err;
  }
}

/** The author sees their queued post (ack and their other tabs); the room's moderators see it queue up. */
async function finishQueued(
  post: PostRecord,
  me: Actor,
  thread: ThreadRecord,
  room: RoomRecord,
): Promise<PostDto> {
  const dto = await presentPost(me, room, post);
  await publishPost("post:created", post, room, dto);
  await domainEvents.emit("post.queued", { thread, post, room });
  return dto;
}

/** A reply must answer a post of the same thread whose text the author can read. */
async function checkReplyTarget(me: Actor, room: RoomRecord, thread: ThreadRecord, replyTo: string) {
  const target = await Post.findOne({ _id: replyTo, threadId: thread._id, seq: { $gt: 0 } }).lean();
  if (!target || !can(me, "post.view", { room, thread, post: target }) || !canSeeContent(me, room, target))
    throw validation("Invalid reply", { replyTo: ["Reply to a post in this thread"] });
}

/**
 * Steps 4–5 of `createPost`, then the broadcasts; answers the post as `me` (its author) sees it.
 * Deletes the claim when no seq could be given.
 */
async function finishClaim(
  claim: PostRecord,
  me: Actor,
  room: RoomRecord,
  moderator: boolean,
): Promise<PostDto> {
  const seq = await takeSeq(claim.threadId, { unlessLocked: !moderator });
  if (seq === null) {
    await Post.deleteOne({ _id: claim._id, seq: 0 });
    throw (await Thread.exists({ _id: claim.threadId })) ? locked() : notFound("Thread");
  }
  const post = await giveSeq(claim._id, seq);
  if (!post) throw conflict("This post was completed by another request; send it again");

  const published = post.status === "published";
  const [thread, dto] = await Promise.all([
    published ? shiftThreadCounters(post.threadId, post, 1, post.createdAt) : null,
    presentPost(me, room, post),
    // Writing a post means having read the thread up to it.
    domainEvents.emit("post.authored", {
      authorId: post.authorId.toString(),
      threadId: post.threadId,
      seq: post.seq,
    }),
  ]);
  await Promise.all([
    publishPost("post:created", post, room, dto),
    thread ? publishThreadUpdated(thread, room) : null,
  ]);
  if (published) await domainEvents.emit("post.published", { postId: post._id.toString() });
  return dto;
}

/**
 * The same author sent the same clientId again (a retry after a lost answer, or two sends racing).
 * Answer with the original. If the original is still being numbered, wait for it briefly; if it was
 * abandoned mid-way (its request died), finish it now.
 */
async function resolveDuplicate(
  me: Actor,
  room: RoomRecord,
  thread: ThreadRecord,
  clientId: string,
): Promise<PostDto> {
  const deadline = Date.now() + CLAIM_WAIT_MS;
  for (let delay = 10; ; delay = Math.min(delay * 2, 200)) {
    const original = await Post.findOne({ authorId: new Types.ObjectId(me.id), clientId }).lean();
    // The claim vanished: its request was refused after claiming (slow mode, lock). Nothing to return.
    if (!original) throw conflict("The earlier send with this clientId did not go through; send it again");
    if (!original.threadId.equals(thread._id))
      throw conflict("This clientId was already used for a post in another thread", "CONFLICT", {
        clientId: ["Already used"],
      });
    if (original.seq > 0 || original.status !== "published") return presentPost(me, room, original);
    if (Date.now() - original.createdAt.getTime() > CLAIM_STALE_MS)
      return finishClaim(original, me, room, isRoomModerator(me, room));
    if (Date.now() > deadline)
      throw conflict("The earlier send with this clientId is still in progress; retry shortly");
    await new Promise((r) => setTimeout(r, delay));
  }
}

// ---------------------------------------------------------------------------------------------------
// Read
// ---------------------------------------------------------------------------------------------------

function seqFilter(thread: ThreadRecord, room: RoomRecord, actor: Actor | null, seq: Record<string, number>) {
  const visibility = visiblePostFilter(actor, room);
  const base = { threadId: thread._id, seq };
  return Object.keys(visibility).length ? { $and: [base, visibility] } : base;
}

/**
 * `GET /threads/:id/posts?afterSeq|beforeSeq&limit` → `{posts, headSeq, hasMore}`: posts in ascending
 * seq, tombstones of deleted posts included (they keep their place), queued or hidden ones only for
 * their author and moderators. Without either bound the page starts at the beginning.
 */
export async function listPosts(actor: Actor | null, threadId: string, query: PostListQuery) {
  const { thread, room } = await loadVisibleThread(actor, threadId);
  const backwards = query.beforeSeq !== undefined;
  const range: Record<string, number> =
    query.beforeSeq !== undefined ? { $gt: 0, $lt: query.beforeSeq } : { $gt: query.afterSeq ?? 0 };
  const rows = await Post.find(seqFilter(thread, room, actor, range))
    .sort({ seq: backwards ? -1 : 1 })
    .limit(query.limit + 1)
    .lean();
  const hasMore = rows.length > query.limit;
  const page = rows.slice(0, query.limit);
  if (backwards) page.reverse();
  return { posts: await presentPosts(actor, room, page), headSeq: thread.lastSeq, hasMore };
}

/**
 * What `thread:join` sends back. Called after the socket joined the thread's room, so `headSeq` is
 * read after the join: every post numbered later is broadcast to this socket, every post up to it is
 * here (a post numbered before but finished after the read arrives as its broadcast). With `afterSeq`
 * it returns ALL visible posts after it, reading in pages; without it, the latest JOIN_LATEST.
 */
export async function catchUp(
  actor: Actor | null,
  thread: ThreadRecord,
  room: RoomRecord,
  afterSeq?: number,
  { pageSize = CATCH_UP_PAGE, latest = JOIN_LATEST }: { pageSize?: number; latest?: number } = {},
) {
  const head = await Thread.findById(thread._id, { lastSeq: 1 }).lean();
  const headSeq = head?.lastSeq ?? thread.lastSeq;
  const rows: PostRecord[] = [];
  if (afterSeq === undefined) {
    const newest = await Post.find(seqFilter(thread, room, actor, { $gt: 0, $lte: headSeq }))
      .sort({ seq: -1 })
      .limit(latest)
      .lean();
    rows.push(...newest.reverse());
  } else {
    for (let from = afterSeq; from < headSeq;) {
      const page = await Post.find(seqFilter(thread, room, actor, { $gt: from, $lte: headSeq }))
        .sort({ seq: 1 })
        .limit(pageSize)
        .lean();
      rows.push(...page);
      if (page.length < pageSize) break;
      from = page[page.length - 1].seq;
    }
  }
  return { headSeq, missed: await presentPosts(actor, room, rows) };
}

// ---------------------------------------------------------------------------------------------------
// Edit, delete, react
// ---------------------------------------------------------------------------------------------------

/**
 * `PATCH /posts/:id {body}` (its author). The text being replaced is archived first as a revision keyed
 * by (postId, version); the post then changes only if it is still at that version. Two concurrent edits
 * of one version: one archive insert fails (E11000) and that edit gets 409, so history never forks.
 */
export async function updatePost(
  actor: Actor | null,
  postId: string,
  input: PostUpdateInput,
): Promise<PostDto> {
  const me = requireSignedIn(actor);
  const { post, thread, room } = await loadVisiblePost(me, postId);
  assertCan(me, "post.update", { room, thread, post });
  if (post.deleted) throw conflict("This post was deleted");
  if (thread.locked && !isRoomModerator(me, room)) throw locked();
  if (input.body === post.body) return presentPost(me, room, post);
  const updated = await applyEdit(me, post, input.body);
  const dto = await presentPost(me, room, updated);
  await publishPost("post:updated", updated, room, dto);
  // A queued post fixed by its author: the moderators' queue shows the new text.
  if (updated.status === "queued" && updated.seq === 0)
    await domainEvents.emit("post.queued", { thread, post: updated, room });
  return dto;
}

/**
 * Replace a post's text, keeping the replaced one as a revision (the author's edit, or a moderator's
 * correction through moderation): archive first under (postId, version), then change the post only if
 * it is still at that version, so concurrent edits give one winner and a 409, never a forked history.
 */
export async function applyEdit(editor: Actor, post: PostRecord, body: string): Promise<PostRecord> {
  const rendered = await renderBody(body);
  const editedConcurrently = () => conflict("This post was edited meanwhile; reload and try again");
  const revision = {
    postId: post._id,
    version: post.version,
    body: post.body,
    html: post.html,
    editorId: editor.id,
    writtenAt: post.editedAt ?? post.createdAt,
  };
  try {
    await PostRevision.create(revision);
  } catch (err) {
    if (isDuplicateKeyError(err)) throw editedConcurrently();
    throw err;
  }
  const updated = await Post.findOneAndUpdate(
    { _id: post._id, version: post.version, deleted: false },
    {
      $set: {
        body,
        html: rendered.html,
        mentions: rendered.mentions.map((id) => new Types.ObjectId(id)),
        editedAt: new Date(),
      },
      $inc: { version: 1 },
    },
    { returnDocument: "after" },
  ).lean();
  if (!updated) {
    await PostRevision.deleteOne({ postId: post._id, version: post.version });
    throw editedConcurrently();
  }
  return updated;
}

/** `GET /posts/:id/history` → earlier versions, oldest first (the current text is the post itself). */
export async function postHistory(actor: Actor | null, postId: string): Promise<PostRevisionDto[]> {
  const { post, thread, room } = await loadVisiblePost(actor, postId);
  if (!can(actor, "post.viewHistory", { room, thread, post })) throw notFound("Post");
  const revisions = await PostRevision.find({ postId: post._id }).sort({ version: 1 }).lean();
  return revisions.map(toRevisionDto);
}

/**
 * `DELETE /posts/:id` (author or the room's moderators): a soft delete. The post keeps its seq and
 * stays in lists as a tombstone without body, so clients catching up learn of the deletion and numbers
 * stay contiguous. Deleting again answers the tombstone (idempotent); counters move only once because
 * only the request that flips `deleted` adjusts them. A moderator deleting someone else's post is a
 * moderation action: logged, and the author is told (the moderators' tool passes its reason).
 */
export async function deletePost(
  actor: Actor | null,
  postId: string,
  opts: { reason?: string } = {},
): Promise<PostDto> {
  const me = requireSignedIn(actor);
  const { post, thread, room } = await loadVisiblePost(me, postId);
  assertCan(me, "post.delete", { room, thread, post });
  return softDelete(me, { post, thread, room }, opts.reason ?? null);
}

/** The delete itself, shared by the author's DELETE and the moderators' tool (callers authorised). */
export async function softDelete(
  me: Actor,
  { post, thread, room }: LoadedPost,
  reason: string | null,
  { viaModeration = false }: { viaModeration?: boolean } = {},
): Promise<PostDto> {
  const now = new Date();
  const byModerator = viaModeration || post.authorId.toString() !== me.id;
  const moderation = byModerator
    ? { moderatedAt: now, moderatedBy: new Types.ObjectId(me.id), modReason: reason }
    : {};
  const deleted = await Post.findOneAndUpdate(
    { _id: post._id, deleted: false },
    { $set: { deleted: true, deletedAt: now, deletedBy: new Types.ObjectId(me.id), ...moderation } },
    { returnDocument: "after" },
  ).lean();
  if (!deleted) return presentPost(me, room, { ...post, deleted: true });
  await domainEvents.emit("post.changed", { postId: deleted._id.toString() });

  const updatedThread =
    deleted.status === "published" ? await shiftThreadCounters(thread._id, deleted, -1) : null;
  // Published posts and hidden posts' placeholders hold a place in the thread: readers drop them.
  if (deleted.seq > 0 && deleted.status !== "queued") {
    publish(rooms.thread(thread._id.toString()), "post:deleted", {
      threadId: thread._id.toString(),
      postId: deleted._id.toString(),
      seq: deleted.seq,
    });
  }
  if (updatedThread) await publishThreadUpdated(updatedThread, room);
  if (deleted.status === "queued" && deleted.seq === 0) {
    await domainEvents.emit("post.unqueued", {
      targetType: "post",
      id: deleted._id.toString(),
      roomId: room._id.toString(),
      threadId: thread._id.toString(),
      outcome: "deleted",
    });
  }
  if (byModerator) {
    await domainEvents.emit("audit.modAction", {
      actor: me,
      action: "post.delete",
      target: { type: "post", id: deleted._id, label: plainExcerpt(post.body) },
      room,
      threadId: thread._id,
      reason,
      before: { deleted: false, status: post.status },
      after: { deleted: true, status: deleted.status },
    });
    if (post.authorId.toString() !== me.id) {
      notify(post.authorId, {
        kind: "post.deleted",
        targetId: post._id.toString(),
        threadId: thread._id.toString(),
        threadTitle: thread.title,
        reason,
      });
    }
  }
  return presentPost(me, room, deleted);
}

/**
 * `POST /posts/:id/reactions {kind, active?}`: one reaction per kind per user, by a unique index. Turning
 * on inserts (E11000 = already on); turning off deletes. The counter moves only when the insert or
 * delete actually happened, so repeated or concurrent requests cannot inflate or drive it negative.
 * Without `active` the request toggles.
 */
export async function reactToPost(actor: Actor | null, postId: string, input: ReactInput): Promise<PostDto> {
  const me = requireSignedIn(actor);
  const { post, thread, room } = await loadVisiblePost(me, postId);
  assertCan(me, "post.react", { room, thread, post });
  if (post.deleted) throw conflict("This post was deleted");
  if (thread.locked && !isRoomModerator(me, room)) throw locked();

  const key = { postId: post._id, userId: new Types.ObjectId(me.id), kind: input.kind };
  const wantOn = input.active ?? !(await Reaction.exists(key));
  let delta = 0;
  if (wantOn) {
    try {
      await Reaction.create(key);
      delta = 1;
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
    }
  } else {
    delta = -(await Reaction.deleteOne(key)).deletedCount;
  }

  let current = post;
  if (delta !== 0) {
    const updated = await Post.findOneAndUpdate(
      { _id: post._id },
      { $inc: { [`reactions.${input.kind}`]: delta } },
      { returnDocument: "after" },
    ).lean();
    if (updated) current = updated;
    if (post.status === "published") {
      const updatedThread = await Thread.findOneAndUpdate(
        { _id: thread._id },
        { $inc: { reactionCount: delta } },
        { returnDocument: "after" },
      ).lean();
      const dto = await presentPost(me, room, current);
      await publishPost("post:updated", current, room, dto);
      if (updatedThread) await publishThreadUpdated(updatedThread, room);
      return dto;
    }
  }
  return presentPost(me, room, current);
}

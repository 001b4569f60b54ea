// Longer than a few hundred lines: each moderator action on a post is a short function following one load, check, write, publish pattern;
// they stay together so the pattern and its audit rules are read once.
import { Types } from "mongoose";
import type { ModNoticeDto, PostDto, PostModerateInput } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { conflict, notFound, validation } from "../../lib/errors.js";
import { assertCan } from "../../lib/policy.js";
import { publish } from "../../lib/realtime/publish.js";
import { plainExcerpt } from "../markdown/index.js";
import {
  Post,
  type PostRecord,
  presentPost,
  applyEdit,
  loadVisiblePost,
  publishPost,
  softDelete,
  type LoadedPost,
  takeSeq,
  giveSeq,
  threadReaders,
  postAuthor,
  postReviewers,
  shiftThreadCounters,
} from "../posts/index.js";
import { requireSignedIn } from "../rooms/index.js";
import { Thread, publishThreadUpdated } from "../threads/index.js";
import { recordModAction } from "./modAction.service.js";
import type { PostModPolicyAction } from "./moderation.policy.js";
import { notify } from "../audit/index.js";
import { publishQueued, publishUnqueued } from "./queue.publish.js";
import { moderateThread } from "./thread.moderation.js";
import { domainEvents } from "../../lib/events.js";

const illegal = (message: string) => conflict(message, "ILLEGAL_TRANSITION");
const changedMeanwhile = () => conflict("The post changed meanwhile; reload and try again");
/** An approval that flipped the status but died before numbering may be finished by a retry after this. */
const STALE_APPROVAL_MS = 10_000;

/**
 * `POST /posts/:id/moderate {action, reason?, title?, body?}` and socket `post:moderate`: the room's
 * moderators approve or reject a queued post (optionally correcting its text first), hide and unhide,
 * delete and restore, or correct a post's text. Each decision is one conditional write, one audit row,
 * the broadcasts, and a notice to the author. The opening post of a queued thread stands for its
 * thread: approving or rejecting it decides the thread (with the corrected title and text).
 */
export async function moderatePost(
  actor: Actor | null,
  postId: string,
  input: PostModerateInput,
): Promise<PostDto> {
  const me = requireSignedIn(actor);
  const loaded = await loadVisiblePost(me, postId);
  const { post, thread, room } = loaded;
  assertCan(me, `moderate.post.${input.action}` satisfies PostModPolicyAction, { room, thread, post });
  const opening = post.seq === 1;
  if (input.title !== undefined && !opening)
    throw validation("Only an opening post carries the thread's title", { title: ["Not an opening post"] });

  if (opening && thread.status === "queued" && (input.action === "approve" || input.action === "reject")) {
    return decideQueuedThread(me, loaded, input);
  }
  switch (input.action) {
    case "approve":
      return approve(me, loaded, input.body);
    case "reject":
      return reject(me, loaded, input.reason ?? null);
    case "hide":
      return hide(me, loaded, input.reason ?? null);
    case "unhide":
      return unhide(me, loaded, input.reason ?? null);
    case "delete": {
      const dto = await softDelete(me, loaded, input.reason ?? null, { viaModeration: true });
      await republishQuotes(post, room);
      return dto;
    }
    case "restore":
      return restore(me, loaded, input.reason ?? null);
    case "edit":
      return edit(me, loaded, input);
  }
}

async function decideQueuedThread(
  me: Actor,
  { post, thread, room }: LoadedPost,
  input: PostModerateInput,
): Promise<PostDto> {
  const alsoChanged = { before: {}, after: {} };
  if (input.body !== undefined && input.body !== post.body) {
    await applyEdit(me, post, input.body);
    alsoChanged.before = { body: post.body };
    alsoChanged.after = { body: input.body };
  }
  const action = input.action === "approve" ? "approve" : "reject";
  await moderateThread(
    me,
    thread._id.toString(),
    { action, reason: input.reason, title: input.title },
    alsoChanged,
  );
  const current = await Post.findById(post._id).lean();
  if (!current) throw notFound("Post");
  return presentPost(me, room, current);
}

const unqueued = (post: PostRecord, outcome: "approved" | "rejected") =>
  publishUnqueued({
    targetType: "post",
    id: post._id.toString(),
    roomId: post.roomId.toString(),
    threadId: post.threadId.toString(),
    outcome,
  });

/** Tells a post's author what a moderator decided about it. */
const notifyAuthor = (
  { post, thread }: Pick<LoadedPost, "post" | "thread">,
  kind: ModNoticeDto["kind"],
  reason: string | null,
) =>
  notify(post.authorId, {
    kind,
    targetId: post._id.toString(),
    threadId: thread._id.toString(),
    threadTitle: thread.title,
    reason,
  });

/**
 * Approve a queued reply: it takes the thread's next seq now and arrives like any new post. The status
 * flips first (only one moderator's approval gets past that), then the number is taken by the thread's
 * atomic `$inc` (locks do not apply: this is a moderator's decision) and set.
 */
async function approve(
  me: Actor,
  { post, thread, room }: LoadedPost,
  body: string | undefined,
): Promise<PostDto> {
  if (post.deleted) throw illegal("This post was deleted");
  const now = new Date();
  let current = post;
  const before: Record<string, unknown> = { status: post.status };
  const after: Record<string, unknown> = { status: "published" };
  if (post.status === "queued" && body !== undefined && body !== post.body) {
    current = await applyEdit(me, post, body);
    Object.assign(before, { body: post.body });
    Object.assign(after, { body });
  }
  const flipped = await Post.findOneAndUpdate(
    { _id: post._id, status: "queued", seq: 0, deleted: false },
    {
      $set: {
        status: "published",
        modReason: null,
        moderatedAt: now,
        moderatedBy: new Types.ObjectId(me.id),
      },
    },
    { returnDocument: "after" },
  ).lean();
  if (!flipped) {
    // A published post without a seq is an approval that died before numbering: a later retry finishes it.
    const stale =
      current.status === "published" &&
      current.seq === 0 &&
      (current.moderatedAt?.getTime() ?? 0) < now.getTime() - STALE_APPROVAL_MS;
    if (!stale) throw illegal("Only a post waiting for review can be approved");
  }
  const seq = await takeSeq(thread._id, { unlessLocked: false });
  if (seq === null) throw notFound("Thread");
  const numbered = await giveSeq(post._id, seq);
  if (!numbered) throw changedMeanwhile();
  after.seq = seq;

  const updatedThread =
    thread.status === "published" ? await shiftThreadCounters(thread._id, numbered, 1, now) : null;
  await recordModAction({
    actor: me,
    action: "post.approve",
    target: { type: "post", id: post._id, label: plainExcerpt(numbered.body) },
    room,
    threadId: thread._id,
    before,
    after,
  });
  // It arrives like any new post: the thread's readers get it with its seq (its author's tabs too).
  const dto = await presentPost(null, room, numbered, { neutral: true });
  publish([threadReaders(numbered), postAuthor(numbered)], "post:created", { post: dto });
  if (updatedThread) await publishThreadUpdated(updatedThread, room);
  unqueued(numbered, "approved");
  await domainEvents.emit("post.changed", { postId: post._id.toString() });
  await domainEvents.emit("post.published", { postId: post._id.toString() });
  notifyAuthor({ post, thread }, "post.approved", null);
  return presentPost(me, room, numbered);
}

/** Reject a queued reply: it stays without a seq (so it never existed for readers); its author learns why. */
async function reject(
  me: Actor,
  { post, thread, room }: LoadedPost,
  reason: string | null,
): Promise<PostDto> {
  const now = new Date();
  const rejected = await Post.findOneAndUpdate(
    { _id: post._id, status: "queued", seq: 0 },
    {
      $set: { status: "hidden", modReason: reason, moderatedAt: now, moderatedBy: new Types.ObjectId(me.id) },
    },
    { returnDocument: "after" },
  ).lean();
  if (!rejected) throw illegal("Only a post waiting for review can be rejected");
  await recordModAction({
    actor: me,
    action: "post.reject",
    target: { type: "post", id: post._id, label: plainExcerpt(post.body) },
    room,
    threadId: thread._id,
    reason,
    before: { status: "queued" },
    after: { status: "hidden", rejected: true },
  });
  await publishPost("post:updated", rejected, room);
  unqueued(rejected, "rejected");
  notifyAuthor({ post, thread }, "post.rejected", reason);
  return presentPost(me, room, rejected);
}

/**
 * Replies quoting a post show an excerpt of it; when the post is hidden, deleted, shown again or
 * restored, those replies go out again so readers' quotes follow (at most the latest 200).
 */
async function republishQuotes(post: PostRecord, room: LoadedPost["room"]) {
  const quoting = await Post.find({ threadId: post.threadId, replyTo: post._id, seq: { $gt: 0 } })
    .sort({ seq: -1 })
    .limit(200)
    .lean();
  for (const q of quoting) await publishPost("post:updated", q, room);
}

/**
 * Readers get the placeholder first (to the thread), then the author's tabs and the room's moderators
 * get the readable post: one socket in both audiences receives both, in that order, and keeps the last.
 */
async function publishHiddenChange(post: PostRecord, room: LoadedPost["room"]) {
  await domainEvents.emit("post.changed", { postId: post._id.toString() });
  publish(threadReaders(post), "post:updated", {
    post: await presentPost(null, room, post, { neutral: true }),
  });
  const readable = await presentPost(null, room, post, { neutral: true, asModerators: true });
  publish(postReviewers(post), "post:updated", { post: readable });
}

async function hide(me: Actor, { post, thread, room }: LoadedPost, reason: string | null): Promise<PostDto> {
  if (post.status === "hidden" && post.seq > 0) return presentPost(me, room, post);
  if (post.status !== "published" || post.seq === 0)
    throw illegal("Only a published post can be hidden; reject a queued one");
  if (post.deleted) throw illegal("This post was deleted");
  const now = new Date();
  const hidden = await Post.findOneAndUpdate(
    { _id: post._id, status: "published", deleted: false },
    {
      $set: { status: "hidden", modReason: reason, moderatedAt: now, moderatedBy: new Types.ObjectId(me.id) },
    },
    { returnDocument: "after" },
  ).lean();
  if (!hidden) throw changedMeanwhile();
  const updatedThread = await shiftThreadCounters(thread._id, hidden, -1);
  await recordModAction({
    actor: me,
    action: "post.hide",
    target: { type: "post", id: post._id, label: plainExcerpt(post.body) },
    room,
    threadId: thread._id,
    reason,
    before: { status: "published" },
    after: { status: "hidden" },
  });
  await publishHiddenChange(hidden, room);
  await republishQuotes(hidden, room);
  if (updatedThread) await publishThreadUpdated(updatedThread, room);
  notifyAuthor({ post, thread }, "post.hidden", reason);
  return presentPost(me, room, hidden);
}

async function unhide(
  me: Actor,
  { post, thread, room }: LoadedPost,
  reason: string | null,
): Promise<PostDto> {
  if (post.status === "published") return presentPost(me, room, post);
  if (post.status !== "hidden" || post.seq === 0) throw illegal("Only a hidden post can be shown again");
  const now = new Date();
  const shown = await Post.findOneAndUpdate(
    { _id: post._id, status: "hidden", seq: { $gt: 0 } },
    {
      $set: {
        status: "published",
        modReason: null,
        moderatedAt: now,
        moderatedBy: new Types.ObjectId(me.id),
      },
    },
    { returnDocument: "after" },
  ).lean();
  if (!shown) throw changedMeanwhile();
  const updatedThread = shown.deleted ? null : await shiftThreadCounters(thread._id, shown, 1);
  await recordModAction({
    actor: me,
    action: "post.unhide",
    target: { type: "post", id: post._id, label: plainExcerpt(post.body) },
    room,
    threadId: thread._id,
    reason,
    before: { status: "hidden" },
    after: { status: "published" },
  });
  await publishPost("post:updated", shown, room);
  await republishQuotes(shown, room);
  if (updatedThread) await publishThreadUpdated(updatedThread, room);
  notifyAuthor({ post, thread }, "post.unhidden", reason);
  return presentPost(me, room, shown);
}

async function restore(
  me: Actor,
  { post, thread, room }: LoadedPost,
  reason: string | null,
): Promise<PostDto> {
  if (!post.deleted) return presentPost(me, room, post);
  const now = new Date();
  const restored = await Post.findOneAndUpdate(
    { _id: post._id, deleted: true },
    {
      $set: {
        deleted: false,
        deletedAt: null,
        deletedBy: null,
        moderatedAt: now,
        moderatedBy: new Types.ObjectId(me.id),
      },
    },
    { returnDocument: "after" },
  ).lean();
  if (!restored) throw changedMeanwhile();
  const updatedThread =
    restored.status === "published" && thread.status === "published"
      ? await shiftThreadCounters(thread._id, restored, 1)
      : null;
  await recordModAction({
    actor: me,
    action: "post.restore",
    target: { type: "post", id: post._id, label: plainExcerpt(post.body) },
    room,
    threadId: thread._id,
    reason,
    before: { deleted: true },
    after: { deleted: false },
  });
  if (restored.status === "hidden" && restored.seq > 0) await publishHiddenChange(restored, room);
  else await publishPost("post:updated", restored, room);
  await republishQuotes(restored, room);
  if (updatedThread) await publishThreadUpdated(updatedThread, room);
  if (restored.status === "queued") await publishQueued({ targetType: "post", thread, post: restored, room });
  return presentPost(me, room, restored);
}

/** Correct a post's text (and, for an opening post, its thread's title); the author's text stays in the history. */
async function edit(
  me: Actor,
  { post, thread, room }: LoadedPost,
  input: PostModerateInput,
): Promise<PostDto> {
  if (post.deleted) throw illegal("This post was deleted");
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  let current = post;
  if (input.body !== undefined && input.body !== post.body) {
    current = await applyEdit(me, post, input.body);
    before.body = post.body;
    after.body = input.body;
  }
  let retitled = null;
  if (input.title !== undefined && input.title !== thread.title) {
    retitled = await Thread.findOneAndUpdate(
      { _id: thread._id },
      { $set: { title: input.title } },
      { returnDocument: "after" },
    ).lean();
    before.title = thread.title;
    after.title = input.title;
  }
  if (Object.keys(after).length === 0) return presentPost(me, room, post);
  await recordModAction({
    actor: me,
    action: "post.edit",
    target: { type: "post", id: post._id, label: plainExcerpt(post.body) },
    room,
    threadId: thread._id,
    reason: input.reason ?? null,
    before,
    after,
  });
  if (current !== post) {
    if (current.status === "hidden" && current.seq > 0) await publishHiddenChange(current, room);
    else await publishPost("post:updated", current, room);
    if (current.status === "queued" && current.seq === 0)
      await publishQueued({ targetType: "post", thread, post: current, room });
  }
  if (retitled) await publishThreadUpdated(retitled, room, { readers: true });
  return presentPost(me, room, current);
}

// Longer than a few hundred lines: each moderator action on a thread is a short function following one load, check, write, publish pattern;
// they stay together so the pattern and its audit rules are read once.
import type { ModActionKind, ThreadDto, ThreadModerateInput, ThreadModAction } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { conflict, validation } from "../../lib/errors.js";
import { assertCan } from "../../lib/policy.js";
import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { Practice } from "../practices/index.js";
import { Post, recountThread } from "../posts/index.js";
import { loadVisibleRoom, requireSignedIn, type RoomRecord } from "../rooms/index.js";
import {
  revalidateThreadAudience,
  loadVisibleThread,
  Thread,
  type ThreadRecord,
  isPinned,
  presentThread,
  threadAudience,
} from "../threads/index.js";
import { Flag } from "./flag.model.js";
import { recordModAction } from "./modAction.service.js";
import type { ThreadModPolicyAction } from "./moderation.policy.js";
import { notify } from "../audit/index.js";
import { publishUnqueued } from "./queue.publish.js";
import { domainEvents } from "../../lib/events.js";

/** One state change: the condition it is made under, what it sets, and the log's before/after. */
interface Change {
  /** The state the change was decided on; if the thread left it meanwhile, nothing is written (409). */
  filter: Record<string, unknown>;
  set: Record<string, unknown>;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

const illegal = (message: string) => conflict(message, "ILLEGAL_TRANSITION");

/** Add one changed field to a change being planned (`shown` is how the log shows the new value). */
function track(
  c: Pick<Change, "set" | "before" | "after">,
  field: string,
  from: unknown,
  to: unknown,
  shown: Record<string, unknown> = { [field]: to },
) {
  c.set[field] = to;
  c.before[field] = from;
  Object.assign(c.after, shown);
}
const sameInstant = (a: Date | null | undefined, b: Date | null) =>
  (a?.getTime() ?? null) === (b?.getTime() ?? null);
const sameTags = (a: string[], b: string[]) => a.length === b.length && a.every((t, i) => t === b[i]);

/**
 * What `input.action` changes on `thread`, or null when it is already so (a repeated pin, a second
 * unlock): then nothing is written, logged or broadcast, so retries are safe.
 */
function planChange(
  thread: ThreadRecord,
  input: ThreadModerateInput,
  now: Date,
  target: RoomRecord | null,
): Change | null {
  const moderated = { moderatedAt: now };
  switch (input.action) {
    case "approve": {
      if (thread.status !== "queued") throw illegal("Only a thread waiting for review can be approved");
      const c = {
        filter: { status: "queued" },
        set: { rejected: false, modReason: null, ...moderated },
        before: {},
        after: {},
      };
      track(c, "status", "queued", "published");
      if (input.title !== undefined && input.title !== thread.title)
        track(c, "title", thread.title, input.title);
      if (input.tags !== undefined && !sameTags(input.tags, thread.tags))
        track(c, "tags", thread.tags, input.tags);
      if (target && !target._id.equals(thread.roomId))
        track(c, "roomId", thread.roomId, target._id, { roomId: target._id, roomSlug: target.slug });
      return c;
    }
    case "reject":
      if (thread.status !== "queued") throw illegal("Only a thread waiting for review can be rejected");
      return {
        filter: { status: "queued" },
        set: { status: "hidden", rejected: true, modReason: input.reason ?? null, ...moderated },
        before: { status: "queued" },
        after: { status: "hidden", rejected: true },
      };
    case "pin": {
      const until = input.until ? new Date(input.until) : null;
      if (until && until <= now)
        throw validation("A pin must end in the future", { until: ["Must be in the future"] });
      if (isPinned(thread, now) && sameInstant(thread.pinnedUntil, until)) return null;
      return {
        filter: { pinned: thread.pinned, pinnedUntil: thread.pinnedUntil ?? null },
        set: { pinned: true, pinnedUntil: until },
        before: {
          pinned: isPinned(thread, now),
          pinnedUntil: isPinned(thread, now) ? (thread.pinnedUntil ?? null) : null,
        },
        after: { pinned: true, pinnedUntil: until },
      };
    }
    case "unpin":
      if (!thread.pinned) return null;
      return {
        filter: { pinned: true },
        set: { pinned: false, pinnedUntil: null },
        before: { pinned: true },
        after: { pinned: false },
      };
    case "feature":
      if (thread.featured) return null;
      if (thread.status !== "published") throw illegal("Only a published thread can be featured");
      return {
        filter: { featured: { $ne: true } },
        set: { featured: true, featuredAt: now },
        before: { featured: false },
        after: { featured: true },
      };
    case "unfeature":
      if (!thread.featured) return null;
      return {
        filter: { featured: true },
        set: { featured: false, featuredAt: null },
        before: { featured: true },
        after: { featured: false },
      };
    case "lock":
      if (thread.locked) return null;
      return {
        filter: { locked: { $ne: true } },
        set: { locked: true, lockReason: input.reason ?? null },
        before: { locked: false },
        after: { locked: true },
      };
    case "unlock":
      if (!thread.locked) return null;
      return {
        filter: { locked: true },
        set: { locked: false, lockReason: null },
        before: { locked: true },
        after: { locked: false },
      };
    case "edit": {
      const c = { filter: { title: thread.title }, set: {}, before: {}, after: {} };
      if (input.title !== undefined && input.title !== thread.title)
        track(c, "title", thread.title, input.title);
      if (input.tags !== undefined && !sameTags(input.tags, thread.tags))
        track(c, "tags", thread.tags, input.tags);
      return Object.keys(c.set).length ? c : null;
    }
    case "hide":
      if (thread.status === "hidden" && !thread.rejected) return null;
      if (thread.status !== "published") throw illegal("A thread waiting for review is rejected, not hidden");
      return {
        filter: { status: "published" },
        set: { status: "hidden", rejected: false, modReason: input.reason ?? null, ...moderated },
        before: { status: "published" },
        after: { status: "hidden" },
      };
    case "unhide":
      if (thread.status === "published") return null;
      if (thread.status !== "hidden" || thread.rejected)
        throw illegal("Only a hidden thread can be shown again");
      return {
        filter: { status: "hidden", rejected: { $ne: true } },
        set: { status: "published", modReason: null, ...moderated },
        before: { status: "hidden" },
        after: { status: "published" },
      };
    case "move":
      if (!target || target._id.equals(thread.roomId)) return null;
      return {
        filter: { roomId: thread.roomId },
        set: { roomId: target._id },
        before: { roomId: thread.roomId },
        after: { roomId: target._id, roomSlug: target.slug },
      };
  }
}

const NOTICES: Partial<
  Record<
    ThreadModAction,
    "thread.approved" | "thread.rejected" | "thread.hidden" | "thread.unhidden" | "thread.moved"
  >
> = {
  approve: "thread.approved",
  reject: "thread.rejected",
  hide: "thread.hidden",
  unhide: "thread.unhidden",
  move: "thread.moved",
};

/**
 * `POST /threads/:id/moderate {action, roomSlug?, until?, reason?, title?, tags?}` and socket
 * `thread:moderate`: validate → authorise (the room's moderators; a move also needs the target room) →
 * one conditional write → follow-ups (posts, counters, flags) → one audit row → broadcasts to every
 * affected room → the author is told. Answers the thread as the moderator sees it.
 */
export async function moderateThread(
  actor: Actor | null,
  threadId: string,
  input: ThreadModerateInput,
  /** Changes made in the same decision elsewhere (the opening post's text), for the one audit row. */
  alsoChanged: Pick<Change, "before" | "after"> = { before: {}, after: {} },
): Promise<ThreadDto> {
  const me = requireSignedIn(actor);
  const { thread, room } = await loadVisibleThread(me, threadId);
  const target = input.roomSlug ? await loadVisibleRoom(me, { slug: input.roomSlug }) : null;
  if (target && !target._id.equals(room._id)) assertCan(me, "moderate.thread.move", { room, thread, target });
  if (input.action !== "move")
    assertCan(me, `moderate.thread.${input.action}` satisfies ThreadModPolicyAction, { room, thread });

  const now = new Date();
  const change = planChange(thread, input, now, target);
  if (!change) return presentThread(me, thread, room.slug);
  const updated = await Thread.findOneAndUpdate(
    { _id: thread._id, ...change.filter },
    { $set: change.set },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict("The thread changed meanwhile; reload and try again");

  const toRoom = target && !target._id.equals(room._id) ? target : null;
  const current = await followUp(updated, input.action, toRoom, now);
  const here = toRoom ?? room;

  await recordModAction({
    actor: me,
    action: `thread.${input.action}` satisfies ModActionKind,
    target: { type: "thread", id: thread._id, label: thread.title },
    room,
    toRoom,
    threadId: thread._id,
    reason: input.reason ?? null,
    before: { ...change.before, ...alsoChanged.before },
    after: { ...change.after, ...alsoChanged.after },
  });
  await broadcast(thread, current, room, here);
  await domainEvents.emit("thread.changed", { threadId: thread._id.toString() });
  if (input.action === "approve" || input.action === "reject") {
    publishUnqueued({
      targetType: "thread",
      id: thread._id.toString(),
      roomId: room._id.toString(),
      threadId: thread._id.toString(),
      outcome: input.action === "approve" ? "approved" : "rejected",
    });
  }
  const kind = NOTICES[input.action];
  if (kind && thread.authorId.toString() !== me.id) {
    notify(thread.authorId, {
      kind,
      targetId: thread._id.toString(),
      threadId: thread._id.toString(),
      threadTitle: current.title,
      reason: input.reason ?? null,
    });
  }
  return presentThread(me, current, here.slug);
}

/** What else changes with the thread: its posts' status and room, its counters, its practice record, its flags. */
async function followUp(
  after: ThreadRecord,
  action: ThreadModAction,
  toRoom: RoomRecord | null,
  now: Date,
): Promise<ThreadRecord> {
  const threadId = after._id;
  if (toRoom) {
    // Posts carry their room for the queue and catch-up filters; the practice record and open flags follow.
    await Promise.all([
      Post.updateMany({ threadId }, { $set: { roomId: toRoom._id } }),
      Practice.updateOne({ thread: threadId }, { $set: { room: toRoom._id } }),
      Flag.updateMany({ threadId }, { $set: { roomId: toRoom._id } }),
    ]);
  }
  if (action === "approve") {
    // The opening post (and any reply its author numbered inside the queued thread) goes out with it.
    await Post.updateMany({ threadId, status: "queued", seq: { $gt: 0 } }, { $set: { status: "published" } });
    return (await recountThread(threadId, now)) ?? after;
  }
  if (action === "reject") {
    await Post.updateMany({ threadId, status: "queued", seq: { $gt: 0 } }, { $set: { status: "hidden" } });
  }
  return after;
}

/**
 * Tell every affected room, in an order that keeps private things private:
 * 1. it left a room's public view (hidden, or moved away): `thread:removed` to the old room and its
 *    readers, then sockets that may no longer see it leave the thread;
 * 2. the new state to whoever may see it now (`thread:created` where it newly appears).
 */
async function broadcast(
  before: ThreadRecord,
  after: ThreadRecord,
  room: RoomRecord,
  here: RoomRecord,
): Promise<void> {
  const id = after._id.toString();
  const wasPublic = before.status === "published";
  const isPublic = after.status === "published";
  const moved = !before.roomId.equals(after.roomId);
  if (wasPublic && (!isPublic || moved)) {
    publish([rooms.room(room._id.toString()), rooms.thread(id)], "thread:removed", {
      threadId: id,
      roomId: room._id.toString(),
      reason: isPublic ? "moved" : "hidden",
    });
    await revalidateThreadAudience(id);
  }
  const dto = await presentThread(null, after, here.slug);
  if (isPublic && !wasPublic) {
    // It appears in the room now (approved, shown again); its author's tabs learn the new status too.
    publish([...threadAudience(after), rooms.user(after.authorId.toString())], "thread:created", {
      thread: dto,
    });
    publish([rooms.mod(), rooms.roomMod(here._id.toString())], "thread:updated", { thread: dto });
  } else {
    publish(threadAudience(after), "thread:updated", { thread: dto });
  }
}

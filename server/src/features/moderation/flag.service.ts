import { Types } from "mongoose";
import type {
  ErrorCode,
  FlagAssignInput,
  FlagBulkInput,
  FlagCreateInput,
  FlagDto,
  FlagListQuery,
  FlagNoteInput,
  FlagResolveInput,
} from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { AppError, conflict, notFound, validation } from "../../lib/errors.js";
import { assertCan, can } from "../../lib/policy.js";
import { publish } from "../../lib/realtime/publish.js";
import { afterIdCursor, idCursor, pageOf } from "../../lib/cursor.js";
import { Post, loadVisiblePost } from "../posts/index.js";
import { requireSignedIn, Room, type RoomRecord, isRoomModerator } from "../rooms/index.js";
import { loadVisibleThread } from "../threads/index.js";
import { loadActor } from "../users/index.js";
import { Flag, type FlagRecord } from "./flag.model.js";
import { presentModFlags, presentOwnFlags } from "./flag.presenter.js";
import { modAudience, recordModAction } from "./modAction.service.js";
import { moderationScope, scopeFilter } from "./moderation.scope.js";
import { notify } from "../audit/index.js";

async function publishFlag(event: "flag:created" | "flag:updated", flag: FlagRecord): Promise<FlagDto> {
  const [dto] = await presentModFlags([flag]);
  publish(modAudience(flag.roomId), event, { flag: dto });
  return dto;
}

/**
 * `POST /flags {targetType, targetId, reason, note?}` and socket `flag:create`: any reader flags a post
 * or a thread (its opening post is what they read) they can read and did not write. One open flag per
 * member per target, by a partial unique index (409 `CONFLICT` for a second). The room's moderators
 * see it arrive live. Answers the reporter's view of their flag.
 */
export async function createFlag(actor: Actor | null, input: FlagCreateInput): Promise<FlagDto> {
  const me = requireSignedIn(actor);
  const { post, thread, room } =
    input.targetType === "post"
      ? await loadVisiblePost(me, input.targetId)
      : await (async () => {
          const loaded = await loadVisibleThread(me, input.targetId);
          const opening = await Post.findOne({ threadId: loaded.thread._id, seq: 1 }).lean();
          if (!opening) throw notFound("Thread");
          return { ...loaded, post: opening };
        })();
  assertCan(me, "flag.create", { room, thread, post });
  if (post.deleted) throw conflict("This post was deleted");
  let flag: FlagRecord;
  try {
    const doc = await Flag.create({
      targetType: input.targetType,
      targetId: new Types.ObjectId(input.targetId),
      threadId: thread._id,
      roomId: room._id,
      reporterId: new Types.ObjectId(me.id),
      reason: input.reason,
      note: input.note || null,
    });
    flag = doc.toObject();
  } catch (err) {
    if (isDuplicateKeyError(err))
      throw conflict("You already flagged this; a moderator will look at it", "CONFLICT", {
        targetId: ["Already flagged"],
      });
    throw err;
  }
  await publishFlag("flag:created", flag);
  const [own] = await presentOwnFlags([flag]);
  return own;
}

/** `GET /flags/mine` → `{flags}`: the caller's flags, newest first, with their outcomes. */
export async function listOwnFlags(actor: Actor | null): Promise<FlagDto[]> {
  const me = requireSignedIn(actor);
  const rows = await Flag.find({ reporterId: new Types.ObjectId(me.id) })
    .sort({ _id: -1 })
    .limit(100)
    .lean();
  return presentOwnFlags(rows);
}

/**
 * `GET /moderation/flags?status&roomSlug&assignee&cursor&limit` → `{flags, nextCursor}`: flags in the
 * rooms the viewer moderates, newest first.
 */
export async function listFlags(
  actor: Actor | null,
  query: FlagListQuery,
): Promise<{ flags: FlagDto[]; nextCursor: string | null }> {
  const scope = await moderationScope(actor);
  assertCan(actor, "moderation.viewFlags", scope);
  const room = query.roomSlug ? await Room.findOne({ slug: query.roomSlug }, { _id: 1 }).lean() : null;
  if (query.roomSlug && !room) throw notFound("Room");
  const filter: Record<string, unknown> = { status: query.status, ...scopeFilter(scope, room) };
  if (query.assignee === "me" && actor) filter.assigneeId = new Types.ObjectId(actor.id);
  else if (query.assignee === "none") filter.assigneeId = null;
  else if (query.assignee) filter.assigneeId = new Types.ObjectId(query.assignee);
  if (query.cursor) filter._id = afterIdCursor(query.cursor);
  const rows = await Flag.find(filter)
    .sort({ _id: -1 })
    .limit(query.limit + 1)
    .lean();
  const { page, nextCursor } = pageOf(rows, query.limit, idCursor);
  return {
    flags: await presentModFlags(page),
    nextCursor,
  };
}

/** A flag and its room, for the moderators of that room; 404 for anyone else (flags are not public). */
async function loadModFlag(actor: Actor, flagId: string): Promise<{ flag: FlagRecord; room: RoomRecord }> {
  const flag = await Flag.findById(flagId).lean();
  const room = flag ? await Room.findById(flag.roomId).lean() : null;
  if (!flag || !room || !can(actor, "flag.view", { room })) throw notFound("Flag");
  return { flag, room };
}

/** How a flag is named in the log: what it points at and why (the target's text is in the thread). */
const targetLabel = (flag: FlagRecord) => `${flag.targetType} · ${flag.reason}`;

/**
 * `POST /flags/:id/resolve {status: resolved|dismissed, note?}` and socket `flag:resolve`: close an open
 * flag (409 `ILLEGAL_TRANSITION` if it was closed meanwhile, so two moderators cannot both close it).
 * The reporter is told the outcome with the note; the decision is logged.
 */
export async function resolveFlag(
  actor: Actor | null,
  flagId: string,
  input: FlagResolveInput,
): Promise<FlagDto> {
  const me = requireSignedIn(actor);
  const { flag, room } = await loadModFlag(me, flagId);
  assertCan(me, "flag.resolve", { room });
  const now = new Date();
  const closed = await Flag.findOneAndUpdate(
    { _id: flag._id, status: "open" },
    {
      $set: {
        status: input.status,
        resolvedBy: new Types.ObjectId(me.id),
        resolvedAt: now,
        resolutionNote: input.note || null,
      },
    },
    { returnDocument: "after" },
  ).lean();
  if (!closed) throw conflict("This flag was already closed", "ILLEGAL_TRANSITION");
  await recordModAction({
    actor: me,
    action: input.status === "resolved" ? "flag.resolve" : "flag.dismiss",
    target: { type: "flag", id: flag._id, label: targetLabel(flag) },
    room,
    threadId: flag.threadId,
    reason: input.note || null,
    before: { status: "open" },
    after: { status: input.status },
  });
  const dto = await publishFlag("flag:updated", closed);
  notify(flag.reporterId, {
    kind: input.status === "resolved" ? "flag.resolved" : "flag.dismissed",
    targetId: flag.targetId.toString(),
    threadId: flag.threadId.toString(),
    threadTitle: dto.target?.threadTitle ?? null,
    reason: input.note || null,
  });
  return dto;
}

/** `POST /moderation/flags/:id/assign {assigneeId|null}`: a moderator of the flag's room takes it. */
export async function assignFlag(
  actor: Actor | null,
  flagId: string,
  input: FlagAssignInput,
): Promise<FlagDto> {
  const me = requireSignedIn(actor);
  const { flag, room } = await loadModFlag(me, flagId);
  assertCan(me, "flag.assign", { room });
  if (input.assigneeId) {
    const assignee = await loadActor(input.assigneeId);
    if (!assignee || !isRoomModerator(assignee, room))
      throw validation("Only a moderator of this room can take the flag", {
        assigneeId: ["Not a moderator of this room"],
      });
  }
  const next = input.assigneeId ? new Types.ObjectId(input.assigneeId) : null;
  if (String(flag.assigneeId ?? "") === String(next ?? "")) return (await presentModFlags([flag]))[0];
  const updated = await Flag.findOneAndUpdate(
    { _id: flag._id, assigneeId: flag.assigneeId },
    { $set: { assigneeId: next } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw conflict("The flag changed meanwhile; reload and try again");
  await recordModAction({
    actor: me,
    action: "flag.assign",
    target: { type: "flag", id: flag._id, label: targetLabel(flag) },
    room,
    threadId: flag.threadId,
    before: { assigneeId: flag.assigneeId },
    after: { assigneeId: next },
  });
  return publishFlag("flag:updated", updated);
}

/** `POST /moderation/flags/:id/notes {text}`: an internal note for the other moderators. */
export async function addFlagNote(
  actor: Actor | null,
  flagId: string,
  input: FlagNoteInput,
): Promise<FlagDto> {
  const me = requireSignedIn(actor);
  const { flag, room } = await loadModFlag(me, flagId);
  assertCan(me, "flag.note", { room });
  const updated = await Flag.findOneAndUpdate(
    { _id: flag._id },
    {
      $push: {
        notes: {
          _id: new Types.ObjectId(),
          authorId: new Types.ObjectId(me.id),
          text: input.text,
          createdAt: new Date(),
        },
      },
    },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw notFound("Flag");
  await recordModAction({
    actor: me,
    action: "flag.note",
    target: { type: "flag", id: flag._id, label: targetLabel(flag) },
    room,
    threadId: flag.threadId,
    after: { note: input.text },
  });
  return publishFlag("flag:updated", updated);
}

export interface BulkResult {
  flags: FlagDto[];
  failed: Array<{ id: string; code: ErrorCode; message: string }>;
}

/**
 * `POST /moderation/flags/bulk {ids, action, assigneeId?, note?}`: the same decision for many flags,
 * one by one through the single-flag commands (each authorised, logged and broadcast on its own). A
 * flag that cannot take it (closed meanwhile, another room) is reported in `failed`, the rest go on.
 */
export async function bulkFlags(actor: Actor | null, input: FlagBulkInput): Promise<BulkResult> {
  const me = requireSignedIn(actor);
  const result: BulkResult = { flags: [], failed: [] };
  for (const id of [...new Set(input.ids)]) {
    try {
      const dto =
        input.action === "assign"
          ? await assignFlag(me, id, { assigneeId: input.assigneeId ?? null })
          : await resolveFlag(me, id, {
              status: input.action === "resolve" ? "resolved" : "dismissed",
              note: input.note,
            });
      result.flags.push(dto);
    } catch (err) {
      if (!(err instanceof AppError)) throw err;
      result.failed.push({ id, code: err.code, message: err.message });
    }
  }
  return result;
}

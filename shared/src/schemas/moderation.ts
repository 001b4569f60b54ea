// Longer than a few hundred lines: every moderation contract (DESIGN.md §5) in one file: schemas are data, read top to bottom.
import { z } from "zod";
import { IsoDate, ObjectIdString } from "./common.js";
import { PostDto } from "./posts.js";
import { RoomSlug, UserSummaryDto } from "./rooms.js";
import { ContentStatus, PostBody, ThreadDto, ThreadTags, ThreadTitle } from "./threads.js";

/** Moderation limits, beside the schemas that use them; forms read the same numbers. */
export const MOD_LIMITS = {
  reason: { min: 3, max: 500 },
  flagNote: { max: 500 },
  modNote: { min: 1, max: 1_000 },
  /** Flags changed by one bulk request. */
  bulk: { max: 100 },
  /** Rows in one CSV export of the log. */
  exportRows: 10_000,
  featured: { default: 6, max: 24 },
} as const;

const Reason = z.string().trim().min(MOD_LIMITS.reason.min).max(MOD_LIMITS.reason.max);

// ---------------------------------------------------------------------------------------------------
// Thread and post tools
// ---------------------------------------------------------------------------------------------------

/**
 * `POST /threads/:id/moderate {action}`. DESIGN.md §5 names approve … move; `edit` (title, tags) and
 * `hide`/`unhide` (take a whole thread down) extend it.
 */
export const ThreadModAction = z.enum([
  "approve",
  "reject",
  "pin",
  "unpin",
  "feature",
  "unfeature",
  "lock",
  "unlock",
  "move",
  "edit",
  "hide",
  "unhide",
]);
export type ThreadModAction = z.infer<typeof ThreadModAction>;

/** Actions the author is told about and that need a reason everyone can read later. */
export const REASON_REQUIRED: ReadonlySet<string> = new Set(["reject", "hide", "delete"]);

export const ThreadModerateInput = z
  .object({
    action: ThreadModAction,
    /** `move` (required): the room it goes to; `approve`: optionally publish it in another room. */
    roomSlug: RoomSlug.optional(),
    /** `pin`: unpin itself at this moment (in the future). */
    until: IsoDate.optional(),
    reason: Reason.optional(),
    /** `edit` and `approve`: a corrected title and tags. */
    title: ThreadTitle.optional(),
    tags: ThreadTags.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (REASON_REQUIRED.has(v.action) && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Give a reason" });
    if (v.action === "move" && !v.roomSlug)
      ctx.addIssue({ code: "custom", path: ["roomSlug"], message: "Choose a room" });
    if (v.roomSlug !== undefined && v.action !== "move" && v.action !== "approve")
      ctx.addIssue({ code: "custom", path: ["roomSlug"], message: "Only moving or approving takes a room" });
    if (v.until !== undefined && v.action !== "pin")
      ctx.addIssue({ code: "custom", path: ["until"], message: "Only pinning takes an end" });
    if ((v.title !== undefined || v.tags !== undefined) && v.action !== "edit" && v.action !== "approve")
      ctx.addIssue({
        code: "custom",
        path: ["title"],
        message: "Only editing or approving changes the title and tags",
      });
    if (v.action === "edit" && v.title === undefined && v.tags === undefined)
      ctx.addIssue({ code: "custom", path: ["title"], message: "Nothing to change" });
  });
export type ThreadModerateInput = z.infer<typeof ThreadModerateInput>;

/** `POST /posts/:id/moderate {action}`; `edit` (fix a body, e.g. before approving) extends DESIGN.md. */
export const PostModAction = z.enum(["approve", "reject", "hide", "unhide", "delete", "restore", "edit"]);
export type PostModAction = z.infer<typeof PostModAction>;

export const PostModerateInput = z
  .object({
    action: PostModAction,
    reason: Reason.optional(),
    /** The thread's title, when the post is the opening post of a thread waiting for approval. */
    title: ThreadTitle.optional(),
    /** `approve` and `edit`: the corrected text (the author's version stays in the edit history). */
    body: PostBody.optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (REASON_REQUIRED.has(v.action) && !v.reason)
      ctx.addIssue({ code: "custom", path: ["reason"], message: "Give a reason" });
    if ((v.title !== undefined || v.body !== undefined) && v.action !== "edit" && v.action !== "approve")
      ctx.addIssue({ code: "custom", path: ["body"], message: "Only editing or approving changes the text" });
    if (v.action === "edit" && v.title === undefined && v.body === undefined)
      ctx.addIssue({ code: "custom", path: ["body"], message: "Nothing to change" });
  });
export type PostModerateInput = z.infer<typeof PostModerateInput>;

// ---------------------------------------------------------------------------------------------------
// Approval queue
// ---------------------------------------------------------------------------------------------------

export const QueueQuery = z
  .object({
    roomSlug: RoomSlug.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(100),
  })
  .strict();
export type QueueQuery = z.infer<typeof QueueQuery>;

/**
 * One item waiting for review: a whole thread (its opening post in `post`) or a reply (its thread in
 * `thread`, as the moderator sees it). Oldest first.
 */
export const QueueItemDto = z.object({
  targetType: z.enum(["thread", "post"]),
  /** The thread's id for a thread, the post's for a reply. */
  id: z.string(),
  roomId: z.string(),
  roomSlug: z.string(),
  roomName: z.object({ id: z.string(), en: z.string() }),
  thread: ThreadDto,
  post: PostDto,
  createdAt: IsoDate,
});
export type QueueItemDto = z.infer<typeof QueueItemDto>;

// ---------------------------------------------------------------------------------------------------
// Flags
// ---------------------------------------------------------------------------------------------------

export const FlagReason = z.enum(["spam", "off-topic", "inappropriate", "misinformation", "other"]);
export type FlagReason = z.infer<typeof FlagReason>;
export const FlagStatus = z.enum(["open", "resolved", "dismissed"]);
export type FlagStatus = z.infer<typeof FlagStatus>;
export const FlagTargetType = z.enum(["post", "thread"]);
export type FlagTargetType = z.infer<typeof FlagTargetType>;

/** `POST /flags`: one open flag per member per target (409 otherwise); `other` needs a note. */
export const FlagCreateInput = z
  .object({
    targetType: FlagTargetType,
    targetId: ObjectIdString,
    reason: FlagReason,
    note: z.string().trim().max(MOD_LIMITS.flagNote.max).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.reason === "other" && !v.note)
      ctx.addIssue({ code: "custom", path: ["note"], message: "Say what is wrong" });
  });
export type FlagCreateInput = z.infer<typeof FlagCreateInput>;

/** `POST /flags/:id/resolve`: `note` is the message the flagger receives with the outcome. */
export const FlagResolveInput = z
  .object({
    status: z.enum(["resolved", "dismissed"]),
    note: z.string().trim().max(MOD_LIMITS.flagNote.max).optional(),
  })
  .strict();
export type FlagResolveInput = z.infer<typeof FlagResolveInput>;

/** `POST /moderation/flags/:id/assign`: a moderator of the flag's room, or nobody (`null`). */
export const FlagAssignInput = z.object({ assigneeId: ObjectIdString.nullable() }).strict();
export type FlagAssignInput = z.infer<typeof FlagAssignInput>;

/** `POST /moderation/flags/:id/notes`: an internal note, seen by moderators only. */
export const FlagNoteInput = z
  .object({ text: z.string().trim().min(MOD_LIMITS.modNote.min).max(MOD_LIMITS.modNote.max) })
  .strict();
export type FlagNoteInput = z.infer<typeof FlagNoteInput>;

/** `POST /moderation/flags/bulk`: the same decision for many flags, each logged on its own. */
export const FlagBulkInput = z
  .object({
    ids: z.array(ObjectIdString).min(1).max(MOD_LIMITS.bulk.max),
    action: z.enum(["resolve", "dismiss", "assign"]),
    assigneeId: ObjectIdString.nullable().optional(),
    note: z.string().trim().max(MOD_LIMITS.flagNote.max).optional(),
  })
  .strict()
  .superRefine((v, ctx) => {
    if (v.action === "assign" && v.assigneeId === undefined)
      ctx.addIssue({ code: "custom", path: ["assigneeId"], message: "Choose who takes them" });
  });
export type FlagBulkInput = z.infer<typeof FlagBulkInput>;

export const FlagListQuery = z
  .object({
    status: FlagStatus.default("open"),
    roomSlug: RoomSlug.optional(),
    /** `me`, `none` or a user id. */
    assignee: z.union([z.enum(["me", "none"]), ObjectIdString]).optional(),
    cursor: ObjectIdString.optional(),
    limit: z.coerce.number().int().min(1).max(100).default(50),
  })
  .strict();
export type FlagListQuery = z.infer<typeof FlagListQuery>;

/** What a flag points at, as its moderators see it (the excerpt is plain text of the current body). */
export const FlagTargetDto = z.object({
  type: FlagTargetType,
  id: z.string(),
  threadId: z.string(),
  threadTitle: z.string(),
  /** The post's seq (a thread's opening post is 1). */
  seq: z.number().int(),
  excerpt: z.string(),
  author: UserSummaryDto.nullable(),
  status: ContentStatus,
  deleted: z.boolean(),
});
export type FlagTargetDto = z.infer<typeof FlagTargetDto>;

export const FlagNoteDto = z.object({
  id: z.string(),
  author: UserSummaryDto.nullable(),
  text: z.string(),
  createdAt: IsoDate,
});
export type FlagNoteDto = z.infer<typeof FlagNoteDto>;

export const FlagResolutionDto = z.object({
  status: z.enum(["resolved", "dismissed"]),
  note: z.string().nullable(),
  /** Moderators only: who decided. */
  by: UserSummaryDto.nullable().optional(),
  at: IsoDate,
});
export type FlagResolutionDto = z.infer<typeof FlagResolutionDto>;

/**
 * A flag. Its reporter sees their own flag without the moderator-only parts (`reporter`, `assignee`,
 * `notes`, `target`, `openOnTarget`, `resolution.by`).
 */
export const FlagDto = z.object({
  id: z.string(),
  targetType: FlagTargetType,
  targetId: z.string(),
  threadId: z.string(),
  roomId: z.string(),
  roomSlug: z.string(),
  reason: FlagReason,
  note: z.string().nullable(),
  status: FlagStatus,
  resolution: FlagResolutionDto.nullable(),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  reporter: UserSummaryDto.nullable().optional(),
  assignee: UserSummaryDto.nullable().optional(),
  notes: z.array(FlagNoteDto).optional(),
  target: FlagTargetDto.optional(),
  /** Open flags on the same target, this one included. */
  openOnTarget: z.number().int().optional(),
});
export type FlagDto = z.infer<typeof FlagDto>;

// ---------------------------------------------------------------------------------------------------
// Audit log
// ---------------------------------------------------------------------------------------------------

/** Every kind of row in the audit log (`<target>.<verb>`). */
export const ModActionKind = z.enum([
  "thread.approve",
  "thread.reject",
  "thread.pin",
  "thread.unpin",
  "thread.feature",
  "thread.unfeature",
  "thread.lock",
  "thread.unlock",
  "thread.move",
  "thread.edit",
  "thread.hide",
  "thread.unhide",
  "post.approve",
  "post.reject",
  "post.hide",
  "post.unhide",
  "post.delete",
  "post.restore",
  "post.edit",
  "flag.resolve",
  "flag.dismiss",
  "flag.assign",
  "flag.note",
  "user.suspend",
  "user.unsuspend",
  "user.verify",
  "user.role",
  "verification.approve",
  "verification.reject",
  "verification.revoke",
  "room.create",
  "room.update",
  "qa.question.approve",
  "qa.question.dismiss",
  "qa.question.answer",
  "qa.question.highlight",
  "qa.question.unhighlight",
  "qa.question.edit",
  "qa.question.merge",
  "qa.session.live",
  "qa.session.end",
  "qa.session.update",
  "qa.guest.block",
  "qa.guest.unblock",
  "practice.promote",
  "practice.edit",
]);
export type ModActionKind = z.infer<typeof ModActionKind>;

export const ModTargetType = z.enum(["thread", "post", "flag", "user", "room", "question", "qaSession"]);
export type ModTargetType = z.infer<typeof ModTargetType>;

/** Field values before and after, only the fields the action changed (texts shortened to 500 chars). */
export const ModSnapshot = z.record(z.string(), z.unknown());

export const ModActionDto = z.object({
  id: z.string(),
  action: ModActionKind,
  /** Null for the system (a pin that ran out). */
  actor: UserSummaryDto.nullable(),
  targetType: ModTargetType,
  targetId: z.string(),
  /** What the target was called then: a thread title, a post excerpt, a name, a room slug. */
  targetLabel: z.string(),
  roomId: z.string().nullable(),
  roomSlug: z.string().nullable(),
  threadId: z.string().nullable(),
  reason: z.string().nullable(),
  before: ModSnapshot.nullable(),
  after: ModSnapshot.nullable(),
  createdAt: IsoDate,
});
export type ModActionDto = z.infer<typeof ModActionDto>;

/** A day (`2026-03-01`, the whole day in Asia/Jakarta) or an exact instant. */
const DayOrInstant = z.union([z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD"), IsoDate]);

/** `GET /moderation/log?…` (and `.csv`): newest first, every filter optional. */
export const ModLogQuery = z
  .object({
    actorId: ObjectIdString.optional(),
    action: ModActionKind.optional(),
    roomSlug: RoomSlug.optional(),
    targetId: ObjectIdString.optional(),
    from: DayOrInstant.optional(),
    to: DayOrInstant.optional(),
    cursor: ObjectIdString.optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
  })
  .strict();
export type ModLogQuery = z.infer<typeof ModLogQuery>;

// ---------------------------------------------------------------------------------------------------
// Live
// ---------------------------------------------------------------------------------------------------

/** Which moderation rooms a socket was put in (`moderation:join` ack). */
export const ModScopeDto = z.object({
  /** Admins and global moderators: every room. */
  global: z.boolean(),
  /** Rooms the user moderates by being listed on them. */
  roomIds: z.array(z.string()),
  queueCount: z.number().int(),
  openFlagCount: z.number().int(),
});
export type ModScopeDto = z.infer<typeof ModScopeDto>;

/** `moderation:unqueued`: an item left the queue (to moderators of its room). */
export const UnqueuedEvent = z.object({
  targetType: z.enum(["thread", "post"]),
  id: z.string(),
  roomId: z.string(),
  threadId: z.string(),
  outcome: z.enum(["approved", "rejected", "deleted"]),
});
export type UnqueuedEvent = z.infer<typeof UnqueuedEvent>;

/**
 * `moderation:notice` to one user's tabs: what a moderator decided about their content or their flag.
 * Carries no content, only where and why.
 */
export const ModNoticeDto = z.object({
  kind: z.enum([
    "post.approved",
    "post.rejected",
    "post.hidden",
    "post.unhidden",
    "post.deleted",
    "thread.approved",
    "thread.rejected",
    "thread.hidden",
    "thread.unhidden",
    "thread.moved",
    "flag.resolved",
    "flag.dismissed",
  ]),
  targetId: z.string(),
  threadId: z.string().nullable(),
  threadTitle: z.string().nullable(),
  reason: z.string().nullable(),
  at: IsoDate,
});
export type ModNoticeDto = z.infer<typeof ModNoticeDto>;

/** `thread:removed` to a room (and the thread's readers): it is no longer there for everyone. */
export const ThreadRemovedEvent = z.object({
  threadId: z.string(),
  roomId: z.string(),
  reason: z.enum(["hidden", "rejected", "moved"]),
});
export type ThreadRemovedEvent = z.infer<typeof ThreadRemovedEvent>;

/** `GET /featured?limit`: curated threads from the rooms this viewer may see, newest curation first. */
export const FeaturedQuery = z
  .object({
    limit: z.coerce.number().int().min(1).max(MOD_LIMITS.featured.max).default(MOD_LIMITS.featured.default),
  })
  .strict();
export type FeaturedQuery = z.infer<typeof FeaturedQuery>;

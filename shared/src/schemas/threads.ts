import { z } from "zod";
import { LIMITS } from "../limits.js";
import { ThreadAbilitiesDto } from "./abilities.js";
import { ClientId, IsoDate, ObjectIdString } from "./common.js";
import { UserSummaryDto } from "./rooms.js";
import { AdoptionsByStage, PracticeDto, PracticeInput } from "./practices.js";
import { WatchLevel } from "./notifications.js";

export const ThreadKind = z.enum(["discussion", "practice", "qa-archive"]);
export type ThreadKind = z.infer<typeof ThreadKind>;

/**
 * Threads and posts alike: only `published` content reaches other people; `queued` waits for a
 * moderator (pre-moderation), `hidden` was taken down by one.
 */
export const ContentStatus = z.enum(["published", "queued", "hidden"]);
export type ContentStatus = z.infer<typeof ContentStatus>;

/** Markdown source of a post; whitespace-only bodies are empty. */
export const PostBody = z
  .string()
  .min(LIMITS.postBody.min)
  .max(LIMITS.postBody.max)
  .refine((s) => s.trim().length > 0, { message: "Write something first" });

export const ThreadTitle = z.string().trim().min(LIMITS.threadTitle.min).max(LIMITS.threadTitle.max);

export const Tag = z
  .string()
  .trim()
  .toLowerCase()
  .min(LIMITS.tag.min)
  .max(LIMITS.tag.max)
  .regex(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u, "Use letters, digits and single hyphens");

/** A thread's tags: at most five, lower-cased, duplicates dropped (also moderators' title/tag edits). */
export const ThreadTags = z
  .array(Tag)
  .max(LIMITS.tagsPerThread)
  .transform((tags) => [...new Set(tags)]);

/**
 * `POST /rooms/:slug/threads`. `discussion` or `practice` threads; a practice thread carries its
 * structured record in `practice` (checked against the taxonomy by the practices feature, which also
 * refuses a `practice` on a discussion). `qa-archive` threads are written by Q&A sessions when they end.
 */
export const ThreadCreateInput = z
  .object({
    title: ThreadTitle,
    body: PostBody,
    kind: z.enum(["discussion", "practice"], "Start a discussion or a practice").optional(),
    practice: PracticeInput.optional(),
    tags: ThreadTags.optional(),
    clientId: ClientId.optional(),
  })
  .strict();
export type ThreadCreateInput = z.infer<typeof ThreadCreateInput>;

export const ThreadSort = z.enum(["activity", "new", "top"]);
export type ThreadSort = z.infer<typeof ThreadSort>;

export const ThreadListQuery = z
  .object({
    sort: ThreadSort.default("activity"),
    /** Opaque: whatever `nextCursor` said; it only works with the sort it came from. */
    cursor: z.string().max(300).optional(),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  })
  .strict();
export type ThreadListQuery = z.infer<typeof ThreadListQuery>;

/** `GET /users/:id/threads`: a person's threads, newest first. */
export const AuthorThreadsQuery = ThreadListQuery.pick({ cursor: true, limit: true }).strict();
export type AuthorThreadsQuery = z.infer<typeof AuthorThreadsQuery>;

export const ThreadIdParams = z.object({ id: ObjectIdString });

/**
 * Why content is not published, shown to its author and the room's moderators only (never in anyone
 * else's payload): `queued` waits for review, `rejected` was refused before publication, `hidden` was
 * taken down after it. `reason` is the moderator's, as the author is told.
 */
export const ModerationStateDto = z.object({
  state: z.enum(["queued", "rejected", "hidden"]),
  reason: z.string().nullable(),
  at: IsoDate.nullable(),
});
export type ModerationStateDto = z.infer<typeof ModerationStateDto>;

export const ThreadDto = z.object({
  id: z.string(),
  roomId: z.string(),
  roomSlug: z.string(),
  kind: ThreadKind,
  title: z.string(),
  author: UserSummaryDto.nullable(),
  tags: z.array(z.string()),
  pinned: z.boolean(),
  /** A pin with an end: the thread unpins itself then (null: until unpinned). */
  pinnedUntil: IsoDate.nullable().optional(),
  featured: z.boolean(),
  locked: z.boolean(),
  /** Why a moderator locked it (the `lock` action's reason), for every reader; null when unlocked or none given. */
  lockReason: z.string().nullable().optional(),
  status: ContentStatus,
  /** Highest seq handed out in this thread (may include posts the viewer cannot see). */
  lastSeq: z.number().int(),
  /** Published, not deleted posts, the opening post included. */
  postCount: z.number().int(),
  /** `postCount` without the opening post. */
  replyCount: z.number().int(),
  reactionCount: z.number().int(),
  lastActivityAt: IsoDate,
  createdAt: IsoDate,
  /** Practice threads only (the practices feature adds them): the record and the ledger counts. */
  practice: PracticeDto.optional(),
  /** Adoptions not abandoned. */
  adoptionCount: z.number().int().optional(),
  adoptionsByStage: AdoptionsByStage.optional(),
  /** Author and moderators only: why the thread is queued, rejected or hidden. */
  moderation: ModerationStateDto.optional(),
  /** Per viewer, signed in only; never in broadcasts. Visible posts after `lastReadSeq`. */
  unreadCount: z.number().int().optional(),
  lastReadSeq: z.number().int().optional(),
  /** Per viewer, on a single thread's answers (`GET /threads/:id`, a practice's page); never in broadcasts. */
  can: ThreadAbilitiesDto.optional(),
  /** DESIGN §9, per signed-in viewer, never in broadcasts: how they follow this thread (explicit or default). */
  watch: WatchLevel.optional(),
});
export type ThreadDto = z.infer<typeof ThreadDto>;

/** `POST /threads/:id/read` and socket `thread:read`: everything up to `seq` has been seen. */
export const MarkReadInput = z.object({ seq: z.number().int().min(0) }).strict();
export const ThreadReadCommand = MarkReadInput.extend({ threadId: ObjectIdString }).strict();
export type ThreadReadCommand = z.infer<typeof ThreadReadCommand>;

export const ReadStateDto = z.object({
  threadId: z.string(),
  lastReadSeq: z.number().int(),
  unreadCount: z.number().int(),
});
export type ReadStateDto = z.infer<typeof ReadStateDto>;

/** Socket `thread:join`: `afterSeq` is the last seq this client has; omit it on a first visit. */
export const ThreadJoinInput = z
  .object({ threadId: ObjectIdString, afterSeq: z.number().int().min(0).optional() })
  .strict();
export type ThreadJoinInput = z.infer<typeof ThreadJoinInput>;

/** Socket `thread:leave` and `typing:start`. */
export const ThreadRefInput = z.object({ threadId: ObjectIdString }).strict();
export type ThreadRefInput = z.infer<typeof ThreadRefInput>;

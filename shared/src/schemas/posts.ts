import { z } from "zod";
import { LIMITS } from "../limits.js";
import { PostAbilitiesDto } from "./abilities.js";
import { ClientId, IsoDate, ObjectIdString } from "./common.js";
import { PresenceDto, UserSummaryDto } from "./rooms.js";
import { ContentStatus, ModerationStateDto, PostBody } from "./threads.js";

/** The fixed set of reactions; counts are kept per kind. */
export const ReactionKind = z.enum(["like", "insightful", "thanks", "agree"]);
export type ReactionKind = z.infer<typeof ReactionKind>;

/** `POST /threads/:id/posts`: `clientId` makes a retried send safe (same key → same post). */
export const PostCreateInput = z
  .object({
    body: PostBody,
    clientId: ClientId,
    /** A post in the same thread this one answers; its author and a short excerpt are shown. */
    replyTo: ObjectIdString.optional(),
  })
  .strict();
export type PostCreateInput = z.infer<typeof PostCreateInput>;

/** Socket `post:create`. */
export const PostCreateCommand = PostCreateInput.extend({ threadId: ObjectIdString }).strict();
export type PostCreateCommand = z.infer<typeof PostCreateCommand>;

/** `PATCH /posts/:id` (its author). */
export const PostUpdateInput = z.object({ body: PostBody }).strict();
export type PostUpdateInput = z.infer<typeof PostUpdateInput>;
export const PostUpdateCommand = PostUpdateInput.extend({ postId: ObjectIdString }).strict();
export type PostUpdateCommand = z.infer<typeof PostUpdateCommand>;

/** Socket `post:delete`. */
export const PostRefCommand = z.object({ postId: ObjectIdString }).strict();
export type PostRefCommand = z.infer<typeof PostRefCommand>;

/**
 * `POST /posts/:id/reactions`: without `active` it toggles; with it, it sets the wanted state, so a
 * retried request cannot undo itself.
 */
export const ReactInput = z.object({ kind: ReactionKind, active: z.boolean().optional() }).strict();
export type ReactInput = z.infer<typeof ReactInput>;
export const ReactCommand = ReactInput.extend({ postId: ObjectIdString }).strict();
export type ReactCommand = z.infer<typeof ReactCommand>;

/**
 * `GET /threads/:id/posts`: `afterSeq` pages forward (from the start when absent), `beforeSeq` pages
 * backward (the `limit` posts just before it, returned in ascending order). Not both.
 */
export const PostListQuery = z
  .object({
    afterSeq: z.coerce.number().int().min(0).optional(),
    beforeSeq: z.coerce.number().int().min(1).optional(),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
  })
  .strict()
  .refine((q) => q.afterSeq === undefined || q.beforeSeq === undefined, {
    message: "Use afterSeq or beforeSeq, not both",
  });
export type PostListQuery = z.infer<typeof PostListQuery>;

export const PostIdParams = z.object({ id: ObjectIdString });

export const ReactionCountsDto = z.record(ReactionKind, z.number().int());
export type ReactionCountsDto = z.infer<typeof ReactionCountsDto>;

/** What a reply shows of the post it answers. */
export const PostQuoteDto = z.object({
  id: z.string(),
  seq: z.number().int(),
  author: UserSummaryDto.nullable(),
  /** Plain text, at most ~160 characters; empty when the quoted post was deleted. */
  excerpt: z.string(),
  deleted: z.boolean(),
});
export type PostQuoteDto = z.infer<typeof PostQuoteDto>;

export const PostDto = z.object({
  id: z.string(),
  threadId: z.string(),
  roomId: z.string(),
  seq: z.number().int(),
  author: UserSummaryDto.nullable(),
  /** Raw Markdown; null once deleted. */
  body: z.string().nullable(),
  /** Sanitised HTML rendered from `body`; null once deleted. */
  html: z.string().nullable(),
  /** Ids of users mentioned as `@[Name](userId)` who exist. */
  mentions: z.array(z.string()),
  replyTo: PostQuoteDto.nullable(),
  reactions: ReactionCountsDto,
  /** The viewer's own reactions; never in broadcasts. */
  myReactions: z.array(ReactionKind).optional(),
  /**
   * `hidden` posts reach everyone but their author and moderators as a placeholder: `body`, `html` and
   * `mentions` empty, no quote. `queued` posts have `seq` 0 until approved (they take the next seq then).
   */
  status: ContentStatus,
  deleted: z.boolean(),
  editedAt: IsoDate.nullable(),
  createdAt: IsoDate,
  /** The last moderation change (hide, unhide, delete, restore, approve): newer state wins in clients. */
  moderatedAt: IsoDate.nullable().optional(),
  /** Author and moderators only: why the post is queued, rejected or hidden. */
  moderation: ModerationStateDto.optional(),
  /** Only to the post's author (never in broadcasts). */
  clientId: z.string().optional(),
  /** Per viewer; never in broadcasts (the thread's `can.othersPost` stands in for those). */
  can: PostAbilitiesDto.optional(),
});
export type PostDto = z.infer<typeof PostDto>;

export const PostRevisionDto = z.object({
  /** 1 is the original text; the current text is not a revision. */
  version: z.number().int(),
  body: z.string(),
  html: z.string(),
  /** When this version was written. */
  createdAt: IsoDate,
});
export type PostRevisionDto = z.infer<typeof PostRevisionDto>;

/** `thread:join` ack: the head, everything after `afterSeq` the viewer may see, and who is there. */
export const ThreadJoinResult = z.object({
  headSeq: z.number().int(),
  missed: z.array(PostDto),
  presence: PresenceDto,
});
export type ThreadJoinResult = z.infer<typeof ThreadJoinResult>;

export const PostDeletedEvent = z.object({ threadId: z.string(), postId: z.string(), seq: z.number().int() });
export type PostDeletedEvent = z.infer<typeof PostDeletedEvent>;

/**
 * `POST /markdown/preview`: how a body will look, rendered by the same code as a post (raw HTML off,
 * links sanitised, mentions resolved). Up to the post limit; an empty body renders to nothing.
 */
export const MarkdownPreviewInput = z.object({ body: z.string().max(LIMITS.postBody.max) }).strict();
export type MarkdownPreviewInput = z.infer<typeof MarkdownPreviewInput>;
export const MarkdownPreviewDto = z.object({ html: z.string(), mentions: z.array(z.string()) });
export type MarkdownPreviewDto = z.infer<typeof MarkdownPreviewDto>;

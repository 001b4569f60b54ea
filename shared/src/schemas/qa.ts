import { z } from "zod";
import { Affiliation, ClientId, IsoDate, Locale, ObjectIdString } from "./common.js";
import { PollDto } from "./polls.js";
import { QaGuestsMode } from "./qaGuests.js";

/** Q&A limits, beside the schemas that use them; forms read the same numbers. */
export const QA_LIMITS = {
  sessionTitle: { min: 3, max: 160 },
  sessionDescription: { max: 1_000 },
  hosts: { max: 5 },
  questionText: { min: 3, max: 300 },
  answer: { max: 5_000 },
  dismissReason: { min: 3, max: 300 },
  /** Join codes avoid look-alike characters (0/O, 1/I/L) so they can be read off a projector. */
  joinCode: { length: 6, alphabet: "ABCDEFGHJKMNPQRSTUVWXYZ23456789" },
  /** Unanswered questions become follow-ups due this many days after the session ends. */
  followUpDays: 14,
} as const;

export const QaStatus = z.enum(["scheduled", "live", "ended"]);
export type QaStatus = z.infer<typeof QaStatus>;

/**
 * `merged` extends DESIGN.md's four statuses: a duplicate folded into another question keeps its row
 * (and its author's view of it) but is no longer listed or votable.
 */
export const QuestionStatus = z.enum(["pending", "approved", "answered", "dismissed", "merged"]);
export type QuestionStatus = z.infer<typeof QuestionStatus>;

export const JoinCode = z
  .string()
  .trim()
  .toUpperCase()
  .regex(new RegExp(`^[${QA_LIMITS.joinCode.alphabet}]{${QA_LIMITS.joinCode.length}}$`), "Unknown join code");

/** `POST /rooms/:slug/qa`: the creator is always a host; `hostIds` adds co-hosts. */
export const QaSessionCreateInput = z
  .object({
    title: z.string().trim().min(QA_LIMITS.sessionTitle.min).max(QA_LIMITS.sessionTitle.max),
    description: z.string().trim().max(QA_LIMITS.sessionDescription.max).optional(),
    startsAt: IsoDate.optional(),
    moderated: z.boolean(),
    allowAnonymous: z.boolean(),
    hostIds: z
      .array(ObjectIdString)
      .max(QA_LIMITS.hosts.max - 1)
      .optional(),
    /** Extension (DESIGN §9): guests by join code; `off` when absent. */
    guests: QaGuestsMode.optional(),
    /** The language the session is held in (archive, analytics, exports); default: the creator's. */
    locale: Locale.optional(),
  })
  .strict();
export type QaSessionCreateInput = z.infer<typeof QaSessionCreateInput>;

/**
 * `GET /qa?status&limit`: sessions across every room the viewer may see (the "Tanya Jawab" page).
 * Without `status`: live ones, then scheduled (soonest first), then ended (latest first).
 */
export const QaListQuery = z
  .object({
    status: QaStatus.optional(),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  })
  .strict();
export type QaListQuery = z.infer<typeof QaListQuery>;

/** `PATCH /qa/:id` (hosts, moderators): change the session's settings; at least one field. */
export const QaSessionPatchInput = z
  .object({
    title: z.string().trim().min(QA_LIMITS.sessionTitle.min).max(QA_LIMITS.sessionTitle.max).optional(),
    description: z.string().trim().max(QA_LIMITS.sessionDescription.max).optional(),
    moderated: z.boolean().optional(),
    allowAnonymous: z.boolean().optional(),
    guests: QaGuestsMode.optional(),
    locale: Locale.optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, { message: "Nothing to change" });
export type QaSessionPatchInput = z.infer<typeof QaSessionPatchInput>;

/** `POST /qa/:id/status`: scheduled → live → ended, or scheduled → ended (cancelled). */
export const QaStatusInput = z.object({ status: z.enum(["live", "ended"]) }).strict();
export type QaStatusInput = z.infer<typeof QaStatusInput>;

export const QuestionCreateInput = z
  .object({
    text: z.string().trim().min(QA_LIMITS.questionText.min).max(QA_LIMITS.questionText.max),
    anonymous: z.boolean().optional(),
    clientId: ClientId,
  })
  .strict();
export type QuestionCreateInput = z.infer<typeof QuestionCreateInput>;

const AnswerText = z.string().trim().max(QA_LIMITS.answer.max);

/** `POST /questions/:id/moderate`: one shape per action, so each carries exactly what it needs. */
export const QuestionModerateInput = z.discriminatedUnion("action", [
  z.object({ action: z.literal("approve") }).strict(),
  z
    .object({
      action: z.literal("dismiss"),
      reason: z.string().trim().min(QA_LIMITS.dismissReason.min).max(QA_LIMITS.dismissReason.max),
    })
    .strict(),
  z.object({ action: z.literal("answer"), answer: AnswerText.optional() }).strict(),
  z.object({ action: z.literal("highlight") }).strict(),
  /** Extension: clear the highlight without answering (the host moved on). */
  z.object({ action: z.literal("unhighlight") }).strict(),
  z
    .object({
      action: z.literal("edit"),
      text: z.string().trim().min(QA_LIMITS.questionText.min).max(QA_LIMITS.questionText.max),
    })
    .strict(),
  z.object({ action: z.literal("merge"), intoId: ObjectIdString }).strict(),
]);
export type QuestionModerateInput = z.infer<typeof QuestionModerateInput>;
export type QuestionModerateAction = QuestionModerateInput["action"];

// Socket payloads.
export const QaJoinInput = z.object({ sessionId: ObjectIdString }).strict();
export const QaAskInput = QuestionCreateInput.extend({ sessionId: ObjectIdString }).strict();
export const QaStatusSocketInput = QaStatusInput.extend({ sessionId: ObjectIdString }).strict();

export const QaPersonDto = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  affiliation: Affiliation.nullable(),
  verified: z.boolean(),
  /** Extension: a guest participant (no account); `name` is "" for one who joined anonymously. */
  guest: z.boolean().optional(),
});
export type QaPersonDto = z.infer<typeof QaPersonDto>;

export const QaSessionDto = z.object({
  id: z.string(),
  roomId: z.string(),
  roomSlug: z.string(),
  title: z.string(),
  description: z.string(),
  hosts: z.array(QaPersonDto),
  startsAt: IsoDate.nullable(),
  status: QaStatus,
  moderated: z.boolean(),
  allowAnonymous: z.boolean(),
  guests: QaGuestsMode,
  /** The language the session is held in; sessions from before it was recorded are Indonesian. */
  locale: Locale,
  joinCode: z.string(),
  highlightedQuestionId: z.string().nullable(),
  archiveThreadId: z.string().nullable(),
  /** Questions everyone can see (approved + answered); pending ones are not counted here. */
  questionCount: z.number().int(),
  answeredCount: z.number().int(),
  startedAt: IsoDate.nullable(),
  endedAt: IsoDate.nullable(),
  createdAt: IsoDate,
});
export type QaSessionDto = z.infer<typeof QaSessionDto>;

/**
 * One question as a given viewer may see it. `author` is null for anonymous questions unless the
 * viewer moderates the session; `mine`/`voted` are per viewer (false in room broadcasts); `rev`
 * grows with every change so clients drop out-of-order updates.
 */
export const QuestionDto = z.object({
  id: z.string(),
  sessionId: z.string(),
  text: z.string(),
  status: QuestionStatus,
  anonymous: z.boolean(),
  author: QaPersonDto.nullable(),
  votes: z.number().int(),
  rev: z.number().int(),
  answer: z.string().nullable(),
  answeredAt: IsoDate.nullable(),
  /** Only to the author and moderators. */
  dismissReason: z.string().nullable(),
  mergedIntoId: z.string().nullable(),
  /** After the session ended unanswered: the host who owes an answer, and by when. */
  followUp: z.object({ assignee: QaPersonDto, dueAt: IsoDate }).nullable(),
  edited: z.boolean(),
  mine: z.boolean(),
  voted: z.boolean(),
  createdAt: IsoDate,
});
export type QuestionDto = z.infer<typeof QuestionDto>;

/** What a viewer may do in a session; only in snapshots (GET, qa:join), never in broadcasts. */
export const QaViewerDto = z.object({
  canModerate: z.boolean(),
  canAsk: z.boolean(),
  signedIn: z.boolean(),
  /** Extension: may vote and answer polls (false for watch-only or blocked guests, and signed-out visitors). */
  canVote: z.boolean(),
  /** Extension: the guest participant this device joined as (null for members and visitors). */
  guest: z.object({ id: z.string(), name: z.string().nullable() }).nullable(),
});
export type QaViewerDto = z.infer<typeof QaViewerDto>;

export const QaSnapshotDto = z.object({
  session: QaSessionDto,
  questions: z.array(QuestionDto),
  viewer: QaViewerDto,
  /** Extension: the session's polls this viewer may see (drafts only for hosts and moderators). */
  polls: z.array(PollDto),
});
export type QaSnapshotDto = z.infer<typeof QaSnapshotDto>;

/** Batched vote counts (`qa:votes:updated`): a vote storm fans out a few times a second, not per vote. */
export const QaVoteCountsDto = z.object({
  sessionId: z.string(),
  counts: z.array(z.object({ id: z.string(), votes: z.number().int(), rev: z.number().int() })),
});
export type QaVoteCountsDto = z.infer<typeof QaVoteCountsDto>;

import { z } from "zod";
import { ObjectIdString } from "../schemas/common.js";
import { PollAnswerSocketInput, PollCreateInput, PollDto, PollStatusInput } from "../schemas/polls.js";
import {
  JoinCode,
  QaAskInput,
  QaJoinInput,
  QaListQuery,
  QaSessionCreateInput,
  QaSessionDto,
  QaSessionPatchInput,
  QaSnapshotDto,
  QaStatusSocketInput,
  QuestionDto,
  QuestionModerateInput,
} from "../schemas/qa.js";
import { QaAnalyticsDto, QaAnalyticsQuery } from "../schemas/qaAnalytics.js";
import {
  QaBlockInput,
  QaClaimDto,
  QaJoinByCodeInput,
  QaParticipantDto,
  QaParticipantRefDto,
} from "../schemas/qaGuests.js";
import { RoomSlug } from "../schemas/rooms.js";
import { defineCommand } from "./define.js";

const SessionRef = z.object({ sessionId: ObjectIdString });
const SessionResult = z.object({ session: QaSessionDto });
const QuestionResult = z.object({ question: QuestionDto });
const PollResult = z.object({ poll: PollDto });
const ParticipantRef = SessionRef.extend({ participantId: ObjectIdString });
const ParticipantResult = z.object({ participant: QaParticipantDto });

/** `PATCH /qa/:id`: at least one setting besides the session's id. */
const SessionPatch = z
  .object({ ...QaSessionPatchInput.shape, sessionId: ObjectIdString })
  .strict()
  .refine(({ sessionId: _, ...patch }) => Object.keys(patch).length > 0, { message: "Nothing to change" });

/** One shape per moderation action, each with the question's id (the path's on REST). */
const QuestionModerate = z.discriminatedUnion(
  "action",
  QuestionModerateInput.options.map((o) => o.extend({ questionId: ObjectIdString })) as unknown as [
    z.ZodObject,
    ...z.ZodObject[],
  ],
) as unknown as z.ZodType<QuestionModerateInput & { questionId: string }>;

/**
 * What a command a guest may send declares: anyone may call it, and the shared budgets stay out of
 * it because the handler finds its caller (member or guest) and spends budgets per device and address.
 */
const GUEST_CALLER = { auth: "anyone", limit: null } as const;

/**
 * Q&A sessions, questions, votes, guests and analytics (DESIGN.md §5, §9). The live page's hot paths
 * keep a socket path: joining (the only way into the session's rooms), asking, voting in a storm,
 * moderating and running the session from the stage. Commands a guest may send are `GUEST_CALLER`s.
 */
export const qaCommands = {
  /* Join codes and guests (issue 17). Before the `/qa/:sessionId…` reads, as they always were. */
  joinByCode: defineCommand({
    name: "qa.joinByCode",
    summary: "Join a session by its code; a guest gets an HttpOnly cookie valid for that session only",
    input: QaJoinByCodeInput.extend({ code: JoinCode }),
    output: z.object({ participant: QaParticipantRefDto, session: QaSessionDto }),
    ...GUEST_CALLER,
    errors: ["NOT_FOUND", "GUESTS_OFF", "BLOCKED"],
    http: { method: "POST", path: "/qa/code/:code/join", status: 201 },
  }),
  update: defineCommand({
    name: "qa.update",
    summary: "Change a session's settings (hosts, moderators)",
    input: SessionPatch,
    output: SessionResult,
    errors: ["NOT_FOUND", "FORBIDDEN"],
    http: { method: "PATCH", path: "/qa/:sessionId" },
  }),
  claim: defineCommand({
    name: "qa.claim",
    summary: "Make this device's guest questions in a session the signed-in member's",
    input: SessionRef,
    output: QaClaimDto,
    errors: ["NOT_FOUND"],
    http: { method: "POST", path: "/qa/:sessionId/claim" },
  }),
  participants: defineCommand({
    name: "qa.participants",
    summary: "A session's participants (hosts, moderators)",
    input: SessionRef,
    output: z.object({ participants: z.array(QaParticipantDto) }),
    auth: "member",
    errors: ["NOT_FOUND", "FORBIDDEN"],
    http: { method: "GET", path: "/qa/:sessionId/participants" },
  }),
  block: defineCommand({
    name: "qa.block",
    summary: "Block a guest participant from a session",
    input: QaBlockInput.extend(ParticipantRef.shape),
    output: ParticipantResult,
    errors: ["NOT_FOUND", "FORBIDDEN"],
    http: { method: "POST", path: "/qa/:sessionId/participants/:participantId/block" },
  }),
  unblock: defineCommand({
    name: "qa.unblock",
    summary: "Let a blocked guest take part again",
    input: ParticipantRef,
    output: ParticipantResult,
    errors: ["NOT_FOUND", "FORBIDDEN"],
    http: { method: "DELETE", path: "/qa/:sessionId/participants/:participantId/block" },
  }),

  /* Polls (DESIGN.md §9). */
  createPoll: defineCommand({
    name: "qa.createPoll",
    summary: "Add a poll to a session (hosts, moderators)",
    input: PollCreateInput.safeExtend(SessionRef.shape),
    output: PollResult,
    errors: ["NOT_FOUND", "FORBIDDEN"],
    http: { method: "POST", path: "/qa/:sessionId/polls", status: 201 },
  }),
  polls: defineCommand({
    name: "qa.polls",
    summary: "A session's polls this viewer may see",
    input: SessionRef,
    output: z.object({ polls: z.array(PollDto) }),
    errors: ["NOT_FOUND"],
    http: { method: "GET", path: "/qa/:sessionId/polls" },
  }),
  pollStatus: defineCommand({
    name: "qa.pollStatus",
    summary: "Open or close a poll, and show or hide its results",
    input: PollStatusInput.extend({ pollId: ObjectIdString }),
    output: PollResult,
    errors: ["NOT_FOUND", "FORBIDDEN", "ILLEGAL_TRANSITION"],
    http: { method: "POST", path: "/polls/:pollId/status" },
  }),
  answerPoll: defineCommand({
    name: "qa.answerPoll",
    summary: "Answer an open poll (one answer per participant; a new one replaces it)",
    input: PollAnswerSocketInput,
    output: PollResult,
    ...GUEST_CALLER,
    errors: ["NOT_FOUND", "FORBIDDEN", "CONFLICT", "BLOCKED"],
    http: { method: "POST", path: "/polls/:pollId/answers" },
    socket: { event: "qa:poll:answer", ack: "poll", limit: "qaPoll" },
  }),

  /* Host analytics (issue 17). */
  analytics: defineCommand({
    name: "qa.analytics",
    summary: "A session's figures for its hosts and moderators",
    input: QaAnalyticsQuery.extend(SessionRef.shape),
    output: z.object({ analytics: QaAnalyticsDto }),
    auth: "member",
    errors: ["NOT_FOUND", "FORBIDDEN"],
    http: { method: "GET", path: "/qa/:sessionId/analytics" },
  }),
  analyticsCsv: defineCommand({
    name: "qa.analyticsCsv",
    summary: "A session's figures as CSV, headings in the session's language",
    input: QaAnalyticsQuery.extend(SessionRef.shape),
    output: z.string(),
    auth: "member",
    errors: ["NOT_FOUND", "FORBIDDEN"],
    http: { method: "GET", path: "/qa/:sessionId/analytics.csv", contentType: "text/csv; charset=utf-8" },
  }),

  /* Sessions. */
  list: defineCommand({
    name: "qa.list",
    summary: "Sessions across the rooms this viewer may see: live, then upcoming, then ended",
    input: QaListQuery,
    output: z.object({ sessions: z.array(QaSessionDto) }),
    http: { method: "GET", path: "/qa" },
  }),
  listForRoom: defineCommand({
    name: "qa.listForRoom",
    summary: "A room's sessions",
    input: z.object({ slug: RoomSlug }),
    output: z.object({ sessions: z.array(QaSessionDto) }),
    errors: ["NOT_FOUND"],
    http: { method: "GET", path: "/rooms/:slug/qa" },
  }),
  create: defineCommand({
    name: "qa.create",
    summary: "Schedule a Q&A session in a room; the creator hosts it",
    input: QaSessionCreateInput.extend({ slug: RoomSlug }),
    output: SessionResult,
    errors: ["NOT_FOUND", "FORBIDDEN"],
    http: { method: "POST", path: "/rooms/:slug/qa", status: 201 },
  }),
  byCode: defineCommand({
    name: "qa.byCode",
    summary: "The session a join code opens",
    input: z.object({ code: JoinCode }),
    output: SessionResult,
    errors: ["NOT_FOUND"],
    http: { method: "GET", path: "/qa/code/:code" },
  }),
  get: defineCommand({
    name: "qa.get",
    summary: "A session with the questions, polls and abilities this viewer may see",
    input: SessionRef,
    output: QaSnapshotDto,
    errors: ["NOT_FOUND"],
    http: { method: "GET", path: "/qa/:sessionId" },
  }),
  exportCsv: defineCommand({
    name: "qa.exportCsv",
    summary: "Every question of a session as CSV (its moderators)",
    input: SessionRef,
    output: z.string(),
    auth: "member",
    errors: ["NOT_FOUND", "FORBIDDEN"],
    http: { method: "GET", path: "/qa/:sessionId/export.csv", contentType: "text/csv; charset=utf-8" },
  }),
  status: defineCommand({
    name: "qa.status",
    summary: "Start or end a session (hosts, moderators)",
    input: QaStatusSocketInput,
    output: SessionResult,
    errors: ["NOT_FOUND", "FORBIDDEN", "ILLEGAL_TRANSITION"],
    http: { method: "POST", path: "/qa/:sessionId/status" },
    socket: { event: "qa:status", ack: "session" },
  }),
  /** Socket only: puts the socket in the one session room the policy picks, and acks the snapshot. */
  join: defineCommand({
    name: "qa.join",
    summary: "Receive a session's live events; the ack is the snapshot this viewer may see",
    input: QaJoinInput,
    output: QaSnapshotDto,
    errors: ["NOT_FOUND", "FORBIDDEN", "BLOCKED"],
    socket: { event: "qa:join", limit: "read" },
  }),
  leave: defineCommand({
    name: "qa.leave",
    summary: "Stop receiving a session's live events",
    input: QaJoinInput,
    output: z.null(),
    socket: { event: "qa:leave", limit: "read" },
  }),

  /* Questions and votes. */
  ask: defineCommand({
    name: "qa.ask",
    summary: "Ask a question (idempotent by clientId: a retry answers 200 with the same question)",
    input: QaAskInput,
    output: QuestionResult,
    ...GUEST_CALLER,
    errors: ["NOT_FOUND", "FORBIDDEN", "CONFLICT", "BLOCKED"],
    http: { method: "POST", path: "/qa/:sessionId/questions", status: 201 },
    socket: { event: "qa:ask", ack: "question", limit: "qaQuestion" },
  }),
  vote: defineCommand({
    name: "qa.vote",
    summary: "Vote for a question (`up: false` takes the vote back); idempotent per participant",
    input: z.object({ questionId: ObjectIdString, up: z.boolean().default(true) }).strict(),
    output: QuestionResult,
    ...GUEST_CALLER,
    errors: ["NOT_FOUND", "FORBIDDEN", "BLOCKED"],
    http: { method: "POST", path: "/questions/:questionId/vote" },
    socket: { event: "qa:vote", ack: "question", limit: "qaVote" },
  }),
  unvote: defineCommand({
    name: "qa.unvote",
    summary: "Take a vote back; idempotent per participant",
    input: z.object({ questionId: ObjectIdString }).strict(),
    output: QuestionResult,
    ...GUEST_CALLER,
    errors: ["NOT_FOUND", "FORBIDDEN", "BLOCKED"],
    http: { method: "DELETE", path: "/questions/:questionId/vote" },
  }),
  moderate: defineCommand({
    name: "qa.moderate",
    summary: "Approve, dismiss, answer, highlight, edit or merge a question (hosts, moderators)",
    input: QuestionModerate,
    output: QuestionResult,
    errors: ["NOT_FOUND", "FORBIDDEN", "ILLEGAL_TRANSITION"],
    http: { method: "POST", path: "/questions/:questionId/moderate" },
    socket: { event: "qa:moderate", ack: "question" },
  }),
} as const;

import type { QaSessionDto, QuestionDto, QuestionStatus } from "@rembuk/shared";
import type { QaSessionRecord } from "./qaSession.model.js";
import type { QuestionRecord } from "./question.model.js";
import { personOrPlaceholder, type People } from "./qa.people.js";

/** Statuses every participant may see; the rest reach only the author and the session's moderators. */
export const PUBLIC_STATUSES: readonly QuestionStatus[] = ["approved", "answered"];
export const isPublicStatus = (s: QuestionStatus) => PUBLIC_STATUSES.includes(s);

/**
 * Whom a question DTO is for. `moderator`: the session's hosts and moderators (the pending queue; the
 * author of an anonymous question only when `seesAnonymous`: the room's moderators and staff, not a
 * host who is not one); `participant`: everyone else; `author`: the asker's own view
 * (`mine`, the dismissal reason, never their own name on an anonymous question, because the same
 * payload may be shown on a shared screen).
 */
export type Audience =
  | { kind: "moderator"; viewerId: string | null; seesAnonymous: boolean }
  | { kind: "participant"; viewerId: string | null }
  | { kind: "author" };

export type PresentableQuestion = Pick<
  QuestionRecord,
  | "_id"
  | "session"
  | "author"
  | "anonymous"
  | "text"
  | "status"
  | "votes"
  | "rev"
  | "answer"
  | "answeredAt"
  | "dismissReason"
  | "mergedInto"
  | "followUp"
  | "edited"
  | "createdAt"
>;

/** Everyone a question's DTO names: its author and, after the end, the host who owes the answer. */
export const peopleOf = (q: Pick<QuestionRecord, "author" | "followUp">) =>
  q.followUp ? [q.author, q.followUp.assignee] : [q.author];

export function presentQuestion(
  q: PresentableQuestion,
  audience: Audience,
  people: People,
  voted = false,
): QuestionDto {
  const authorId = q.author.toString();
  const mine = audience.kind === "author" || audience.viewerId === authorId;
  const showAuthor = !q.anonymous || (audience.kind === "moderator" && audience.seesAnonymous);
  const showReason = audience.kind === "moderator" || mine;
  return {
    id: q._id.toString(),
    sessionId: q.session.toString(),
    text: q.text,
    status: q.status,
    anonymous: q.anonymous,
    author: showAuthor ? personOrPlaceholder(people, q.author) : null,
    votes: q.votes,
    rev: q.rev,
    answer: q.answer ?? null,
    answeredAt: q.answeredAt ? q.answeredAt.toISOString() : null,
    dismissReason: showReason ? (q.dismissReason ?? null) : null,
    mergedIntoId: q.mergedInto ? q.mergedInto.toString() : null,
    followUp: q.followUp
      ? { assignee: personOrPlaceholder(people, q.followUp.assignee), dueAt: q.followUp.dueAt.toISOString() }
      : null,
    edited: q.edited,
    mine,
    voted,
    createdAt: q.createdAt.toISOString(),
  };
}

export function presentSession(s: QaSessionRecord, roomSlug: string, people: People): QaSessionDto {
  return {
    id: s._id.toString(),
    roomId: s.room.toString(),
    roomSlug,
    title: s.title,
    description: s.description ?? "",
    hosts: s.hosts.map((h) => personOrPlaceholder(people, h)),
    startsAt: s.startsAt ? s.startsAt.toISOString() : null,
    status: s.status,
    moderated: s.moderated,
    allowAnonymous: s.allowAnonymous,
    guests: s.guests ?? "off",
    locale: s.locale ?? "id",
    joinCode: s.joinCode,
    highlightedQuestionId: s.highlightedQuestion ? s.highlightedQuestion.toString() : null,
    archiveThreadId: s.archiveThread ? s.archiveThread.toString() : null,
    questionCount: s.questionCount,
    answeredCount: s.answeredCount,
    startedAt: s.startedAt ? s.startedAt.toISOString() : null,
    endedAt: s.endedAt ? s.endedAt.toISOString() : null,
    createdAt: s.createdAt.toISOString(),
  };
}

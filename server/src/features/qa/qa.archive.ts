import { QA_LIMITS } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { logger } from "../../lib/logger.js";
import { archiveBody, archiveTitle, type ArchiveQuestion } from "./qa.archiveBody.js";
import { finalPolls, pollsMarkdown, withPolls } from "./poll.archive.js";
import { loadPeople, personOrPlaceholder } from "./qa.people.js";
import type { QaRoom } from "./qa.rooms.js";
import { createQaArchiveThread } from "./qa.threads.js";
import { QaSession, type QaSessionRecord } from "./qaSession.model.js";
import { Question, type QuestionRecord } from "./question.model.js";

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Keep what a session produced: unanswered approved questions become follow-ups owed by the first
 * host, due `followUpDays` after the end, and a `qa-archive` thread in the session's room lists the
 * answers and the follow-ups. Runs once, right after the conditional update that ended the session.
 */
export async function archiveSession(
  actor: Actor,
  session: QaSessionRecord,
  room: QaRoom,
): Promise<QaSessionRecord> {
  const endedAt = session.endedAt ?? new Date();
  const assignee = session.hosts[0];
  const dueAt = new Date(endedAt.getTime() + QA_LIMITS.followUpDays * DAY_MS);
  await Question.updateMany(
    { session: session._id, status: "approved", followUp: null },
    { $set: { followUp: { assignee, dueAt } }, $inc: { rev: 1 } },
  );
  const questions = await Question.find({ session: session._id, status: { $in: ["approved", "answered"] } })
    .sort({ votes: -1, createdAt: 1 })
    .lean();
  const people = await loadPeople([...session.hosts, ...questions.map((q) => q.author)]);
  const toArchive = (q: QuestionRecord): ArchiveQuestion => ({
    text: q.text,
    votes: q.votes,
    author: q.anonymous ? null : personOrPlaceholder(people, q.author),
    answer: q.answer,
    followUp: q.followUp
      ? { assignee: personOrPlaceholder(people, q.followUp.assignee), dueAt: q.followUp.dueAt }
      : null,
  });
  const locale = session.locale ?? "id";
  const body = archiveBody(
    {
      title: session.title,
      description: session.description,
      hosts: session.hosts.map((h) => personOrPlaceholder(people, h)),
      startedAt: session.startedAt,
      endedAt,
      answered: questions.filter((q) => q.status === "answered").map(toArchive),
      unanswered: questions.filter((q) => q.status === "approved").map(toArchive),
    },
    locale,
  );
  // Polls follow the questions in the same post (issue 17).
  const withPollResults = withPolls(body, pollsMarkdown(await finalPolls(session._id), locale));
  try {
    const threadId = await createQaArchiveThread(actor, {
      roomId: room.id,
      title: archiveTitle(session.title, locale),
      body: withPollResults,
      clientId: `qa-archive-${session._id.toString()}`,
    });
    const updated = await QaSession.findByIdAndUpdate(
      session._id,
      { $set: { archiveThread: threadId } },
      { returnDocument: "after" },
    ).lean();
    return updated ?? session;
  } catch (err) {
    // The session has ended either way; a failed archive is logged, and ending again retries it.
    logger.error({ err, sessionId: session._id.toString() }, "Q&A archive thread failed");
    return session;
  }
}

import type { Actor } from "../../lib/actor.js";
import { csvCell } from "../../lib/csv.js";
import { assertCan } from "../../lib/policy.js";
import { loadSessionAccess } from "./qa.access.js";
import { loadPeople, personOrPlaceholder } from "./qa.people.js";
import { Question } from "./question.model.js";
import { finalPolls, POLL_CSV_COLUMNS, pollCsvRows } from "./poll.archive.js";

/** What the file says instead of an anonymous asker's name (the export is in Indonesian). */
export const ANONYMOUS = "Anonim";

export const CSV_COLUMNS = [
  "id",
  "created_at",
  "status",
  "votes",
  "asker",
  "anonymous",
  "question",
  "answer",
  "answered_at",
  "dismiss_reason",
  "merged_into",
  "follow_up_assignee",
  "follow_up_due",
] as const;

/**
 * Every question of a session as CSV for its moderators (`GET /qa/:id/export.csv`). An anonymous
 * asker stays anonymous in the file too: a spreadsheet travels further than the moderation screen.
 */
export async function exportQuestionsCsv(
  actor: Actor | null,
  sessionId: string,
): Promise<{ filename: string; csv: string }> {
  const access = await loadSessionAccess(actor, sessionId);
  assertCan(actor, "qa.viewModeration", access.scope);
  const questions = await Question.find({ session: access.session._id }).sort({ createdAt: 1 }).lean();
  const people = await loadPeople([
    ...questions.map((q) => q.author),
    ...questions.flatMap((q) => (q.followUp ? [q.followUp.assignee] : [])),
  ]);
  const rows = questions.map((q) =>
    [
      q._id.toString(),
      q.createdAt.toISOString(),
      q.status,
      q.votes,
      q.anonymous ? ANONYMOUS : personOrPlaceholder(people, q.author).name,
      q.anonymous ? "yes" : "no",
      q.text,
      q.answer,
      q.answeredAt?.toISOString(),
      q.dismissReason,
      q.mergedInto?.toString(),
      q.followUp ? personOrPlaceholder(people, q.followUp.assignee).name : "",
      q.followUp?.dueAt.toISOString(),
    ]
      .map(csvCell)
      .join(","),
  );
  // The BOM makes Excel read UTF-8 (Indonesian names, em dashes) correctly.
  // Polls follow as a second block after an empty line, with their own header (issue 17).
  const polls = pollCsvRows(await finalPolls(access.session._id)).map((r) => r.map(csvCell).join(","));
  const pollBlock = polls.length ? ["", POLL_CSV_COLUMNS.join(","), ...polls] : [];
  const csv = "\uFEFF" + [CSV_COLUMNS.join(","), ...rows, ...pollBlock].join("\r\n") + "\r\n";
  return { filename: `tanya-jawab-${access.session.joinCode}.csv`, csv };
}

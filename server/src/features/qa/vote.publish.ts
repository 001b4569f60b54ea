import { logger } from "../../lib/logger.js";
import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { Question } from "./question.model.js";

/**
 * Vote counts fan out in batches: during a storm, one `qa:votes:updated` per session every
 * FLUSH_MS instead of one broadcast per vote to every participant. The vote engine hands over the
 * counts it has just written (no read needed); other callers (merge, claim) only mark the question
 * and the batch reads it when it leaves. Either way the last batch carries the final numbers, and
 * `rev` lets clients ignore a batch older than what they hold (another process's, or an ack).
 */
export const FLUSH_MS = 100;

type Count = { votes: number; rev: number } | null;
const dirty = new Map<string, Map<string, Count>>();
const timers = new Map<string, NodeJS.Timeout>();

export function markVoteChanged(sessionId: string, questionId: string, count: Count = null): void {
  let set = dirty.get(sessionId);
  if (!set) dirty.set(sessionId, (set = new Map()));
  const known = set.get(questionId);
  // Keep the newest known count; a mark without one means "read it when the batch leaves".
  if (count === null) set.set(questionId, null);
  else if (known !== null && (!known || known.rev < count.rev)) set.set(questionId, count);
  if (!timers.has(sessionId)) {
    timers.set(
      sessionId,
      setTimeout(() => {
        flush(sessionId).catch((err: unknown) => logger.error({ err, sessionId }, "vote fan-out failed"));
      }, FLUSH_MS),
    );
  }
}

async function flush(sessionId: string): Promise<void> {
  timers.delete(sessionId);
  const marked = dirty.get(sessionId);
  dirty.delete(sessionId);
  if (!marked?.size) return;
  const counts: { id: string; votes: number; rev: number }[] = [];
  const unknown: string[] = [];
  for (const [id, c] of marked) {
    if (c) counts.push({ id, ...c });
    else unknown.push(id);
  }
  if (unknown.length) {
    const rows = await Question.find(
      { _id: { $in: unknown }, status: { $in: ["approved", "answered"] } },
      { votes: 1, rev: 1 },
    ).lean();
    for (const r of rows) counts.push({ id: r._id.toString(), votes: r.votes, rev: r.rev });
  }
  if (counts.length === 0) return;
  publish([rooms.qa(sessionId), rooms.qaHost(sessionId), rooms.qaMod(sessionId)], "qa:votes:updated", {
    sessionId,
    counts,
  });
}

import { logger } from "../../lib/logger.js";
import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { Question } from "./question.model.js";

/**
 * Vote counts fan out in batches: during a storm, one `qa:votes:updated` per session every
 * FLUSH_MS instead of one broadcast per vote to every participant. Counts are read from the
 * database when the batch leaves, after every write that marked it, so the last batch always
 * carries the final numbers; `rev` lets clients ignore a batch older than what they hold (another
 * process's, or the voter's own ack).
 */
export const FLUSH_MS = 100;

const dirty = new Map<string, Set<string>>();
const timers = new Map<string, NodeJS.Timeout>();

export function markVoteChanged(sessionId: string, questionId: string): void {
  let set = dirty.get(sessionId);
  if (!set) dirty.set(sessionId, (set = new Set()));
  set.add(questionId);
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
  const ids = dirty.get(sessionId);
  dirty.delete(sessionId);
  if (!ids?.size) return;
  const rows = await Question.find(
    { _id: { $in: [...ids] }, status: { $in: ["approved", "answered"] } },
    { votes: 1, rev: 1 },
  ).lean();
  if (rows.length === 0) return;
  publish([rooms.qa(sessionId), rooms.qaHost(sessionId), rooms.qaMod(sessionId)], "qa:votes:updated", {
    sessionId,
    counts: rows.map((r) => ({ id: r._id.toString(), votes: r.votes, rev: r.rev })),
  });
}

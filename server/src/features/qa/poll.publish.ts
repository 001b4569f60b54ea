import { logger } from "../../lib/logger.js";
import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { Poll, type PollRecord } from "./poll.model.js";
import { presentPoll } from "./poll.presenter.js";
import { freshResults, tallyOf } from "./poll.tally.js";
import { sharedCounters } from "./qa.scale.js";

/**
 * Poll changes reach the session in batches, like vote counts: during an answer storm one
 * `qa:poll:updated` per poll every FLUSH_MS, carrying the counts as they are when it leaves, so the
 * last batch always has the final numbers. Moderators always get results; participants only while
 * the host shows them (and drafts never). Slower than vote batches on purpose: a poll's bars read
 * as live at four updates a second, and with 5,000 phones every batch is 5,000 socket writes here
 * and a message to parse on every phone.
 */
export const FLUSH_MS = 250;
const timers = new Map<string, NodeJS.Timeout>();

export function markPollChanged(poll: Pick<PollRecord, "_id">): void {
  const id = poll._id.toString();
  if (timers.has(id)) return;
  timers.set(
    id,
    setTimeout(() => {
      timers.delete(id);
      Poll.findById(id)
        .lean()
        .then((p) => (p ? publishPollNow(p) : undefined))
        .catch((err: unknown) => logger.error({ err, pollId: id }, "poll fan-out failed"));
    }, FLUSH_MS),
  );
}

/** Tell the session about a poll now (created, opened, closed, shown). */
export async function publishPollNow(poll: PollRecord): Promise<void> {
  const sessionId = poll.session.toString();
  const tally = await tallyOf(poll);
  const mod = presentPoll(poll, tally, "moderator", undefined);
  // Several processes: each tally knows only its own writes, so the rows decide.
  if (sharedCounters()) mod.results = await freshResults(poll);
  // Hosts who are not moderators (`qaHost`) run polls too: they get the host's view.
  publish([rooms.qaMod(sessionId), rooms.qaHost(sessionId)], "qa:poll:updated", { poll: mod });
  if (poll.status === "draft") return;
  const { results, ...rest } = mod;
  publish(rooms.qa(sessionId), "qa:poll:updated", {
    poll: poll.showResults && results ? { ...rest, results } : rest,
  });
}

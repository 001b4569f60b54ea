import { POLL_LIMITS, type PollResultsDto } from "@rembuk/shared";
import type { Types } from "mongoose";
import { PollAnswer, type PollAnswerRecord, type PollRecord } from "./poll.model.js";

/**
 * A poll's results kept in memory, with the answer rows in the database as the truth: a tally is
 * built from the rows the first time a poll is touched, then moved by exactly the (before, after)
 * pair each answer write returns. Every write first waits for the tally to exist, so no write can be
 * both inside the initial read and applied again as a delta. With several server processes each
 * holds only its own deltas, so there results are read from the rows instead (`freshResults`).
 */
type Answer = Pick<PollAnswerRecord, "choices" | "rating" | "words">;

interface Tally {
  total: number;
  counts: number[];
  ratingSum: number;
  words: Map<string, number>;
  /** Each participant's answer and its row id, so a changed answer is written by `_id`. */
  answers: Map<string, { id: Types.ObjectId; answer: Answer }>;
}

const tallies = new Map<string, Promise<Tally>>();

/** Word-cloud entries count case- and space-insensitively ("Air bersih" = "air  bersih"). */
export const normaliseWords = (w: string) => w.trim().toLowerCase().replace(/\s+/g, " ");

function empty(poll: Pick<PollRecord, "kind" | "options">): Tally {
  const slots =
    poll.kind === "choice" ? poll.options.length : poll.kind === "rating" ? POLL_LIMITS.rating.max : 0;
  return {
    total: 0,
    counts: new Array<number>(slots).fill(0),
    ratingSum: 0,
    words: new Map(),
    answers: new Map(),
  };
}

function apply(t: Tally, a: Answer, sign: 1 | -1): void {
  t.total += sign;
  for (const c of a.choices ?? []) if (c < t.counts.length) t.counts[c] = (t.counts[c] ?? 0) + sign;
  if (a.rating) {
    t.counts[a.rating - 1] = (t.counts[a.rating - 1] ?? 0) + sign;
    t.ratingSum += sign * a.rating;
  }
  if (a.words) {
    const w = normaliseWords(a.words);
    const n = (t.words.get(w) ?? 0) + sign;
    if (n > 0) t.words.set(w, n);
    else t.words.delete(w);
  }
}

async function build(poll: Pick<PollRecord, "_id" | "kind" | "options">): Promise<Tally> {
  const t = empty(poll);
  const rows = await PollAnswer.find(
    { poll: poll._id },
    { participant: 1, choices: 1, rating: 1, words: 1 },
  ).lean();
  for (const r of rows) {
    apply(t, r, 1);
    t.answers.set(r.participant.toString(), { id: r._id, answer: r });
  }
  return t;
}

/** The poll's tally, built once (concurrent callers share the one build). */
export function tallyOf(poll: Pick<PollRecord, "_id" | "kind" | "options">): Promise<Tally> {
  const key = poll._id.toString();
  let p = tallies.get(key);
  if (!p) {
    p = build(poll);
    tallies.set(key, p);
    p.catch(() => tallies.delete(key));
  }
  return p;
}

/** Move the tally by one write: the row as it was before (null when new) and as it is now (null when removed). */
export async function applyAnswer(
  poll: Pick<PollRecord, "_id" | "kind" | "options">,
  before: Answer | null,
  after: Answer | null,
): Promise<void> {
  const t = await tallyOf(poll);
  if (before) apply(t, before, -1);
  if (after) apply(t, after, 1);
}

/**
 * Record `participant`'s new answer in the tally at once (so concurrent answers count exactly) and
 * return the row id to write it under, and whether that row already exists.
 */
export function replaceAnswer(
  t: Tally,
  participant: string,
  answer: Answer,
  newId: () => Types.ObjectId,
): { id: Types.ObjectId; existed: boolean } {
  const prev = t.answers.get(participant);
  if (prev) apply(t, prev.answer, -1);
  apply(t, answer, 1);
  const id = prev?.id ?? newId();
  t.answers.set(participant, { id, answer });
  return { id, existed: prev !== undefined };
}

/** Forget a poll's tally (its rows were changed outside the answer path: a claim); rebuilt on next use. */
export function forgetTally(pollId: string): void {
  tallies.delete(pollId);
}

/** Results straight from the rows, exact whoever wrote them (several processes). */
export async function freshResults(
  poll: Pick<PollRecord, "_id" | "kind" | "options">,
): Promise<PollResultsDto> {
  return resultsOf(poll, await build(poll));
}

export function resultsOf(poll: Pick<PollRecord, "kind">, t: Tally): PollResultsDto {
  if (poll.kind === "choice") return { total: t.total, counts: [...t.counts] };
  if (poll.kind === "rating")
    return {
      total: t.total,
      counts: [...t.counts],
      average: t.total ? Math.round((t.ratingSum / t.total) * 100) / 100 : null,
    };
  const words = [...t.words.entries()]
    .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
    .slice(0, POLL_LIMITS.topWords)
    .map(([word, count]) => ({ word, count }));
  return { total: t.total, words };
}

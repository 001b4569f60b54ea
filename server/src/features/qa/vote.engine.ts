import type { QuestionStatus } from "@rembuk/shared";
import { isDuplicateKeyError } from "../../lib/db.js";
import { logger } from "../../lib/logger.js";
import { notFound } from "../../lib/errors.js";
import { sharedRedis } from "./qa.scale.js";
import { Question, type QuestionRecord } from "./question.model.js";
import { markVoteChanged } from "./vote.publish.js";
import { Vote } from "./vote.model.js";

/**
 * Where a vote's time goes, and why it is shaped like this (see docs/performance.md): a vote used to
 * be four database round trips (read the question, read the session, insert the row, `$inc` the
 * count) plus a read per broadcast. Under a storm the database stack (driver, BSON, the embedded
 * engine) was the whole cost. Now:
 *
 * - **Who voted** is known in memory per question (a Set built from the vote rows the first time a
 *   question is touched; with several processes, a Redis set, so "already voted?" has one answer
 *   everywhere). A vote changes it first, synchronously, so concurrent clicks by one person can
 *   neither double-count nor lose a vote: only a real change goes on to the journal.
 * - **The rows stay the truth** (unique (question, user) index): real changes are written in
 *   batches. Whatever accumulated while one batch was being written goes out as the next batch, so
 *   a quiet room writes each vote at once and a storm writes hundreds per round trip. A batch is an
 *   insertMany beside one deleteMany per question, then one `$inc` per question whose count moved
 *   (side by side), each returning the new count and `rev`.
 * - A vote is acknowledged only after its batch is written: nothing acknowledged is lost. Counts are
 *   moved by `$inc` of exactly the changes written, so they stay exact across processes; and when a
 *   process starts and first touches a question, the count is re-derived from the rows (a crash
 *   between writing rows and counts heals itself).
 */

interface QuestionState {
  id: string;
  session: string;
  status: QuestionStatus;
  /** The question as last seen (text, author…): acks carry it with the counts read back per batch. */
  doc: QuestionRecord;
  /** This process's voters (single process); unused with Redis. */
  voters: Set<string>;
}

interface Op {
  state: QuestionState;
  user: string;
  /** The vote's direction, or null for "no change, just answer with the current question". */
  up: boolean | null;
  resolve: (q: QuestionRecord) => void;
  reject: (err: unknown) => void;
}

const states = new Map<string, Promise<QuestionState>>();
let pending: Op[] = [];
let running: Promise<void> | null = null;

const redisKey = (questionId: string) => `qa:voters:${questionId}`;
/**
 * A question's Redis set lives this long after its last vote (refreshed with every vote), so sets of
 * long-ended sessions do not pile up; a set that expired is refilled from the rows on next use.
 */
const REDIS_TTL_S = 3 * 24 * 60 * 60;

async function load(questionId: string): Promise<QuestionState> {
  const q = await Question.findById(questionId).lean();
  if (!q) throw notFound("Question");
  const rows = await Vote.find({ question: q._id }, { user: 1 }).lean();
  const voters = new Set(rows.map((r) => r.user.toString()));
  const redis = sharedRedis();
  if (redis) {
    // The first process to see this question since Redis started fills its set from the rows.
    const key = redisKey(questionId);
    if ((await redis.exists(key)) === 0 && voters.size > 0) {
      await redis
        .multi()
        .sAdd(key, [...voters])
        .expire(key, REDIS_TTL_S)
        .exec();
    }
  } else if (q.votes !== voters.size) {
    // A crash between writing rows and their count left them apart: the rows are the truth.
    await Question.updateOne({ _id: q._id }, { $set: { votes: voters.size }, $inc: { rev: 1 } });
    logger.warn({ questionId, was: q.votes, now: voters.size }, "vote count re-derived from rows");
  }
  return { id: questionId, session: q.session.toString(), status: q.status, doc: q, voters };
}

/** The question's vote state, loaded once per process (concurrent callers share the load). */
export function voteStateOf(questionId: string): Promise<QuestionState> {
  let p = states.get(questionId);
  if (!p) {
    p = load(questionId);
    states.set(questionId, p);
    p.catch(() => states.delete(questionId));
  }
  return p;
}

/** A moderator changed the question (approve, dismiss, edit, merge…): votes see the change at once. */
export function noteQuestion(updated: QuestionRecord): void {
  void states.get(updated._id.toString())?.then(
    (s) => {
      s.status = updated.status;
      s.doc = updated;
    },
    () => undefined,
  );
}

/** Wait until every vote accepted so far is written (before moving rows around: merge, claim). */
export async function settleVotes(): Promise<void> {
  while (running) await running;
}

/** What a freshly started process knows: nothing in memory (shared stores untouched). For tests. */
export function dropLocalVoteState(): void {
  states.clear();
}

/** Drop what this process knows about these questions (their rows were moved outside the engine). */
export async function forgetVoteState(questionIds: Iterable<string>): Promise<void> {
  const redis = sharedRedis();
  for (const id of questionIds) {
    states.delete(id);
    if (redis) await redis.del(redisKey(id));
  }
}

/** Add or remove `user` in the question's voters; true only when that changed something. */
async function flip(state: QuestionState, user: string, up: boolean): Promise<boolean> {
  const redis = sharedRedis();
  if (redis) {
    const key = redisKey(state.id);
    const tx = up ? redis.multi().sAdd(key, user) : redis.multi().sRem(key, user);
    const [n] = await tx.expire(key, REDIS_TTL_S).exec();
    return Number(n) === 1;
  }
  if (up === state.voters.has(user)) return false;
  if (up) state.voters.add(user);
  else state.voters.delete(user);
  return true;
}

/**
 * Vote (`up`) or take the vote back; resolves with the question as written, once the change (if
 * any) is in the database. The caller has checked who may vote and that the question is open.
 */
export async function castVote(
  state: QuestionState,
  user: string,
  up: boolean,
): Promise<{ question: QuestionRecord; changed: boolean }> {
  const changed = await flip(state, user, up);
  const question = await new Promise<QuestionRecord>((resolve, reject) => {
    pending.push({ state, user, up: changed ? up : null, resolve, reject });
    running ??= drain();
  });
  return { question, changed };
}

async function drain(): Promise<void> {
  try {
    while (pending.length) {
      const batch = pending;
      pending = [];
      try {
        await write(batch);
      } catch (err) {
        logger.error({ err, votes: batch.length }, "vote batch failed");
        // What is in memory may now differ from the rows: forget it, the next vote reloads.
        await forgetVoteState(new Set(batch.map((op) => op.state.id))).catch(() => undefined);
        for (const op of batch) op.reject(err);
      }
    }
  } finally {
    running = null;
  }
}

/** Insert vote rows; the indexes of those the unique index refused (already there: not a change). */
async function insertRows(rows: { question: string; session: string; user: string }[]): Promise<number[]> {
  if (rows.length === 0) return [];
  try {
    await Vote.insertMany(rows, { ordered: false });
    return [];
  } catch (err) {
    const refused = duplicateIndexes(err);
    if (!refused) throw err;
    return refused;
  }
}

/** The positions an unordered insertMany failed at, if every failure was a duplicate key; else null. */
function duplicateIndexes(err: unknown): number[] | null {
  if (!isDuplicateKeyError(err) || typeof err !== "object" || err === null || !("writeErrors" in err))
    return null;
  const list: unknown = err.writeErrors;
  if (!Array.isArray(list)) return null;
  const out: number[] = [];
  for (const e of list as unknown[]) {
    if (typeof e !== "object" || e === null || !("index" in e) || typeof e.index !== "number") return null;
    if ("code" in e && e.code !== 11000) return null;
    out.push(e.index);
  }
  return out;
}

/** Set these questions' counts from their rows, and take them out of the batch's deltas. */
async function recount(questionIds: Set<string>, delta: Map<string, number>): Promise<void> {
  for (const id of questionIds) {
    const n = await Vote.countDocuments({ question: id });
    await Question.updateOne({ _id: id }, { $set: { votes: n }, $inc: { rev: 1 } });
    delta.delete(id);
  }
  await forgetVoteState(questionIds);
}

async function write(batch: Op[]): Promise<void> {
  // Net change per (question, voter): flips alternate, so an even number of them cancels out.
  const net = new Map<string, { op: Op; flips: number }>();
  for (const op of batch) {
    if (op.up === null) continue;
    const key = `${op.state.id}:${op.user}`;
    const entry = net.get(key);
    if (entry) {
      entry.flips++;
      entry.op = op;
    } else net.set(key, { op, flips: 1 });
  }
  const inserts: { question: string; session: string; user: string }[] = [];
  const deletes: { question: string; user: string }[] = [];
  const delta = new Map<string, number>();
  for (const { op, flips } of net.values()) {
    if (flips % 2 === 0 || op.up === null) continue;
    if (op.up) inserts.push({ question: op.state.id, session: op.state.session, user: op.user });
    else deletes.push({ question: op.state.id, user: op.user });
    delta.set(op.state.id, (delta.get(op.state.id) ?? 0) + (op.up ? 1 : -1));
  }
  // Rows first (inserts and deletes side by side), then each moved count by one atomic $inc that
  // returns the new count and rev: two round trips per batch, however many votes it carries.
  // Deletes go per question as `{question, user: {$in}}`, which the unique index answers; an `$or` of
  // pairs would make the database test every vote row against every pair.
  const byQuestion = new Map<string, string[]>();
  for (const d of deletes) byQuestion.set(d.question, [...(byQuestion.get(d.question) ?? []), d.user]);
  const [refused, deleted] = await Promise.all([
    insertRows(inserts),
    Promise.all(
      [...byQuestion].map(async ([question, users]) => {
        const { deletedCount } = await Vote.deleteMany({ question, user: { $in: users } });
        return { question, missing: users.length - deletedCount };
      }),
    ),
  ]);
  for (const i of refused) delta.set(inserts[i].question, (delta.get(inserts[i].question) ?? 0) - 1);
  // Rows moved under us (a merge or claim in another process): count those questions from the rows.
  const diverged = new Set(deleted.filter((d) => d.missing !== 0).map((d) => d.question));
  if (diverged.size) await recount(diverged, delta);
  const moved = [...delta].filter(([, d]) => d !== 0);
  const fields = { votes: 1, rev: 1, status: 1, session: 1 } as const;
  const movedIds = new Set(moved.map(([id]) => id));
  const unmoved = [...new Set(batch.map((op) => op.state.id))].filter((id) => !movedIds.has(id));
  const [incremented, current] = await Promise.all([
    Promise.all(
      moved.map(([id, d]) =>
        Question.findByIdAndUpdate(
          id,
          { $inc: { votes: d, rev: 1 } },
          { returnDocument: "after", projection: fields },
        ).lean(),
      ),
    ),
    unmoved.length ? Question.find({ _id: { $in: unmoved } }, fields).lean() : Promise.resolve([]),
  ]);
  // Only what votes change is read back; the rest of each question is the state's copy.
  const stateById = new Map(batch.map((op) => [op.state.id, op.state]));
  const byId = new Map<string, QuestionRecord>();
  for (const r of [...incremented, ...current]) {
    const state = r ? stateById.get(r._id.toString()) : undefined;
    if (r && state)
      byId.set(r._id.toString(), { ...state.doc, votes: r.votes, rev: r.rev, status: r.status });
  }
  for (const [id] of moved) {
    const q = byId.get(id);
    // Counts of questions nobody else may see (pending, dismissed) stay with their own acks.
    if (q && (q.status === "approved" || q.status === "answered"))
      markVoteChanged(q.session.toString(), id, { votes: q.votes, rev: q.rev });
  }
  for (const op of batch) {
    const q = byId.get(op.state.id);
    if (q) op.resolve(q);
    else op.reject(notFound("Question"));
  }
}

export type { QuestionState };

import type { PollAnswerInput, PollCreateInput, PollDto, PollStatusInput } from "@rembuk/shared";
import { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { AppError, conflict, notFound, validation } from "../../lib/errors.js";
import { assertCan } from "../../lib/policy.js";
import { loadSessionAccess, loadSessionAccessFast, type SessionAccess } from "./qa.access.js";
import { assertGuestMayAct } from "./qa.guests.js";
import { markPollChanged, publishPollNow } from "./poll.publish.js";
import { Poll, PollAnswer, type PollAnswerRecord, type PollRecord } from "./poll.model.js";
import { presentPoll, type PollAudience } from "./poll.presenter.js";
import { applyAnswer, forgetTally, replaceAnswer, tallyOf } from "./poll.tally.js";
import { sharedCounters } from "./qa.scale.js";

const ended = () => conflict("This Q&A session has ended", "ILLEGAL_TRANSITION");

const audienceOf = (access: SessionAccess): PollAudience =>
  access.canModerate ? "moderator" : "participant";

/** `POST /qa/:id/polls` (hosts, moderators): a draft, announced to the moderators only. */
export async function createPoll(
  actor: Actor | null,
  sessionId: string,
  input: PollCreateInput,
): Promise<PollDto> {
  const access = await loadSessionAccess(actor, sessionId);
  assertCan(actor, "qa.moderate", access.scope);
  if (!actor) throw notFound("Q&A session");
  if (access.session.status === "ended") throw ended();
  const doc = await Poll.create({
    session: access.session._id,
    kind: input.kind,
    question: input.question,
    options: input.kind === "choice" ? (input.options ?? []) : [],
    multiple: input.kind === "choice" && (input.multiple ?? false),
    createdBy: actor.id,
  });
  const poll = doc.toObject();
  await publishPollNow(poll);
  return presentPoll(poll, await tallyOf(poll), "moderator", null);
}

/** A session's polls as this viewer may see them (drafts only for its moderators), with their own answers. */
export async function pollsFor(actor: Actor | null, access: SessionAccess): Promise<PollDto[]> {
  const statuses: PollRecord["status"][] = access.canModerate
    ? ["draft", "open", "closed"]
    : ["open", "closed"];
  const [polls, mine] = await Promise.all([
    Poll.find({ session: access.session._id, status: { $in: statuses } })
      .sort({ createdAt: 1 })
      .lean(),
    actor
      ? PollAnswer.find({ session: access.session._id, participant: actor.id }).lean()
      : Promise.resolve([]),
  ]);
  const byPoll = new Map(mine.map((a) => [a.poll.toString(), a]));
  return Promise.all(
    polls.map(async (p) =>
      presentPoll(p, await tallyOf(p), audienceOf(access), byPoll.get(p._id.toString()) ?? null),
    ),
  );
}

export async function listPolls(actor: Actor | null, sessionId: string): Promise<PollDto[]> {
  return pollsFor(actor, await loadSessionAccess(actor, sessionId));
}

async function loadPoll(pollId: string): Promise<PollRecord> {
  const poll = await Poll.findById(pollId).lean();
  if (!poll) throw notFound("Poll");
  return poll;
}

/**
 * Answering is the hot path (5,000 phones within seconds): it reads a copy of the poll at most
 * POLL_TTL_MS old. This process's own open/close drops the copy at once; another process's
 * reaches here within POLL_TTL_MS.
 */
const POLL_TTL_MS = 1_000;
const pollCopies = new Map<string, { poll: PollRecord; until: number }>();

async function loadPollFast(pollId: string): Promise<PollRecord> {
  const hit = pollCopies.get(pollId);
  if (hit && hit.until > Date.now()) return hit.poll;
  const poll = await loadPoll(pollId);
  if (pollCopies.size > 1_000) pollCopies.clear();
  pollCopies.set(pollId, { poll, until: Date.now() + POLL_TTL_MS });
  return poll;
}

/** `POST /polls/:id/status` (hosts, moderators): open, close, show or hide results. Told to everyone at once. */
export async function setPollStatus(
  actor: Actor | null,
  pollId: string,
  input: PollStatusInput,
): Promise<PollDto> {
  const before = await loadPoll(pollId);
  const access = await loadSessionAccess(actor, before.session);
  assertCan(actor, "qa.moderate", access.scope);
  if (access.session.status === "ended") throw ended();
  // draft → open → closed, and closed → open again (the host reopens); never back to draft.
  const now = new Date();
  const set: Partial<PollRecord> = { status: input.status };
  if (input.showResults !== undefined) set.showResults = input.showResults;
  if (input.status === "open" && before.status !== "open") set.openedAt = now;
  if (input.status === "closed" && before.status !== "closed") set.closedAt = now;
  const poll = await Poll.findByIdAndUpdate(before._id, { $set: set }, { returnDocument: "after" }).lean();
  pollCopies.delete(pollId);
  if (!poll) throw notFound("Poll");
  await publishPollNow(poll);
  return presentPoll(poll, await tallyOf(poll), "moderator", null);
}

/** The answer a poll's kind needs, normalised; anything else is a 400 naming the field. */
function checkAnswer(
  poll: PollRecord,
  input: PollAnswerInput,
): Pick<PollAnswerRecord, "choices" | "rating" | "words"> {
  if (poll.kind === "choice") {
    const choices = [...new Set(input.choices ?? [])].sort((a, b) => a - b);
    if (choices.length === 0 || input.rating !== undefined || input.words !== undefined)
      throw validation("Pick an option", { choices: ["Pick an option"] });
    if (choices.some((c) => c >= poll.options.length))
      throw validation("Unknown option", { choices: ["Unknown option"] });
    if (!poll.multiple && choices.length > 1)
      throw validation("Pick one option", { choices: ["Pick one option"] });
    return { choices, rating: null, words: null };
  }
  if (poll.kind === "rating") {
    if (input.rating === undefined || input.choices !== undefined || input.words !== undefined)
      throw validation("Give a rating from 1 to 5", { rating: ["Give a rating from 1 to 5"] });
    return { choices: [], rating: input.rating, words: null };
  }
  if (!input.words || input.choices !== undefined || input.rating !== undefined)
    throw validation("Type a word or two", { words: ["Type a word or two"] });
  return { choices: [], rating: null, words: input.words };
}

/**
 * Write the participant's answer, replacing any earlier one, and return the row as it was before
 * (null if new). The unique (poll, participant) index makes it one row whatever the concurrency:
 * two first answers racing make one insert and one E11000, and the loser updates instead.
 */
async function upsertAnswer(
  poll: PollRecord,
  participant: string,
  answer: Pick<PollAnswerRecord, "choices" | "rating" | "words">,
): Promise<PollAnswerRecord | null> {
  const filter = { poll: poll._id, participant };
  const update = { $set: { ...answer, session: poll.session } };
  try {
    return await PollAnswer.findOneAndUpdate(filter, update, {
      upsert: true,
      returnDocument: "before",
    }).lean();
  } catch (err) {
    if (!isDuplicateKeyError(err)) throw err;
    return PollAnswer.findOneAndUpdate(filter, update, { returnDocument: "before" }).lean();
  }
}

/**
 * One process: the tally knows every participant's answer and its row, so the count moves at once
 * (exact however many answer together) and the row is written by `_id` — an insert for a first
 * answer, an update of that row for a changed one. The embedded database looks a row up by `_id` in
 * constant time but by (poll, participant) in time growing with the poll's answers, which made 5,000
 * answers quadratic. One participant's writes to one poll go one after another, so a change can
 * never overtake the insert of the answer it replaces.
 */
const chains = new Map<string, Promise<unknown>>();

async function writeAnswer(
  poll: PollRecord,
  participant: string,
  answer: Pick<PollAnswerRecord, "choices" | "rating" | "words">,
  tally: Awaited<ReturnType<typeof tallyOf>>,
): Promise<void> {
  const { id, existed } = replaceAnswer(tally, participant, answer, () => new Types.ObjectId());
  const key = `${poll._id.toString()}:${participant}`;
  const write = (chains.get(key) ?? Promise.resolve())
    .catch(() => undefined)
    .then(async (): Promise<void> => {
      if (existed) await PollAnswer.updateOne({ _id: id }, { $set: answer });
      else
        await PollAnswer.create({ _id: id, poll: poll._id, session: poll.session, participant, ...answer });
    });
  chains.set(key, write);
  try {
    await write;
  } catch (err) {
    // The tally no longer matches the rows: read it again from them next time.
    forgetTally(poll._id.toString());
    throw err;
  } finally {
    if (chains.get(key) === write) chains.delete(key);
  }
}

/**
 * `POST /polls/:id/answers` and `qa:poll:answer`: one answer per participant; a new one replaces
 * it, moving the counts from the old answer to the new. Results fan out in batches (poll.publish).
 */
export async function answerPoll(
  actor: Actor | null,
  pollId: string,
  input: PollAnswerInput,
): Promise<PollDto> {
  assertCan(actor, "qa.vote");
  if (!actor) throw notFound("Poll");
  const poll = await loadPollFast(pollId);
  const access = await loadSessionAccessFast(actor, poll.session);
  if (access.session.status === "ended") throw ended();
  await assertGuestMayAct(actor, access.session);
  if (poll.status !== "open") throw new AppError("ILLEGAL_TRANSITION", 409, "This poll is not open");
  const answer = checkAnswer(poll, input);
  if (sharedCounters()) {
    // Several processes: the row decides what the answer was before (one findOneAndUpdate).
    await tallyOf(poll);
    const before = await upsertAnswer(poll, actor.id, answer);
    await applyAnswer(poll, before, answer);
  } else {
    try {
      await writeAnswer(poll, actor.id, answer, await tallyOf(poll));
    } catch (err) {
      // A row the tally did not know about (written around it): the tally was dropped; rebuild it
      // from the rows and write this answer the slow, always-right way.
      if (!isDuplicateKeyError(err)) throw err;
      await tallyOf(poll);
      await applyAnswer(poll, await upsertAnswer(poll, actor.id, answer), answer);
    }
  }
  markPollChanged(poll);
  return presentPoll(poll, await tallyOf(poll), audienceOf(access), answer);
}

/**
 * A guest who signed in takes their answers along: each becomes the member's unless the member
 * answered that poll too (then the member's stands and the guest's is removed from the counts).
 */
export async function movePollAnswers(
  session: Types.ObjectId,
  from: Types.ObjectId,
  to: string,
): Promise<void> {
  const rows = await PollAnswer.find({ session, participant: from }).lean();
  for (const row of rows) {
    try {
      await PollAnswer.updateOne({ _id: row._id }, { $set: { participant: to } });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const poll = await Poll.findById(row.poll).lean();
      if (!poll) continue;
      await tallyOf(poll);
      const { deletedCount } = await PollAnswer.deleteOne({ _id: row._id });
      if (deletedCount === 1) await applyAnswer(poll, row, null);
      markPollChanged(poll);
    }
  }
}

import type { QuestionDto } from "@rembuk/shared";
import type { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { AppError, conflict, notFound } from "../../lib/errors.js";
import { assertCan } from "../../lib/policy.js";
import { audienceOf, loadSessionAccessFast } from "./qa.access.js";
import { assertGuestMayAct } from "./qa.guests.js";
import { loadPeople } from "./qa.people.js";
import { peopleOf, presentQuestion } from "./qa.presenter.js";
import { Question, type QuestionRecord } from "./question.model.js";
import { markVoteChanged } from "./vote.publish.js";
import { Vote } from "./vote.model.js";
import { castVote, forgetVoteState, settleVotes, voteStateOf } from "./vote.engine.js";

/** Insert the vote row; true only if this call created it (the unique index refuses a second). */
async function insertVote(
  question: Types.ObjectId,
  session: Types.ObjectId,
  user: Types.ObjectId | string,
): Promise<boolean> {
  try {
    await Vote.create({ question, session, user });
    return true;
  } catch (err) {
    if (isDuplicateKeyError(err)) return false;
    throw err;
  }
}

const bump = (id: Types.ObjectId, by: number) =>
  Question.findByIdAndUpdate(id, { $inc: { votes: by, rev: 1 } }, { returnDocument: "after" }).lean();

/**
 * `POST|DELETE /questions/:id/vote` and `qa:vote`: idempotent per user. Who voted is decided in the
 * vote engine (one answer to "already voted?" per question, then the unique rows in batches), so
 * concurrent and repeated clicks can neither lose nor double-count a vote. The hot path reads no
 * database: the session and room are short-lived copies, the question's state is in memory.
 */
export async function setVote(actor: Actor | null, questionId: string, up: boolean): Promise<QuestionDto> {
  assertCan(actor, "qa.vote");
  if (!actor) throw notFound("Question");
  const state = await voteStateOf(questionId);
  const access = await loadSessionAccessFast(actor, state.session);
  if (access.session.status === "ended") throw conflict("This Q&A session has ended", "ILLEGAL_TRANSITION");
  await assertGuestMayAct(actor, access.session);
  if (up && state.status !== "approved")
    throw new AppError("ILLEGAL_TRANSITION", 409, "Only open questions take votes");
  const { question } = await castVote(state, actor.id, up);
  return presentQuestion(question, audienceOf(access, actor.id), await loadPeople(peopleOf(question)), up);
}

/**
 * Merge's vote transfer: every voter of `from` becomes a voter of `into` unless they already were,
 * so a person who voted for both counts once. Each transferred row that is really inserted adds one
 * by $inc, which stays exact while people keep voting on `into` during the merge. Returns `into`.
 */
export async function moveVotes(from: Types.ObjectId, into: Types.ObjectId): Promise<QuestionRecord> {
  // Votes already accepted for either question are written first; afterwards both are re-read.
  await settleVotes();
  const target = await Question.findById(into, { session: 1 }).lean();
  if (!target) throw notFound("Target question");
  const voters = await Vote.find({ question: from }, { user: 1 }).lean();
  let added = 0;
  for (const v of voters) {
    if (await insertVote(into, target.session, v.user)) added++;
  }
  await Vote.deleteMany({ question: from });
  await Question.updateOne({ _id: from }, { $set: { votes: 0 }, $inc: { rev: 1 } });
  const updated = await Question.findByIdAndUpdate(
    into,
    { $inc: { votes: added, rev: 1 } },
    { returnDocument: "after" },
  ).lean();
  await forgetVoteState([from.toString(), into.toString()]);
  if (!updated) throw notFound("Target question");
  return updated;
}

/**
 * A claimed guest's votes become the member's: each row moves unless the member voted for that
 * question too, in which case the guest's row goes and its question counts one less (one person,
 * one vote).
 */
export async function moveVoterVotes(
  session: Types.ObjectId,
  from: Types.ObjectId,
  to: Types.ObjectId,
): Promise<void> {
  const rows = await Vote.find({ session, user: from }).lean();
  for (const row of rows) {
    try {
      await Vote.updateOne({ _id: row._id }, { $set: { user: to } });
    } catch (err) {
      if (!isDuplicateKeyError(err)) throw err;
      const { deletedCount } = await Vote.deleteOne({ _id: row._id });
      if (deletedCount === 1) {
        await bump(row.question, -1);
        markVoteChanged(session.toString(), row.question.toString());
      }
    }
  }
  await forgetVoteState(rows.map((r) => r.question.toString()));
}

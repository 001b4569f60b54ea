import { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { conflict, notFound } from "../../lib/errors.js";
import { assertCan } from "../../lib/policy.js";
import { publishQuestion } from "./qa.publish.js";
import type { GuestRef } from "./qa.guestCookie.js";
import { forgetGuest } from "./qa.guests.js";
import { recordMemberJoin } from "./qa.participants.js";
import { movePollAnswers } from "./poll.service.js";
import { QaParticipant } from "./qaParticipant.model.js";
import { Question } from "./question.model.js";
import { moveVoterVotes } from "./vote.service.js";
import { forgetVoteState } from "./vote.engine.js";

/**
 * `POST /qa/:id/claim`: a guest who has since signed in (or registered) on the same device takes
 * what they did as a guest along: their questions become the member's (same text, status and
 * votes), their votes and poll answers too, where the member had not already voted or answered.
 * The guest row is marked claimed first, in one conditional update, so two claims cannot both move.
 */
export async function claimGuest(member: Actor, ref: GuestRef): Promise<number> {
  assertCan(member, "qa.vote");
  if (member.guestOf) throw notFound("Guest participation");
  const row = await QaParticipant.findOneAndUpdate(
    { _id: ref.participantId, session: ref.sessionId, kind: "guest", claimedBy: null },
    { $set: { claimedBy: member.id } },
    { returnDocument: "after" },
  ).lean();
  if (!row) {
    const exists = await QaParticipant.exists({
      _id: ref.participantId,
      session: ref.sessionId,
      kind: "guest",
    });
    if (!exists) throw notFound("Guest participation");
    throw conflict("These questions were already claimed");
  }
  forgetGuest(ref.participantId);
  await recordMemberJoin(member, row.session);
  const memberId = new Types.ObjectId(member.id);

  const questions = await Question.find({ session: row.session, author: row._id }).lean();
  let claimed = 0;
  for (const q of questions) {
    try {
      const moved = await Question.findOneAndUpdate(
        { _id: q._id, author: row._id },
        { $set: { author: memberId }, $inc: { rev: 1 } },
        { returnDocument: "after" },
      ).lean();
      if (!moved) continue;
      claimed++;
      await publishQuestion("qa:question:updated", moved);
    } catch (err) {
      // The member used the same clientId for a question of their own: keep the guest's as it is.
      if (!isDuplicateKeyError(err)) throw err;
    }
  }
  // The vote engine's copies of these questions name the guest: read them again.
  await forgetVoteState(questions.map((q) => q._id.toString()));
  await moveVoterVotes(row.session, row._id, memberId);
  await movePollAnswers(row.session, row._id, member.id);
  return claimed;
}

import type { QuestionCreateInput, QuestionDto, QuestionModerateInput, QuestionStatus } from "@rembuk/shared";
import { Types, type UpdateQuery } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { AppError, conflict, notFound, validation } from "../../lib/errors.js";
import { assertCan } from "../../lib/policy.js";
import { recordModAction } from "../moderation/index.js";
import { audienceOf, loadSessionAccess, type SessionAccess } from "./qa.access.js";
import { assertGuestMayAct } from "./qa.guests.js";
import { publishQuestion, publishSession } from "./qa.publish.js";
import { loadPeople } from "./qa.people.js";
import { isPublicStatus, peopleOf, presentQuestion } from "./qa.presenter.js";
import { presentSessionFor } from "./qaSession.service.js";
import { QaSession, type QaSessionRecord } from "./qaSession.model.js";
import { Question, type QuestionRecord } from "./question.model.js";
import { moveVotes } from "./vote.service.js";
import { noteQuestion } from "./vote.engine.js";
import { Vote } from "./vote.model.js";
import { domainEvents } from "../../lib/events.js";

const ended = () => conflict("This Q&A session has ended", "ILLEGAL_TRANSITION");

/** The question in the actor's own view (the ack), with their vote flag (read unless known). */
async function presentForActor(
  q: QuestionRecord,
  actor: Actor,
  access: SessionAccess,
  voted?: boolean,
): Promise<QuestionDto> {
  const [people, vote] = await Promise.all([
    loadPeople(peopleOf(q)),
    voted === undefined
      ? Vote.exists({ question: q._id, user: actor.id })
      : Promise.resolve(voted ? {} : null),
  ]);
  return presentQuestion(q, audienceOf(access, actor.id), people, vote !== null);
}

/**
 * `POST /qa/:id/questions`: a question from `actor`. In a moderated session it waits as `pending`
 * (seen by its author and the moderators only) unless a moderator asks it; a retried `clientId`
 * returns the first question (`created: false`), never a second one.
 */
export async function askQuestion(
  actor: Actor | null,
  sessionId: string,
  input: QuestionCreateInput,
): Promise<{ question: QuestionDto; created: boolean }> {
  const access = await loadSessionAccess(actor, sessionId);
  assertCan(actor, "qa.ask");
  if (!actor) throw notFound("Q&A session");
  const { session } = access;
  if (session.status === "ended") throw ended();
  await assertGuestMayAct(actor, session);
  if (input.anonymous && !session.allowAnonymous)
    throw validation("This session does not take anonymous questions", {
      anonymous: ["Anonymous questions are off"],
    });
  const status: QuestionStatus = session.moderated && !access.canModerate ? "pending" : "approved";

  let doc: QuestionRecord;
  try {
    const created = await Question.create({
      session: session._id,
      author: actor.id,
      anonymous: input.anonymous ?? false,
      text: input.text,
      clientId: input.clientId,
      status,
    });
    doc = created.toObject();
  } catch (err) {
    // The unique (author, clientId) index refused a second insert: this is a retry, so answer with
    // the first question (a key reused in another session is a client bug, not a retry).
    if (!isDuplicateKeyError(err)) throw err;
    const first = await Question.findOne({ author: actor.id, clientId: input.clientId }).lean();
    if (!first) throw err;
    if (!first.session.equals(session._id))
      throw conflict("This clientId was already used for another question");
    return { question: await presentForActor(first, actor, access), created: false };
  }
  if (status === "approved") await bumpCounts(session._id, { questionCount: 1 });
  await publishQuestion("qa:question:created", doc);
  return { question: await presentForActor(doc, actor, access, false), created: true };
}

const bumpCounts = (sessionId: Types.ObjectId, inc: { questionCount?: number; answeredCount?: number }) =>
  QaSession.findByIdAndUpdate(sessionId, { $inc: inc }, { returnDocument: "after" }).lean();

/**
 * Change a question's status only if it is still in one of `from`, in one atomic update, so two
 * moderators acting at once cannot both approve, or answer a question another just dismissed.
 */
async function transition(
  q: QuestionRecord,
  from: readonly QuestionStatus[],
  update: UpdateQuery<QuestionRecord>,
): Promise<QuestionRecord> {
  const updated = await Question.findOneAndUpdate(
    { _id: q._id, status: { $in: from } },
    { ...update, $inc: { rev: 1 } },
    { returnDocument: "after" },
  ).lean();
  if (!updated) {
    const current = await Question.findById(q._id, { status: 1 }).lean();
    throw new AppError(
      "ILLEGAL_TRANSITION",
      409,
      `A ${current?.status ?? q.status} question cannot be changed that way`,
    );
  }
  noteQuestion(updated);
  return updated;
}

/** Visible-count bookkeeping for a status change, kept by $inc beside the question's own update. */
function countDelta(before: QuestionStatus, after: QuestionStatus) {
  return {
    questionCount: Number(isPublicStatus(after)) - Number(isPublicStatus(before)),
    answeredCount: Number(after === "answered") - Number(before === "answered"),
  };
}

/** Point the session's stage at a question, or clear it; `only` clears only if it still points at that one. */
async function setHighlight(access: SessionAccess, questionId: Types.ObjectId | null, only?: Types.ObjectId) {
  const filter = only ? { _id: access.session._id, highlightedQuestion: only } : { _id: access.session._id };
  return QaSession.findOneAndUpdate(
    filter,
    { $set: { highlightedQuestion: questionId } },
    { returnDocument: "after" },
  ).lean();
}

/** Fields of a question the audit log compares before and after. */
const AUDITED = ["status", "text", "answer", "dismissReason", "mergedInto"] as const;

/**
 * One audit row for a question action that changed something: only the fields that differ, or (a
 * highlight) the session's stage before and after. Nothing changed, nothing logged.
 */
async function auditQuestion(
  actor: Actor,
  access: SessionAccess,
  action: QuestionModerateInput["action"],
  q: QuestionRecord,
  change: { before: Record<string, unknown>; after: Record<string, unknown> },
  reason: string | null = null,
) {
  const keys = Object.keys(change.after).filter(
    (k) => JSON.stringify(change.before[k] ?? null) !== JSON.stringify(change.after[k] ?? null),
  );
  if (keys.length === 0) return;
  await recordModAction({
    actor,
    action: `qa.question.${action}`,
    target: { type: "question", id: q._id, label: q.text },
    room: { _id: new Types.ObjectId(access.room.id), slug: access.room.slug },
    reason,
    before: Object.fromEntries(keys.map((k) => [k, change.before[k] ?? null])),
    after: Object.fromEntries(keys.map((k) => [k, change.after[k] ?? null])),
  });
}

const questionFields = (q: QuestionRecord) =>
  Object.fromEntries(AUDITED.map((k) => [k, q[k] ?? null])) as Record<string, unknown>;

async function announceSession(access: SessionAccess, session: QaSessionRecord | null) {
  if (session) publishSession(await presentSessionFor(session, access.room));
}

/**
 * `POST /questions/:id/moderate`: approve, dismiss (with a reason the author is told), answer
 * (optionally in writing), highlight / unhighlight, edit (fix a typo), merge (duplicates: the target
 * counts each distinct voter of both once). Returns the question acted on; for `merge`, the target.
 */
export async function moderateQuestion(
  actor: Actor | null,
  questionId: string,
  input: QuestionModerateInput,
): Promise<QuestionDto> {
  const q = await Question.findById(questionId).lean();
  if (!q) throw notFound("Question");
  const access = await loadSessionAccess(actor, q.session);
  assertCan(actor, "qa.moderate", access.scope);
  if (!actor) throw notFound("Question");
  if (access.session.status === "ended" && input.action !== "answer" && input.action !== "edit")
    throw ended();

  let updated: QuestionRecord;
  switch (input.action) {
    case "approve":
      updated = await transition(q, ["pending"], { $set: { status: "approved", moderatedBy: actor.id } });
      break;
    case "dismiss":
      updated = await transition(q, ["pending", "approved"], {
        $set: { status: "dismissed", dismissReason: input.reason, moderatedBy: actor.id },
      });
      break;
    case "answer":
      updated = await transition(q, ["pending", "approved", "answered"], {
        $set: {
          status: "answered",
          answer: input.answer?.length ? input.answer : (q.answer ?? null),
          answeredAt: q.answeredAt ?? new Date(),
          answeredBy: actor.id,
          moderatedBy: actor.id,
        },
      });
      break;
    case "edit":
      updated = await transition(q, ["pending", "approved", "answered"], {
        $set: { text: input.text, edited: true },
      });
      break;
    case "highlight":
      if (q.status !== "approved")
        throw new AppError("ILLEGAL_TRANSITION", 409, "Only an approved question can be highlighted");
      {
        const session = await setHighlight(access, q._id);
        await announceSession(access, session);
        await auditQuestion(actor, access, "highlight", q, {
          before: { highlightedQuestion: access.session.highlightedQuestion ?? null },
          after: { highlightedQuestion: session ? session.highlightedQuestion : null },
        });
      }
      return presentForActor(q, actor, access);
    case "unhighlight": {
      const session = await setHighlight(access, null, q._id);
      await announceSession(access, session);
      if (session) {
        await auditQuestion(actor, access, "unhighlight", q, {
          before: { highlightedQuestion: q._id },
          after: { highlightedQuestion: null },
        });
      }
      return presentForActor(q, actor, access);
    }
    case "merge":
      return mergeQuestion(actor, access, q, input.intoId);
  }

  await settleSession(access, q, updated.status);
  await publishQuestion("qa:question:updated", updated, isPublicStatus(q.status));
  await domainEvents.emit("question.changed", { questionId: updated._id.toString() });
  await auditQuestion(
    actor,
    access,
    input.action,
    q,
    { before: questionFields(q), after: questionFields(updated) },
    input.action === "dismiss" ? input.reason : null,
  );
  return presentForActor(updated, actor, access);
}

/**
 * After a status change: keep the session's visible/answered counts (by $inc) and take a question
 * that is no longer "approved" off the stage, then tell the session once.
 */
async function settleSession(access: SessionAccess, before: QuestionRecord, after: QuestionStatus) {
  const delta = countDelta(before.status, after);
  let session: QaSessionRecord | null = null;
  if (delta.questionCount || delta.answeredCount) session = await bumpCounts(before.session, delta);
  if (after !== "approved" && access.session.highlightedQuestion?.equals(before._id)) {
    session = (await setHighlight(access, null, before._id)) ?? session;
  }
  await announceSession(access, session);
}

async function mergeQuestion(
  actor: Actor,
  access: SessionAccess,
  source: QuestionRecord,
  intoId: string,
): Promise<QuestionDto> {
  if (source._id.equals(intoId))
    throw validation("A question cannot be merged into itself", { intoId: ["Pick another question"] });
  const target = await Question.findOne({ _id: intoId, session: source.session }).lean();
  if (!target) throw notFound("Target question");
  if (!isPublicStatus(target.status))
    throw new AppError("ILLEGAL_TRANSITION", 409, "Merge into an approved or answered question");
  // Close the source first: votes cast from now on are refused, so none can slip in behind the move.
  const merged = await transition(source, ["pending", "approved"], {
    $set: { status: "merged", mergedInto: target._id, moderatedBy: actor.id },
  });
  const finalTarget = await moveVotes(source._id, target._id);
  await settleSession(access, source, "merged");
  await publishQuestion("qa:question:updated", merged, isPublicStatus(source.status));
  await publishQuestion("qa:question:updated", finalTarget);
  await auditQuestion(actor, access, "merge", source, {
    before: questionFields(source),
    after: questionFields(merged),
  });
  return presentForActor(finalTarget, actor, access);
}

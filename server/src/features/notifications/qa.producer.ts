import { Types } from "mongoose";
import type { NotificationKind } from "@rembuk/shared";
import type { ModActionRecord } from "../moderation/index.js";
import { QaSession, Question } from "../qa/index.js";
import { canSeeRoom, Room } from "../rooms/index.js";
import { Watch } from "../watching/index.js";
import { deliver } from "./notification.deliver.js";
import { whoMaySee } from "./notification.audience.js";

const QUESTION_KINDS: Partial<Record<ModActionRecord["action"], NotificationKind>> = {
  "qa.question.approve": "question.approved",
  "qa.question.answer": "question.answered",
  "qa.question.dismiss": "question.dismissed",
  "qa.question.merge": "question.merged",
};

/** Whether an audit-log row is a Q&A event this producer handles. */
export const isQaAction = (action: ModActionRecord["action"]) =>
  action in QUESTION_KINDS || action === "qa.session.live";

/** My question approved, answered, dismissed (with the reason) or merged; a session starting where I watch. */
export async function produceQa(row: ModActionRecord): Promise<void> {
  const eventKey = `mod:${row._id.toString()}`;
  const actorId = row.actorId?.toString() ?? null;
  if (row.action === "qa.session.live") return sessionStarting(row, eventKey, actorId);
  const kind = QUESTION_KINDS[row.action];
  const question = await Question.findById(row.targetId).lean();
  if (!kind || !question) return;
  const session = await QaSession.findById(question.session, { room: 1, title: 1 }).lean();
  const room = session ? await Room.findById(session.room).lean() : null;
  if (!session || !room) return;
  // A guest's question has no account behind it: `whoMaySee` finds no user and sends nothing.
  const recipients = await whoMaySee([question.author.toString()], (actor) => canSeeRoom(actor, room));
  await deliver({
    eventKey,
    draft: {
      kind,
      actorId,
      target: { type: "question", id: question._id.toString(), url: `/qa/${session._id.toString()}` },
      title: session.title,
      reason: kind === "question.dismissed" ? (question.dismissReason ?? row.reason) : null,
    },
    recipients,
  });
}

async function sessionStarting(row: ModActionRecord, eventKey: string, actorId: string | null) {
  const session = await QaSession.findById(row.targetId, { room: 1, title: 1 }).lean();
  const room = session ? await Room.findById(session.room).lean() : null;
  if (!session || !room) return;
  const watchers = await Watch.distinct("userId", {
    scope: "room",
    key: room._id.toString(),
    level: "watching",
  });
  const recipients = await whoMaySee(
    watchers.map((id: Types.ObjectId) => id.toString()),
    (actor) => canSeeRoom(actor, room),
  );
  await deliver({
    eventKey,
    draft: {
      kind: "qa.starting",
      actorId,
      target: { type: "session", id: session._id.toString(), url: `/qa/${session._id.toString()}` },
      title: session.title,
    },
    recipients,
  });
}

import { Types } from "mongoose";
import { Adoption } from "../practices/index.js";
import { Room, seesThread } from "../rooms/index.js";
import { Thread, type ThreadRecord } from "../threads/index.js";
import { levelsFor } from "../watching/index.js";
import type { NotifyJobRecord } from "./notifyJob.model.js";
import { deliver } from "./notification.deliver.js";
import { whoMaySee } from "./notification.audience.js";

const practiceUrl = (threadId: string) => `/practices/${threadId}`;

/** The people adopting a practice now (one per active adoption), who follow its comments and edits. */
export async function adoptersOf(threadId: Types.ObjectId | string): Promise<string[]> {
  const ids = await Adoption.distinct("adopter", {
    practice: new Types.ObjectId(String(threadId)),
    active: true,
  });
  return ids.map((id: Types.ObjectId) => id.toString());
}

/** Recipients among `ids` who may see the practice and have not muted it. */
async function audienceOf(thread: ThreadRecord, ids: string[]): Promise<string[]> {
  const room = await Room.findById(thread.roomId).lean();
  if (!room) return [];
  const levels = await levelsFor(ids, thread);
  return whoMaySee(
    ids.filter((id) => levels.get(id) !== "muted"),
    (actor) => seesThread(actor, { room, thread }),
  );
}

/** My practice's adoptions and each of their steps (interested, piloting, adopted, abandoned). */
export async function produceAdoptionStep(job: NotifyJobRecord): Promise<void> {
  const adoption = await Adoption.findById(String(job.payload.adoptionId)).lean();
  const step = adoption?.steps[Number(job.payload.step) - 1];
  if (!adoption || !step) return;
  const thread = await Thread.findById(adoption.practice).lean();
  if (!thread) return;
  const threadId = thread._id.toString();
  await deliver({
    eventKey: `adoption:${adoption._id.toString()}:${String(job.payload.step)}`,
    draft: {
      kind: "adoption",
      detail: `adoption.${step.stage}`,
      actorId: step.by.toString(),
      target: { type: "adoption", id: adoption._id.toString(), url: practiceUrl(threadId) },
      title: thread.title,
    },
    recipients: await audienceOf(thread, [thread.authorId.toString()]),
  });
}

/** A new revision of a practice I adopt. */
export async function producePracticeEdit(job: NotifyJobRecord): Promise<void> {
  const threadId = String(job.payload.threadId);
  const thread = await Thread.findById(threadId).lean();
  if (!thread) return;
  await deliver({
    eventKey: `practice:${threadId}:${String(job.payload.revision)}`,
    draft: {
      kind: "adoption",
      detail: "practice.edit",
      actorId: String(job.payload.editorId),
      target: { type: "practice", id: threadId, url: practiceUrl(threadId) },
      title: thread.title,
      collapseKey: `practice.edit:${threadId}`,
    },
    recipients: await audienceOf(thread, await adoptersOf(threadId)),
  });
}

import { Types } from "mongoose";
import type { PracticeInput } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { validation } from "../../lib/errors.js";
import { Practice } from "./practice.model.js";
import { assertPracticeRefs, provinceCodeOf } from "./practice.validate.js";

/** Who a new record belongs to: its thread, the thread's room and author. */
export interface PracticeOwner {
  threadId: Types.ObjectId;
  roomId: Types.ObjectId;
  authorId: Types.ObjectId;
}

export function recordFields(input: PracticeInput, owner: PracticeOwner) {
  return {
    thread: owner.threadId,
    room: owner.roomId,
    author: owner.authorId,
    problem: input.problem,
    approach: input.approach,
    results: input.results,
    cost: input.cost,
    regionCode: input.regionCode,
    provinceCode: provinceCodeOf(input.regionCode),
    sector: input.sector,
    stage: input.stage,
    startDate: input.startDate,
    sdgs: [...input.sdgs].sort((a, b) => a - b),
    links: input.links,
    contact: input.contact || null,
    derivedFrom: input.derivedFrom ? new Types.ObjectId(input.derivedFrom) : null,
  };
}

export interface PreparedPractice {
  /** Insert the record for `threadId`; a second call for the same thread (a retried create) is a no-op. */
  save(threadId: Types.ObjectId): Promise<void>;
}

/**
 * The thread-record hook (posts/thread.records.ts) for `POST /rooms/:slug/threads` (and socket `thread:create`). For a
 * discussion: `null`. For `kind: 'practice'`: checks the record against the taxonomy and lineage
 * (400 with `practice.*` field errors) before anything is written, and returns the insert to run
 * right after the thread and its opening post, in the same command.
 */
export async function practiceForThread(
  actor: Actor,
  input: { kind?: string; practice?: PracticeInput },
  owner: Omit<PracticeOwner, "threadId">,
): Promise<PreparedPractice | null> {
  if (input.kind !== "practice") {
    if (input.practice !== undefined)
      throw validation("Only practice threads carry a practice", { practice: ["Set kind to practice"] });
    return null;
  }
  if (!input.practice)
    throw validation("A practice thread needs its practice record", { practice: ["Required"] });
  const practice = input.practice;
  await assertPracticeRefs(actor, practice);
  // Schema-level checks (required fields, bounds) now, so the thread is never written for a bad record.
  await new Practice(recordFields(practice, { ...owner, threadId: new Types.ObjectId() })).validate();
  return {
    save: async (threadId) => {
      try {
        await Practice.create(recordFields(practice, { ...owner, threadId }));
      } catch (err) {
        if (!isDuplicateKeyError(err, "thread")) throw err;
      }
    },
  };
}

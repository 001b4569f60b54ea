import type { Types } from "mongoose";
import type { ThreadCreateInput } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";

/** Who a new thread's record belongs to, before the thread exists. */
export interface RecordOwner {
  roomId: Types.ObjectId;
  authorId: Types.ObjectId;
}

export interface PreparedRecord {
  /** Insert the record for `threadId`; a second call for the same thread (a retried create) is a no-op. */
  save(threadId: Types.ObjectId): Promise<void>;
}

/**
 * A thread kind that carries a record of its own (a practice) is owned by a feature above posts, which
 * registers its hook here from its index.ts. `createThread` asks every hook before anything is written
 * (a hook refuses a bad record with a 400, or answers null when the input is not its kind) and saves
 * what they prepared right after the thread and its opening post.
 */
export type ThreadRecordHook = (
  actor: Actor,
  input: ThreadCreateInput,
  owner: RecordOwner,
) => Promise<PreparedRecord | null>;

const hooks: ThreadRecordHook[] = [];

export function registerThreadRecord(hook: ThreadRecordHook): void {
  hooks.push(hook);
}

export async function prepareThreadRecord(
  actor: Actor,
  input: ThreadCreateInput,
  owner: RecordOwner,
): Promise<PreparedRecord | null> {
  const prepared: PreparedRecord[] = [];
  for (const hook of hooks) {
    const record = await hook(actor, input, owner);
    if (record) prepared.push(record);
  }
  if (prepared.length === 0) return null;
  return {
    save: async (threadId) => {
      for (const record of prepared) await record.save(threadId);
    },
  };
}

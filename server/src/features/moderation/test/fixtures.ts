import type { ModActionKind } from "@rembuk/shared";
import { ModAction } from "../modAction.model.js";

/**
 * Helpers for the moderation tests (fixtures, not tests).
 */

/** Audit rows about one target, optionally of one kind. */
export const auditRows = (targetId: string, action?: ModActionKind) =>
  ModAction.find({ targetId, ...(action ? { action } : {}) })
    .sort({ _id: 1 })
    .lean();

/** Run `fn` and return how many audit rows about `targetId` it added. */
export async function auditDelta(targetId: string, fn: () => Promise<unknown>): Promise<number> {
  const before = await ModAction.countDocuments({ targetId });
  await fn();
  return (await ModAction.countDocuments({ targetId })) - before;
}

/** Every socket payload `fn` could have leaked, as one string, for "never contains" assertions. */
export const raw = (...payloads: unknown[]) => JSON.stringify(payloads);

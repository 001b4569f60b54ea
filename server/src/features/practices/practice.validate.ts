import type { PracticeInput } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { validation } from "../../lib/errors.js";
import { isSectorCode, isKnownRegion, provinceOf } from "../taxonomy/index.js";
import { Types } from "mongoose";
import { findVisiblePractice } from "./practice.access.js";
import { Practice } from "./practice.model.js";

/** Lineage chains are short; this bounds the walk even if a cycle slipped into old data. */
export const MAX_LINEAGE_DEPTH = 20;

/** Is `ancestor` somewhere up the `derivedFrom` chain of `threadId` (or `threadId` itself)? */
async function descendsFrom(threadId: string, ancestor: string): Promise<boolean> {
  let current: string | null = threadId;
  for (let depth = 0; current && depth < MAX_LINEAGE_DEPTH; depth++) {
    if (current === ancestor) return true;
    const rec: { derivedFrom: Types.ObjectId | null } | null = await Practice.findOne(
      { thread: new Types.ObjectId(current) },
      { derivedFrom: 1 },
    ).lean();
    current = rec?.derivedFrom ? rec.derivedFrom.toString() : null;
  }
  return false;
}

/** The parts of a practice the shared schema can only check for shape. */
export type PracticeRefs = Partial<Pick<PracticeInput, "regionCode" | "sector">> & {
  derivedFrom?: string | null;
};

/**
 * Check what zod cannot: the region code exists in the bundled Kemendagri dataset, the sector is an
 * urusan from the taxonomy, and `derivedFrom` names a practice thread this actor can see (and not the
 * practice itself). Field errors are keyed like the request body (`practice.regionCode`), all at once.
 */
export async function assertPracticeRefs(
  actor: Actor | null,
  refs: PracticeRefs,
  opts: { self?: string; prefix?: string } = {},
): Promise<void> {
  const prefix = opts.prefix ?? "practice.";
  const fields: Record<string, string[]> = {};
  if (refs.regionCode !== undefined && !isKnownRegion(refs.regionCode)) {
    fields[`${prefix}regionCode`] = ["Unknown Kemendagri region code"];
  }
  if (refs.sector !== undefined && !isSectorCode(refs.sector)) {
    fields[`${prefix}sector`] = ["Unknown sector: use a code from /taxonomy/sectors"];
  }
  if (refs.derivedFrom) {
    if (refs.derivedFrom === opts.self)
      fields[`${prefix}derivedFrom`] = ["A practice cannot derive from itself"];
    else if (!(await findVisiblePractice(actor, refs.derivedFrom))) {
      fields[`${prefix}derivedFrom`] = ["No such practice"];
    } else if (opts.self && (await descendsFrom(refs.derivedFrom, opts.self))) {
      fields[`${prefix}derivedFrom`] = ["That practice already derives from this one"];
    }
  }
  if (Object.keys(fields).length) throw validation("Invalid practice", fields);
}

/** The province of a known region code (the code itself for a province). */
export function provinceCodeOf(regionCode: string): string {
  return provinceOf(regionCode) ?? regionCode.slice(0, 2);
}

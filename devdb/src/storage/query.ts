import type { Document } from "bson";
import type { Collection } from "./collection.js";
import { compileFilter } from "./mingo.js";
import { plan } from "./planner.js";
import { parseSort, sortBy } from "./sort.js";

export interface SelectOptions {
  sort?: Document;
  skip?: number;
  /** 0 or undefined: no limit. */
  limit?: number;
  /** Called once per document examined, so a command's maxTimeMS can interrupt a long scan. */
  interrupt?: { tick(): void };
}

export interface Selected {
  id: string;
  doc: Document;
}

/**
 * Finds matching documents. Returns references to stored documents, which are never mutated
 * in place; anything handed to mingo for further processing must be copied first.
 */
export function select(coll: Collection, filter: Document, opts: SelectOptions = {}): Selected[] {
  const skip = Math.max(0, opts.skip ?? 0);
  const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
  const sortFields = opts.sort ? parseSort(opts.sort) : [];
  const needsSort = sortFields.length > 0 || opts.sort?.$natural === -1;
  const p = plan(coll, filter, opts.sort);
  const query = p.exact || Object.keys(filter).length === 0 ? null : compileFilter(filter);
  const inOrder = !needsSort || (p.orderedBy && sortFields.length === 1);
  const stopAt = inOrder ? skip + limit : Infinity;
  const out: Selected[] = [];
  const interrupt = opts.interrupt;
  const consider = (id: string, doc: Document | undefined): boolean => {
    interrupt?.tick();
    if (!doc || (query && !query.test(doc))) return true;
    out.push({ id, doc });
    return out.length < stopAt;
  };
  if (p.ids) {
    for (const id of p.ids) if (!consider(id, coll.docs.get(id))) break;
  } else {
    for (const [id, doc] of coll.docs) if (!consider(id, doc)) break;
  }
  let result = out;
  if (needsSort && !inOrder) {
    result = sortBy(out, (s) => s.doc, opts.sort as Document);
  }
  if (skip > 0 || limit !== Infinity) result = result.slice(skip, skip + limit);
  return result;
}

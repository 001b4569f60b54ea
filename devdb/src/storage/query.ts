import type { Document } from "bson";
import { CommandError } from "../errors.js";
import type { Collection } from "./collection.js";
import { encodeValue, isPlainObject } from "./keys.js";
import { collateFilter, type Collation } from "./collation.js";
import { compileFilter } from "./mingo.js";
import { extractText, isTextSpec, parseSearch, textIndexInfo, textScore } from "./text.js";
import { plan } from "./planner.js";
import { parseSort, sortBy } from "./sort.js";

export interface SelectOptions {
  sort?: Document;
  skip?: number;
  /** 0 or undefined: no limit. */
  limit?: number;
  /** Called once per document examined, so a command's maxTimeMS can interrupt a long scan. */
  interrupt?: { tick(): void };
  /** An index (name or key pattern) the caller insists on, or `{$natural: 1}` for a scan. */
  hint?: Document | string;
  /** String comparisons and sorting by this collation (indexes are then not used). */
  collation?: Collation | null;
  /** Filled in for `explain`: the plan taken and what it examined. */
  stats?: SelectStats;
}

export interface SelectStats {
  /** The index used, or null for a collection scan. */
  index: string | null;
  /** How the candidates were found: an `_id` lookup, an index scan, a union of index scans, a scan. */
  stage: "IDHACK" | "IXSCAN" | "OR" | "COLLSCAN";
  keysExamined: number;
  docsExamined: number;
}

/** The index a `hint` names, as mongod resolves it (by name or by key pattern); throws if none. */
export function resolveHint(coll: Collection, hint: Document | string): string | null {
  if (isPlainObject(hint) && Object.keys(hint).length === 1 && "$natural" in hint) return null;
  const specs = coll.indexSpecs();
  const match =
    typeof hint === "string"
      ? specs.find((s) => s.name === hint)
      : specs.find((s) => encodeValue(s.key) === encodeValue(hint));
  if (!match) {
    throw new CommandError(
      "BadValue",
      "error processing query: planner returned error :: caused by :: hint provided does not correspond to an existing index",
    );
  }
  return match.name;
}

export interface Selected {
  id: string;
  doc: Document;
  /** `$text` queries: the document's text score. */
  score?: number;
}

function isMetaScore(v: unknown): boolean {
  return isPlainObject(v) && v.$meta === "textScore";
}

/**
 * Finds matching documents. Returns references to stored documents, which are never mutated
 * in place; anything handed to mingo for further processing must be copied first.
 */
export function select(coll: Collection, fullFilter: Document, opts: SelectOptions = {}): Selected[] {
  const skip = Math.max(0, opts.skip ?? 0);
  const limit = opts.limit && opts.limit > 0 ? opts.limit : Infinity;
  // `$text` scores every document against the collection's text index, then the rest filters.
  const text = extractText(fullFilter);
  let filter = fullFilter;
  let scorer: ((doc: Document) => number) | null = null;
  if (text) {
    const spec = coll.indexSpecs().find(isTextSpec);
    if (!spec) throw new CommandError("IndexNotFound", "text index required for $text query");
    const info = textIndexInfo(spec);
    const search = parseSearch(text.text, info.language);
    scorer = (doc) => textScore(doc, info, search);
    filter = text.rest;
  }
  const metaSort = opts.sort ? Object.entries(opts.sort).find(([, v]) => isMetaScore(v)) : undefined;
  const plainSort =
    opts.sort && metaSort
      ? Object.fromEntries(Object.entries(opts.sort).filter(([, v]) => !isMetaScore(v)))
      : opts.sort;
  const sortFields = plainSort ? parseSort(plainSort) : [];
  const needsSort = sortFields.length > 0 || plainSort?.$natural === -1 || metaSort !== undefined;
  const collation = opts.collation ?? null;
  // devdb's index keys order strings by code point: a collated query scans; so does $text.
  let p = collation || scorer ? { ids: null, exact: false, cost: Infinity } : plan(coll, filter, plainSort);
  const stats = opts.stats;
  let forced: string | null | undefined;
  if (opts.hint !== undefined) {
    forced = resolveHint(coll, opts.hint);
    // A hinted index the planner wouldn't use for this filter is scanned whole, as mongod does.
    if (forced !== p.usedIndex) p = { ids: null, exact: false, cost: Infinity };
  }
  const query =
    p.exact || Object.keys(filter).length === 0
      ? null
      : compileFilter(collation ? collateFilter(filter, collation) : filter);
  const inOrder = !needsSort || (p.orderedBy && sortFields.length === 1);
  const stopAt = inOrder ? skip + limit : Infinity;
  const out: Selected[] = [];
  const interrupt = opts.interrupt;
  if (stats) {
    stats.index = forced !== undefined ? forced : (p.usedIndex ?? null);
    stats.stage =
      p.usedIndex === "$or"
        ? "OR"
        : stats.index === null
          ? "COLLSCAN"
          : p.usedIndex === "_id_" && p.exact
            ? "IDHACK"
            : "IXSCAN";
    if (stats.stage === "OR") stats.index = null;
  }
  const consider = (id: string, doc: Document | undefined): boolean => {
    interrupt?.tick();
    if (stats) {
      stats.docsExamined += doc ? 1 : 0;
      if (stats.stage !== "COLLSCAN") stats.keysExamined++;
    }
    if (!doc || (query && !query.test(doc))) return true;
    if (scorer) {
      const score = scorer(doc);
      if (score <= 0) return true;
      out.push({ id, doc, score });
    } else out.push({ id, doc });
    return out.length < stopAt;
  };
  if (p.ids) {
    for (const id of p.ids) if (!consider(id, coll.docs.get(id))) break;
  } else {
    for (const [id, doc] of coll.docs) if (!consider(id, doc)) break;
  }
  let result = out;
  if (needsSort && !inOrder) {
    if (sortFields.length > 0 || plainSort?.$natural === -1) {
      result = sortBy(out, (s) => s.doc, plainSort as Document, collation);
    }
    // Highest text score first (a stable sort keeps the other keys' order among equal scores).
    if (metaSort) result = [...result].sort((a, b) => (b.score ?? 0) - (a.score ?? 0));
  }
  if (skip > 0 || limit !== Infinity) result = result.slice(skip, skip + limit);
  return result;
}

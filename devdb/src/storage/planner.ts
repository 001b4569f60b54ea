import type { Document } from "bson";
import type { Collection } from "./collection.js";
import { encodeValue, escape, isPlainObject, isRangeComparable, SEP, typeBracket } from "./keys.js";
import type { SecondaryIndex } from "./secondary-index.js";

/** Conditions on one field that an index can answer. */
interface FieldBounds {
  /** Allowed values (equality / $in); null when the field has no equality constraint. */
  eq: unknown[] | null;
  lo?: { value: unknown; inclusive: boolean };
  hi?: { value: unknown; inclusive: boolean };
}

export interface Plan {
  /** Candidate document ids, or null for a collection scan. */
  ids: Iterable<string> | null;
  /** True when every candidate is known to match, so the filter need not be re-tested. */
  exact: boolean;
  /** Candidates come out in this index's order (for sort pushdown). */
  orderedBy?: { field: string; direction: 1 | -1 };
  cost: number;
  usedIndex?: string;
}

const SCAN: Plan = { ids: null, exact: false, cost: Infinity };

function isOperatorObject(v: unknown): v is Document {
  if (!isPlainObject(v)) return false;
  const keys = Object.keys(v);
  return keys.length > 0 && keys[0].startsWith("$");
}

function usableEquality(v: unknown): boolean {
  // Arrays match element-wise or whole-array, regexes match by pattern: neither is a key lookup.
  return !Array.isArray(v) && !(v instanceof RegExp);
}

function boundsFor(cond: unknown): FieldBounds | null {
  if (!isOperatorObject(cond)) return usableEquality(cond) ? { eq: [cond] } : null;
  const b: FieldBounds = { eq: null };
  let useful = false;
  for (const [op, v] of Object.entries(cond)) {
    switch (op) {
      case "$eq":
        if (!usableEquality(v)) return null;
        b.eq = [v];
        useful = true;
        break;
      case "$in":
        if (!Array.isArray(v) || !v.every(usableEquality)) break;
        b.eq = v;
        useful = true;
        break;
      case "$gt":
      case "$gte":
        if (isRangeComparable(v)) {
          b.lo = { value: v, inclusive: op === "$gte" };
          useful = true;
        }
        break;
      case "$lt":
      case "$lte":
        if (isRangeComparable(v)) {
          b.hi = { value: v, inclusive: op === "$lte" };
          useful = true;
        }
        break;
      default:
        break;
    }
  }
  return useful ? b : null;
}

/** Collects per-field bounds from the top level and from `$and` branches. */
function collectBounds(filter: Document, into = new Map<string, FieldBounds>()): Map<string, FieldBounds> {
  for (const [field, cond] of Object.entries(filter)) {
    if (field === "$and" && Array.isArray(cond)) {
      for (const sub of cond) if (isPlainObject(sub)) collectBounds(sub, into);
      continue;
    }
    if (field.startsWith("$")) continue;
    const b = boundsFor(cond);
    if (!b) continue;
    const prev = into.get(field);
    // Two constraints on one field: keep the one with equality, it's the more selective.
    if (!prev || (b.eq && !prev.eq)) into.set(field, b);
  }
  return into;
}

function isNullish(v: unknown): boolean {
  return v === null || v === undefined;
}

function planIdLookup(coll: Collection, b: FieldBounds): Plan | null {
  if (!b.eq) return null;
  const ids = b.eq.map((v) => encodeValue(v)).filter((id) => coll.docs.has(id));
  return { ids: [...new Set(ids)], exact: false, cost: ids.length, usedIndex: "_id_" };
}

function keyPrefix(ix: SecondaryIndex, v: unknown): string {
  return ix.fields.length === 1 ? encodeValue(v) : escape(encodeValue(v));
}

function planIndex(ix: SecondaryIndex, bounds: Map<string, FieldBounds>): Plan | null {
  if (ix.partial) return null;
  const b = bounds.get(ix.fields[0]);
  if (!b) return null;
  if (b.eq) {
    if (ix.sparse && b.eq.some(isNullish)) return null;
    if (ix.fields.length === 1) {
      const sets = b.eq.map((v) => ix.lookup(encodeValue(v))).filter((s) => s !== undefined);
      const cost = sets.reduce((n, s) => n + s.size, 0);
      const ids = sets.length === 1 ? sets[0] : new Set(sets.flatMap((s) => [...s]));
      return { ids, exact: false, cost, usedIndex: ix.name };
    }
    const ranges = b.eq.map((v) => {
      const p = keyPrefix(ix, v);
      return [p + SEP, p + "\u0001"] as const;
    });
    const cost = ranges.reduce((n, [lo, hi]) => n + ix.countRange(lo, hi), 0);
    const ids = new Set<string>();
    for (const [lo, hi] of ranges) for (const id of ix.range(lo, hi)) ids.add(id);
    return { ids, exact: false, cost, usedIndex: ix.name };
  }
  if (ix.sparse) return null;
  const lo = b.lo;
  // On a multikey index two bounds may be satisfied by different elements: use one only.
  const hi = ix.multikey && lo ? undefined : b.hi;
  const probe = lo?.value ?? hi?.value;
  const [bracketLo, bracketHi] = typeBracket(encodeValue(probe));
  if (lo && hi && typeBracket(encodeValue(hi.value))[0] !== bracketLo) return null;
  const start = lo ? keyPrefix(ix, lo.value) + (lo.inclusive ? "" : "\u0001") : bracketLo;
  const end = hi ? keyPrefix(ix, hi.value) + (hi.inclusive ? "\u0001" : "") : bracketHi;
  if (start >= end) return { ids: [], exact: true, cost: 0, usedIndex: ix.name };
  return { ids: ix.range(start, end), exact: false, cost: ix.countRange(start, end), usedIndex: ix.name };
}

function planAnd(coll: Collection, filter: Document): Plan {
  const bounds = collectBounds(filter);
  let best: Plan = SCAN;
  const idBounds = bounds.get("_id");
  if (idBounds) {
    const p = planIdLookup(coll, idBounds) ?? planIndex(coll.idIndex, bounds);
    if (p) {
      // A lone `_id` equality needs no re-test: the key lookup is the whole filter.
      const keys = Object.keys(filter);
      p.exact = keys.length === 1 && idBounds.eq?.length === 1 && !isOperatorObject(filter._id);
      best = p;
    }
  }
  if (best.cost <= 1) return best;
  for (const ix of coll.indexes) {
    // Hidden indexes are maintained but never planned; collated ones key strings differently.
    if (ix.spec.hidden === true || ix.collation || ix.text) continue;
    const p = planIndex(ix, bounds);
    if (p && p.cost < best.cost) best = p;
  }
  const or: unknown = filter.$or;
  if (Array.isArray(or) && or.length > 0 && or.every(isPlainObject)) {
    const branches = (or as Document[]).map((branch) => planAnd(coll, branch));
    if (branches.every((p) => p.ids !== null)) {
      const cost = branches.reduce((n, p) => n + p.cost, 0);
      if (cost < best.cost) {
        const ids = new Set<string>();
        for (const p of branches) for (const id of p.ids as Iterable<string>) ids.add(id);
        best = { ids, exact: false, cost, usedIndex: "$or" };
      }
    }
  }
  return best;
}

/** Chooses how to find candidates for `filter`, preferring the most selective index. */
export function plan(coll: Collection, filter: Document, sort?: Document): Plan {
  const p = planAnd(coll, filter);
  if (p.ids !== null || !sort) return p;
  const sortKeys = Object.keys(sort);
  if (sortKeys.length !== 1) return p;
  const field = sortKeys[0];
  const direction = sort[field] === -1 ? -1 : 1;
  const ix = [coll.idIndex, ...coll.indexes].find(
    (i) =>
      i.fields.length === 1 &&
      i.fields[0] === field &&
      i.complete &&
      !i.multikey &&
      i.spec.hidden !== true &&
      !i.collation,
  );

  if (!ix) return p;
  return {
    ids: ix.range("", "\uffff", direction === -1),
    exact: false,
    orderedBy: { field, direction },
    cost: coll.size,
    usedIndex: ix.name,
  };
}

import type { Document } from "bson";
import type { Options } from "mingo/types";
import { CommandError } from "../errors.js";
import { isPlainObject } from "./keys.js";

/**
 * Collation (https://www.mongodb.com/docs/manual/reference/collation/) through `Intl.Collator`:
 * `locale`, `strength` 1 (base letters: case and accents ignored), 2 (accents count, case
 * doesn't), 3 (the default: both count), `numericOrdering`. String comparisons in filters,
 * sorts and collated indexes follow it; other types compare as without collation.
 */
export interface Collation {
  locale: string;
  strength: number;
  collator: Intl.Collator;
}

export function parseCollation(spec: unknown): Collation | null {
  if (spec === undefined || spec === null) return null;
  if (!isPlainObject(spec)) throw new CommandError("TypeMismatch", "collation must be an object");
  const locale = spec.locale;
  if (typeof locale !== "string") throw new CommandError("FailedToParse", 'Missing expected field "locale"');
  if (locale === "simple") return null;
  let supported: string[];
  try {
    supported = Intl.Collator.supportedLocalesOf([locale.replace(/_/g, "-")]);
  } catch {
    supported = [];
  }
  if (supported.length === 0) {
    throw new CommandError("BadValue", `Field 'locale' is invalid in: { locale: "${locale}" }`);
  }
  const strength = spec.strength === undefined ? 3 : Number(spec.strength);
  if (![1, 2, 3, 4, 5].includes(strength)) {
    throw new CommandError("BadValue", "collation strength must be an integer 1 through 5");
  }
  const sensitivity =
    strength === 1 ? (spec.caseLevel === true ? "case" : "base") : strength === 2 ? "accent" : "variant";
  return {
    locale,
    strength,
    collator: new Intl.Collator(locale.replace(/_/g, "-"), {
      sensitivity,
      numeric: spec.numericOrdering === true,
      usage: "sort",
    }),
  };
}

/** Index keys of a collated index: strings reduced to what the strength distinguishes. */
export function collationKey(s: string, c: Collation): string {
  const locale = c.locale.replace(/_/g, "-");
  if (c.strength === 1) return s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase(locale);
  if (c.strength === 2) return s.normalize("NFC").toLocaleLowerCase(locale);
  return s.normalize("NFC");
}

interface Operand {
  c: Collation;
  v: unknown;
}

function reach(value: unknown, parts: string[], out: unknown[]): void {
  if (parts.length === 0) {
    out.push(value);
    if (Array.isArray(value)) for (const el of value) out.push(el);
    return;
  }
  const [head, ...rest] = parts;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(head)) reach(value[Number(head)], rest, out);
    for (const el of value) if (isPlainObject(el)) reach(el, parts, out);
    return;
  }
  if (isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, head))
    reach(value[head], rest, out);
}

function collatedOp(test: (found: string, operand: Operand) => boolean) {
  return (selector: string, operand: unknown, _options: Options): ((doc: unknown) => boolean) => {
    const parts = selector.split(".");
    const op = operand as Operand;
    return (doc) => {
      const found: unknown[] = [];
      reach(doc, parts, found);
      return found.some((v) => typeof v === "string" && test(v, op));
    };
  };
}

export const COLLATION_OPS = {
  $devdbCollEq: collatedOp((s, o) => o.c.collator.compare(s, o.v as string) === 0),
  $devdbCollIn: collatedOp((s, o) => (o.v as string[]).some((x) => o.c.collator.compare(s, x) === 0)),
  $devdbCollGt: collatedOp((s, o) => o.c.collator.compare(s, o.v as string) > 0),
  $devdbCollGte: collatedOp((s, o) => o.c.collator.compare(s, o.v as string) >= 0),
  $devdbCollLt: collatedOp((s, o) => o.c.collator.compare(s, o.v as string) < 0),
  $devdbCollLte: collatedOp((s, o) => o.c.collator.compare(s, o.v as string) <= 0),
};

const RANGE: Record<string, string> = {
  $gt: "$devdbCollGt",
  $gte: "$devdbCollGte",
  $lt: "$devdbCollLt",
  $lte: "$devdbCollLte",
};

/** A field condition split into collated parts (each its own `$and` term) and the untouched rest. */
class Split {
  constructor(
    readonly and: Document[],
    readonly rest: Document,
  ) {}
}

/** One field's condition with its string comparisons made collation-aware. */
function collateCondition(cond: unknown, c: Collation): unknown {
  if (typeof cond === "string") return { $devdbCollEq: { c, v: cond } };
  if (!isPlainObject(cond)) return cond;
  const keys = Object.keys(cond);
  if (keys.length === 0 || !keys[0].startsWith("$")) return cond;
  const and: Document[] = [];
  const rest: Document = {};
  for (const [op, v] of Object.entries(cond)) {
    if ((op === "$eq" || op === "$ne") && typeof v === "string") {
      const eq = { $devdbCollEq: { c, v } };
      and.push(op === "$eq" ? eq : { $not: eq });
    } else if ((op === "$in" || op === "$nin") && Array.isArray(v) && v.some((x) => typeof x === "string")) {
      const strings = v.filter((x): x is string => typeof x === "string");
      const others = v.filter((x) => typeof x !== "string");
      const alternatives: Document[] = [{ $devdbCollIn: { c, v: strings } }];
      if (others.length > 0) alternatives.push({ $in: others });
      if (op === "$in") and.push(alternatives.length === 1 ? alternatives[0] : { $or: alternatives });
      else for (const a of alternatives) and.push({ $not: a });
    } else if (RANGE[op] && typeof v === "string") {
      and.push({ [RANGE[op]]: { c, v } });
    } else if (op === "$elemMatch" && isPlainObject(v)) {
      rest.$elemMatch = collateFilter(v, c);
    } else rest[op] = v;
  }
  if (and.length === 0) return rest;
  return new Split(and, rest);
}

/** Rewrites a filter so its string comparisons use the collation (regexes, as in MongoDB, don't). */
export function collateFilter(filter: Document, c: Collation): Document {
  const out: Document[] = [];
  const plain: Document = {};
  for (const [k, v] of Object.entries(filter)) {
    if (k === "$and" || k === "$or" || k === "$nor") {
      plain[k] = Array.isArray(v) ? v.map((x) => (isPlainObject(x) ? collateFilter(x, c) : x)) : v;
      continue;
    }
    if (k.startsWith("$")) {
      plain[k] = v;
      continue;
    }
    const r = collateCondition(v, c);
    if (r instanceof Split) {
      for (const part of r.and) out.push({ [k]: part });
      if (Object.keys(r.rest).length > 0) out.push({ [k]: r.rest });
    } else plain[k] = r;
  }
  return out.length === 0 ? plain : { ...plain, $and: [...((plain.$and as Document[]) ?? []), ...out] };
}

/** Orders two sort keys' raw values: strings by the collation, anything else as given. */
export function compareCollated(a: unknown, b: unknown, c: Collation): number | null {
  return typeof a === "string" && typeof b === "string" ? c.collator.compare(a, b) : null;
}

import type { Document } from "bson";
import { collationKey, parseCollation, type Collation } from "./collation.js";
import type { Query } from "mingo";
import { compileFilter } from "./mingo.js";
import { encodeKeyValue, escape, MISSING, SEP, valuesAtPath } from "./keys.js";

export interface IndexSpec extends Document {
  v: number;
  key: Document;
  name: string;
}

export interface IndexKey {
  /** Encoded full key (all fields), used for uniqueness and exact lookups. */
  full: string;
  /** Field values, for keyValue in E11000 errors. */
  values: unknown[];
}

/**
 * A secondary index: encoded key -> set of document ids, plus a lazily built sorted list of
 * the distinct keys for range scans and index-ordered sorts. Keys are encoded so that plain
 * string comparison gives MongoDB's order.
 */
export class SecondaryIndex {
  readonly spec: IndexSpec;
  readonly fields: string[];
  readonly unique: boolean;
  readonly sparse: boolean;
  readonly partial: Query | null;
  readonly ttlSeconds: number | null;
  multikey = false;
  /**
   * A collated index keys strings by what its strength distinguishes (so uniqueness is case- or
   * accent-insensitive); its keys don't follow code point order, so the planner leaves it alone.
   */
  readonly collation: Collation | null;
  /** A text index: `$text` reads the documents themselves, so it keeps no keys. */
  readonly text: boolean;
  /** A key held by one document (the common case) stores the id itself, not a Set. */
  private readonly entries = new Map<string, string | Set<string>>();
  private sorted: string[] | null = null;

  constructor(spec: IndexSpec) {
    this.spec = spec;
    this.fields = Object.keys(spec.key);
    this.unique = spec.unique === true;
    this.sparse = spec.sparse === true;
    const pfe: unknown = spec.partialFilterExpression;
    this.partial = pfe && typeof pfe === "object" ? compileFilter(pfe as Document) : null;
    this.collation = parseCollation(spec.collation);
    this.text = Object.values(spec.key).includes("text");
    const ttl: unknown = spec.expireAfterSeconds;
    this.ttlSeconds = typeof ttl === "number" && this.fields.length === 1 ? ttl : null;
  }

  private keyOf(v: unknown): unknown {
    return this.collation && typeof v === "string" ? collationKey(v, this.collation) : v;
  }

  get name(): string {
    return this.spec.name;
  }

  /** Whether a query planner may answer queries from this index alone. */
  get complete(): boolean {
    return this.partial === null && !this.sparse;
  }

  /** Keys this index holds for `doc`; empty when sparse/partial exclude it. */
  keysFor(doc: Document): IndexKey[] {
    if (this.text) return [];
    if (this.partial && !this.partial.test(doc)) return [];
    const perField: unknown[][] = [];
    let allMissing = true;
    for (const f of this.fields) {
      const { values, expanded } = valuesAtPath(doc, f);
      if (expanded) this.multikey = true;
      if (values.length !== 1 || values[0] !== MISSING) allMissing = false;
      perField.push(values);
    }
    if (this.sparse && allMissing) return [];
    if (perField.length === 1) {
      const seen = new Set<string>();
      const out: IndexKey[] = [];
      for (const v of perField[0]) {
        const full = encodeKeyValue(this.keyOf(v));
        if (seen.has(full)) continue;
        seen.add(full);
        out.push({ full, values: [v] });
      }
      return out;
    }
    let combos: unknown[][] = [[]];
    for (const values of perField) {
      const next: unknown[][] = [];
      for (const c of combos) for (const v of values) next.push([...c, v]);
      combos = next;
    }
    const seen = new Set<string>();
    const out: IndexKey[] = [];
    for (const values of combos) {
      const full = values.map((v) => escape(encodeKeyValue(this.keyOf(v)))).join(SEP);
      if (seen.has(full)) continue;
      seen.add(full);
      out.push({ full, values });
    }
    return out;
  }

  /** Returns the key that some other document already holds, if any. */
  conflict(id: string, keys: IndexKey[]): IndexKey | undefined {
    if (!this.unique) return undefined;
    for (const k of keys) {
      const holders = this.entries.get(k.full);
      if (holders === undefined) continue;
      if (typeof holders === "string") {
        if (holders !== id) return k;
      } else for (const h of holders) if (h !== id) return k;
    }
    return undefined;
  }

  add(id: string, keys: IndexKey[]): void {
    for (const k of keys) {
      const holders = this.entries.get(k.full);
      if (holders === undefined) {
        this.entries.set(k.full, id);
        if (this.sorted) this.sorted.splice(lowerBound(this.sorted, k.full), 0, k.full);
      } else if (typeof holders === "string") {
        if (holders !== id) this.entries.set(k.full, new Set([holders, id]));
      } else holders.add(id);
    }
  }

  remove(id: string, keys: IndexKey[]): void {
    for (const k of keys) {
      const holders = this.entries.get(k.full);
      if (holders === undefined) continue;
      if (typeof holders === "string") {
        if (holders !== id) continue;
      } else {
        holders.delete(id);
        if (holders.size === 1) this.entries.set(k.full, holders.values().next().value as string);
        if (holders.size > 0) continue;
      }
      this.entries.delete(k.full);
      if (this.sorted) {
        const i = lowerBound(this.sorted, k.full);
        if (this.sorted[i] === k.full) this.sorted.splice(i, 1);
      }
    }
  }

  clear(): void {
    this.entries.clear();
    this.sorted = null;
    this.multikey = false;
  }

  lookup(fullKey: string): ReadonlySet<string> | undefined {
    const holders = this.entries.get(fullKey);
    return typeof holders === "string" ? new Set([holders]) : holders;
  }

  /**
   * Document ids whose key lies in [lo, hi) (string order of encoded keys), in key order.
   * Callers pass bounds already widened for compound keys.
   */
  *range(lo: string, hi: string, reverse = false): Generator<string> {
    const sorted = this.sortedKeys();
    const start = lowerBound(sorted, lo);
    const end = lowerBound(sorted, hi);
    if (!reverse) {
      for (let i = start; i < end; i++) yield* this.holders(sorted[i]);
    } else {
      for (let i = end - 1; i >= start; i--) yield* this.holders(sorted[i]);
    }
  }

  /** Number of distinct keys in [lo, hi): a cheap selectivity estimate for the planner. */
  countRange(lo: string, hi: string): number {
    const sorted = this.sortedKeys();
    return lowerBound(sorted, hi) - lowerBound(sorted, lo);
  }

  get distinctKeys(): number {
    return this.entries.size;
  }

  private holders(key: string): Iterable<string> {
    const h = this.entries.get(key);
    return h === undefined ? [] : typeof h === "string" ? [h] : h;
  }

  private sortedKeys(): string[] {
    if (!this.sorted) this.sorted = [...this.entries.keys()].sort(compareStrings);
    return this.sorted;
  }
}

function compareStrings(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function lowerBound(arr: string[], key: string): number {
  let lo = 0;
  let hi = arr.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (arr[mid] < key) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

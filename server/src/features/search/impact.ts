import type { AnyBulkWriteOperation } from "mongoose";
import type { SearchKind } from "@rembuk/shared";
import { SearchStat, type SearchStatRecord } from "./search.model.js";

/**
 * Impact-ordered access to the index (docs/search.md, "Ranking"). A term's BM25 contribution in a
 * document, without its idf, depends only on that document: its field-weighted count and length.
 * Each document stores, per term, that impact quantised into one of `LEVELS` bands, as a key
 * `"<term> <kind> <level>"` in `hot` (a multikey index). A query reads a term's best documents by
 * asking for its top bands only, and `searchstats` (per term: document frequency and the number of
 * documents in each band) says how many bands give enough candidates, without counting anything.
 */

export const K1 = 1.2;
export const B = 0.75;
/** The length BM25 normalises against: fixed, so a document's bands never depend on the others. */
export const AVG_LEN = 40;
export const LEVELS = 64;

/** BM25's term-frequency part for a (weighted) count in a document of weighted length `len`. */
export function impact(tf: number, len: number): number {
  return (tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * len) / AVG_LEN));
}

/** Bands of equal width over impact's range (0, K1 + 1): `LEVELS - 1` is the best. */
export function levelOf(s: number): number {
  return Math.max(0, Math.min(LEVELS - 1, Math.floor((s * LEVELS) / (K1 + 1))));
}

export const hotKey = (term: string, kind: SearchKind, level: number) => `${term} ${kind} ${level}`;

export function hotKeys(kind: SearchKind, tf: Record<string, number>, len: number): string[] {
  return Object.entries(tf).map(([term, n]) => hotKey(term, kind, levelOf(impact(n, len))));
}

/** Per term: `df` change and per-band (`<kind>_<level>`) changes between two versions of `hot`. */
export function statDelta(
  before: readonly string[],
  after: readonly string[],
  into = new Map<string, Map<string, number>>(),
): Map<string, Map<string, number>> {
  const bump = (key: string, by: number) => {
    const [term, kind, level] = key.split(" ");
    const inc = into.get(term!) ?? new Map<string, number>();
    inc.set("df", (inc.get("df") ?? 0) + by);
    const band = `lv.${kind}_${level}`;
    inc.set(band, (inc.get(band) ?? 0) + by);
    into.set(term!, inc);
  };
  const old = new Set(before);
  const now = new Set(after);
  for (const k of old) if (!now.has(k)) bump(k, -1);
  for (const k of now) if (!old.has(k)) bump(k, 1);
  return into;
}

/** Apply a delta with `$inc` (commutative, so concurrent writers never lose a count). */
export async function applyStatDelta(delta: Map<string, Map<string, number>>): Promise<void> {
  if (delta.size === 0) return;
  const ops: AnyBulkWriteOperation<SearchStatRecord>[] = [];
  for (const [term, inc] of delta) {
    const $inc = Object.fromEntries([...inc].filter(([, n]) => n !== 0));
    if (Object.keys($inc).length === 0) continue;
    ops.push({ updateOne: { filter: { _id: term }, update: { $inc }, upsert: true } });
  }
  if (ops.length) await SearchStat.bulkWrite(ops, { ordered: false });
}

/**
 * Writes queue their deltas here instead of updating `searchstats` themselves: a post touches a few
 * dozen terms, and one upsert each would cost its write several times its own insert. The queue is
 * flushed a moment later in one batch, and before this process reads statistics, so its own queries
 * always see its own writes; other processes see them within `FLUSH_MS`. What a crash loses only
 * skews band sizes and idf slightly until the next `pnpm reindex`.
 */
const FLUSH_MS = 200;
let pending = new Map<string, Map<string, number>>();
let timer: NodeJS.Timeout | null = null;
let flushing: Promise<void> = Promise.resolve();

export function queueStatDelta(before: readonly string[], after: readonly string[]): void {
  statDelta(before, after, pending);
  if (pending.size === 0 || timer) return;
  timer = setTimeout(() => void flushStats().catch(() => undefined), FLUSH_MS);
  timer.unref();
}

export function flushStats(): Promise<void> {
  if (timer) clearTimeout(timer);
  timer = null;
  const batch = pending;
  pending = new Map();
  // One flush at a time, in order, so a reader awaiting this one also waits for those before it.
  flushing = flushing.catch(() => undefined).then(() => applyStatDelta(batch));
  return flushing;
}

export interface TermStats {
  df: number;
  /** Documents per band, by kind: `bands.get(kind)[level]`. */
  bands: Map<string, number[]>;
}

/** The statistics of some terms, one `_id` lookup (terms never seen have none). */
export async function readStats(terms: readonly string[]): Promise<Map<string, TermStats>> {
  await flushStats();
  const rows = await SearchStat.find({ _id: { $in: [...new Set(terms)] } }).lean();
  const out = new Map<string, TermStats>();
  for (const row of rows) {
    const bands = new Map<string, number[]>();
    for (const [key, n] of Object.entries(row.lv ?? {})) {
      const cut = key.lastIndexOf("_");
      const kind = key.slice(0, cut);
      const list = bands.get(kind) ?? new Array<number>(LEVELS).fill(0);
      list[Number(key.slice(cut + 1))] = n;
      bands.set(kind, list);
    }
    out.set(row._id, { df: Math.max(0, row.df ?? 0), bands });
  }
  return out;
}

import { SEARCH_LIMITS, type SearchKind } from "@rembuk/shared";
import { hotKey, impact, LEVELS, readStats, type TermStats } from "./impact.js";
import type { ParsedQuery } from "./parse.js";
import { SearchDoc, type SearchDocRecord } from "./search.model.js";

/**
 * Candidates and their order (docs/search.md, "Ranking"). A relevance query reads, per kind, the
 * documents in the best impact bands of its rarest term group until it has enough the reader may
 * see (the reader's scope, the filters and the other groups are all conditions of that one indexed
 * query), then ranks them by BM25. A kind whose documents the filters mostly exclude is read through
 * the planner's most selective index instead (`direct`), and so is everything when an author is named.
 */

export type Candidate = Pick<SearchDocRecord, "_id" | "kind" | "createdAt" | "len" | "boost" | "tf">;

export interface RankInput {
  parsed: ParsedQuery;
  /** The reader's scope and the filters, as query conditions. */
  conditions: Record<string, unknown>[];
  kinds: readonly SearchKind[];
  /** Matches wanted per kind (the count cap, or the page's end for the kind asked for). */
  want: (kind: SearchKind) => number;
  sort: "relevance" | "new";
  /** A selective filter (an author): go straight to the planner. */
  selective: boolean;
}

export interface Ranked {
  ranked: Candidate[];
  /** Per kind: exact below `SEARCH_LIMITS.counts.cap`, at least the cap otherwise. */
  counts: Partial<Record<SearchKind, number>>;
}

/** Below this share of a term's documents passing the filters, a kind is read through `direct`. */
const MIN_PASS = 1 / 30;
/** Most documents `direct` reads (then counts are lower bounds: "cap+"). */
const DIRECT_CAP = 2000;

let total = { n: 0, at: 0 };
const TOTAL_TTL_MS = 5 * 60_000;

/** The index's size for idf (metadata, no count); a stale value only shifts every idf alike. */
async function documentCount(now: number): Promise<number> {
  if (now - total.at > TOTAL_TTL_MS || total.n === 0)
    total = { n: await SearchDoc.estimatedDocumentCount(), at: now };
  return total.n;
}

export function resetSearchStats(): void {
  total = { n: 0, at: 0 };
}

const groupCondition = (g: string[]) => ({ terms: g.length === 1 ? g[0] : { $in: g } });

function projection(parsed: ParsedQuery): Record<string, 1> {
  const p: Record<string, 1> = { kind: 1, createdAt: 1, len: 1, boost: 1 };
  for (const g of parsed.groups) for (const t of g) p[`tf.${t}`] = 1;
  return p;
}

/** Documents per band of `kind` summed over a group's terms. */
function bandsOf(group: string[], kind: SearchKind, stats: Map<string, TermStats>): number[] {
  const sum = new Array<number>(LEVELS).fill(0);
  for (const t of group) {
    const b = stats.get(t)?.bands.get(kind);
    if (b) for (let l = 0; l < LEVELS; l++) sum[l]! += b[l]!;
  }
  return sum;
}

interface KindState {
  bands: number[];
  /** The next band to read (downwards). */
  next: number;
  read: number;
  found: number;
  exhausted: boolean;
}

async function byImpact(input: RankInput, stats: Map<string, TermStats>, drive: number) {
  const { parsed } = input;
  const group = parsed.groups[drive]!;
  const rest = parsed.groups.filter((_, i) => i !== drive).map(groupCondition);
  const states = new Map<SearchKind, KindState>();
  for (const kind of input.kinds) {
    const bands = bandsOf(group, kind, stats);
    states.set(kind, { bands, next: LEVELS - 1, read: 0, found: 0, exhausted: bands.every((n) => n === 0) });
  }
  const found = new Map<string, Candidate>();
  const slow: SearchKind[] = [];
  for (let round = 0; round < 8; round++) {
    const keys: string[] = [];
    for (const [kind, s] of states) {
      const need = input.want(kind) - s.found;
      if (s.exhausted || need <= 0 || slow.includes(kind)) continue;
      const rate = s.read === 0 ? 1 : s.found / s.read;
      if (s.read >= 100 && rate < MIN_PASS) {
        slow.push(kind);
        continue;
      }
      // Read enough bands for what is missing at the pass rate seen so far.
      const goal = need / Math.max(rate, MIN_PASS);
      let raw = 0;
      while (s.next >= 0 && raw < goal) {
        if (s.bands[s.next]! > 0) {
          raw += s.bands[s.next]!;
          for (const t of group) keys.push(hotKey(t, kind, s.next));
        }
        s.next--;
      }
      s.read += raw;
      if (!s.bands.slice(0, s.next + 1).some((n) => n > 0)) s.exhausted = true;
    }
    if (keys.length === 0) break;
    const rows = await SearchDoc.find(
      { hot: { $in: keys }, $and: [...rest, ...input.conditions] },
      projection(parsed),
    ).lean<Candidate[]>();
    for (const row of rows) {
      if (found.has(row._id)) continue;
      found.set(row._id, row);
      states.get(row.kind)!.found++;
    }
  }
  const counts: Partial<Record<SearchKind, number>> = {};
  for (const [kind, s] of states) if (s.found > 0 && !slow.includes(kind)) counts[kind] = s.found;
  return { candidates: [...found.values()], counts, slow };
}

const byNew = (a: Candidate, b: Candidate) =>
  b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? -1 : 1);

/** Every match through the planner's choice of index (at most `DIRECT_CAP`), optionally newest first. */
async function direct(input: RankInput, kinds: readonly SearchKind[], newest: boolean) {
  const filter = {
    $and: [...input.parsed.groups.map(groupCondition), ...input.conditions, { kind: { $in: kinds } }],
  };
  let find = SearchDoc.find(filter, projection(input.parsed)).limit(DIRECT_CAP + 1);
  if (newest) find = find.sort({ createdAt: -1, _id: 1 });
  const rows = await find.lean<Candidate[]>();
  const counts: Partial<Record<SearchKind, number>> = {};
  for (const r of rows.slice(0, DIRECT_CAP)) counts[r.kind] = (counts[r.kind] ?? 0) + 1;
  return { candidates: rows.slice(0, DIRECT_CAP), counts };
}

export async function rank(input: RankInput): Promise<Ranked> {
  const { parsed } = input;
  const now = Date.now();
  const stats = await readStats(parsed.groups.flat());
  const dfs = parsed.groups.map((g) => g.reduce((n, t) => n + (stats.get(t)?.df ?? 0), 0));
  const drive = dfs.indexOf(Math.min(...dfs));
  const common = (dfs[drive] ?? 0) > SEARCH_LIMITS.counts.cap;
  let candidates: Candidate[];
  let counts: Partial<Record<SearchKind, number>>;
  if (input.sort === "new" || parsed.groups.length === 0) {
    // Newest first reads every match (up to the cap) through the planner's index; a common term's
    // counts come from the impact read, which stops at the cap.
    const [byDate, forCounts] = await Promise.all([
      direct(input, input.kinds, true),
      common && parsed.groups.length > 0 ? rank({ ...input, sort: "relevance" }) : null,
    ]);
    return { ranked: byDate.candidates, counts: forCounts?.counts ?? byDate.counts };
  }
  if (input.selective || !common) {
    ({ candidates, counts } = await direct(input, input.kinds, false));
  } else {
    const impactRead = await byImpact(input, stats, drive);
    ({ candidates, counts } = impactRead);
    if (impactRead.slow.length) {
      const more = await direct(input, impactRead.slow, false);
      candidates = candidates.concat(more.candidates);
      counts = { ...counts, ...more.counts };
    }
  }

  const n = Math.max(await documentCount(now), 1);
  const idf = dfs.map((df) => Math.log(1 + (n - df + 0.5) / (df + 0.5)));
  const scored = candidates.map((c) => {
    let score = 0;
    parsed.groups.forEach((g, i) => {
      // The word as typed counts fully; words it is only the beginning of count half.
      const tf = g.reduce((s, t, j) => s + (c.tf?.[t] ?? 0) * (j === 0 ? 1 : 0.5), 0);
      if (tf > 0) score += idf[i]! * impact(tf, c.len);
    });
    return { c, score };
  });
  scored.sort((a, b) => b.score - a.score || b.c.boost - a.c.boost || byNew(a.c, b.c));
  return { ranked: scored.map((s) => s.c), counts };
}

import {
  type SearchKind,
  type SearchQuery,
  type SearchResponse,
  type SuggestQuery,
  type SuggestResponse,
} from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { parseQuery, type ParsedQuery } from "./parse.js";
import { readerScope } from "./scope.js";
import { SearchDoc, type SearchDocRecord } from "./search.model.js";
import { snippet } from "./snippet.js";
import { ensureRegionsIndexed } from "./regions.js";
import { ensureSynonymsLoaded } from "./synonyms.js";

/**
 * Search over `searchdocs`: the multikey `terms` index finds the candidates (every query group must
 * match, inside the reader's scope and filters), BM25 over the field-weighted counts ranks them, and
 * recency and curation break ties. Candidates are capped; past the cap the newest matches are ranked
 * and counted.
 */
const CANDIDATES = 1000;
const K1 = 1.2;
const B = 0.75;

type Candidate = Pick<SearchDocRecord, "_id" | "kind" | "createdAt" | "len" | "boost" | "tf">;

/** Document frequencies change slowly; a stale idf only shifts scores a little. */
const dfCache = new Map<string, { df: number; at: number }>();
let total = { n: 0, at: 0 };
const DF_TTL_MS = 5 * 60_000;

async function documentFrequency(term: string, now: number): Promise<number> {
  const hit = dfCache.get(term);
  if (hit && now - hit.at < DF_TTL_MS) return hit.df;
  const df = await SearchDoc.countDocuments({ terms: term });
  if (dfCache.size > 50_000) dfCache.clear();
  dfCache.set(term, { df, at: now });
  return df;
}

async function documentCount(now: number): Promise<number> {
  if (now - total.at > DF_TTL_MS || total.n === 0)
    total = { n: await SearchDoc.estimatedDocumentCount(), at: now };
  return total.n;
}

/** Forget cached statistics (tests and the rebuild, which change the whole index). */
export function resetSearchStats(): void {
  dfCache.clear();
  total = { n: 0, at: 0 };
}

interface Filters {
  conditions: Record<string, unknown>[];
  /** A filter names something the reader cannot see: nothing matches. */
  empty: boolean;
}

function filtersOf(query: Partial<SearchQuery>, roomsBySlug: Map<string, unknown>): Filters {
  const conditions: Record<string, unknown>[] = [];
  if (query.room) {
    const id = roomsBySlug.get(query.room);
    if (!id) return { conditions, empty: true };
    conditions.push({ roomId: id });
  }
  if (query.region) conditions.push({ regionCodes: query.region });
  if (query.sector) conditions.push({ sector: query.sector });
  if (query.author) conditions.push({ authorId: query.author });
  const range: Record<string, Date> = {};
  if (query.from) range.$gte = new Date(`${query.from}T00:00:00.000Z`);
  if (query.to) range.$lt = new Date(new Date(`${query.to}T00:00:00.000Z`).getTime() + 86_400_000);
  if (Object.keys(range).length) conditions.push({ createdAt: range });
  return { conditions, empty: false };
}

interface Ranked {
  ranked: Candidate[];
  counts: Partial<Record<SearchKind, number>>;
}

async function rank(
  parsed: ParsedQuery,
  scope: Record<string, unknown>,
  filters: Filters,
  opts: { kinds?: readonly SearchKind[]; sort: "relevance" | "new"; cap: number; withCounts: boolean },
): Promise<Ranked> {
  if (filters.empty) return { ranked: [], counts: {} };
  const now = Date.now();
  const dfs = await Promise.all(
    parsed.groups.map(async (g) =>
      (await Promise.all(g.map((t) => documentFrequency(t, now)))).reduce((a, b) => a + b, 0),
    ),
  );
  const order = parsed.groups.map((g, i) => ({ g, df: dfs[i]! })).sort((a, b) => a.df - b.df);
  const [rarest, ...rest] = order;
  const kindCondition = opts.kinds ? [{ kind: { $in: opts.kinds } }] : [];
  const and = [
    ...rest.map(({ g }) => ({ terms: g.length === 1 ? g[0] : { $in: g } })),
    scope,
    ...filters.conditions,
  ];
  const filter = rarest
    ? { terms: rarest.g.length === 1 ? rarest.g[0] : { $in: rarest.g }, $and: [...and, ...kindCondition] }
    : { $and: [...and, ...kindCondition] };
  const projection: Record<string, 1> = { kind: 1, createdAt: 1, len: 1, boost: 1 };
  for (const g of parsed.groups) for (const t of g) projection[`tf.${t}`] = 1;

  // A rare term: its index entries are the candidates. A common one (or none): walk the newest
  // documents and stop at the cap, instead of reading every match (docs/search.md, "Ranking").
  const common = !rarest || rarest.df > opts.cap * 2;
  let find = SearchDoc.find(filter, projection).limit(opts.cap + 1);
  find = common ? find.sort({ createdAt: -1 }).hint({ createdAt: -1 }) : find.hint({ terms: 1 });
  const found = await find.lean<Candidate[]>();
  const capped = found.length > opts.cap;
  const candidates = capped ? found.slice(0, opts.cap) : found;

  // Exact up to the cap; past it, what the reader's newest matches hold (a lower bound; the page says
  // "1000+"). Only documents the reader may see are ever counted.
  const counts: Partial<Record<SearchKind, number>> = {};
  if (opts.withCounts) for (const c of candidates) counts[c.kind] = (counts[c.kind] ?? 0) + 1;

  const n = Math.max(await documentCount(now), 1);
  const avg = candidates.reduce((s, c) => s + c.len, 0) / Math.max(candidates.length, 1) || 1;
  const idf = parsed.groups.map((_, i) => Math.log(1 + (n - dfs[i]! + 0.5) / (dfs[i]! + 0.5)));
  const scored = candidates.map((c) => {
    let score = 0;
    parsed.groups.forEach((g, i) => {
      // The word as typed counts fully; words it is only the beginning of count half.
      const tf = g.reduce((s, t, j) => s + (c.tf?.[t] ?? 0) * (j === 0 ? 1 : 0.5), 0);
      score += (idf[i]! * tf * (K1 + 1)) / (tf + K1 * (1 - B + (B * c.len) / avg));
    });
    return { c, score };
  });
  const byNew = (a: Candidate, b: Candidate) =>
    b.createdAt.getTime() - a.createdAt.getTime() || (a._id < b._id ? -1 : 1);
  scored.sort((a, b) =>
    opts.sort === "new" ? byNew(a.c, b.c) : b.score - a.score || b.c.boost - a.c.boost || byNew(a.c, b.c),
  );
  return { ranked: scored.map((s) => s.c), counts };
}

const iso = (d: Date) => (d.getTime() > 0 ? d.toISOString() : undefined);

/** `GET /search` for `actor`: results, counts per kind and the next page's cursor (an offset). */
export async function search(actor: Actor | null, query: SearchQuery): Promise<SearchResponse> {
  await Promise.all([ensureSynonymsLoaded(), ensureRegionsIndexed()]);
  const parsed = await parseQuery(query.q, { typeahead: true });
  const filtering =
    query.room || query.region || query.sector || query.author || query.from || query.to || query.kind;
  if (parsed.groups.length === 0 && !filtering) return { results: [], counts: {}, nextCursor: null };
  const scope = await readerScope(actor);
  const filters = filtersOf(query, scope.roomsBySlug);
  const { ranked, counts } = await rank(parsed, scope.filter, filters, {
    sort: query.sort,
    cap: CANDIDATES,
    withCounts: true,
    kinds: parsed.groups.length === 0 && query.kind ? [query.kind] : undefined,
  });
  const ofKind = query.kind ? ranked.filter((c) => c.kind === query.kind) : ranked;
  const offset = query.cursor ? Number(query.cursor) : 0;
  const page = ofKind.slice(offset, offset + query.limit);
  const docs = await SearchDoc.find(
    { _id: { $in: page.map((c) => c._id) } },
    { terms: 0, tf: 0, viewers: 0 },
  ).lean();
  const byId = new Map(docs.map((d) => [d._id, d]));
  const terms = new Set(parsed.groups.flat());
  const results = page.flatMap((c) => {
    const d = byId.get(c._id);
    if (!d) return [];
    return [
      {
        kind: d.kind,
        id: d.refId,
        title: d.title,
        snippet: snippet(d.text || d.title, terms, parsed.prefix),
        url: d.url,
        ...(d.threadId ? { threadId: d.threadId } : {}),
        ...(d.roomSlug ? { roomSlug: d.roomSlug } : {}),
        ...(d.regionCode ? { regionCode: d.regionCode } : {}),
        ...(iso(d.createdAt) ? { createdAt: iso(d.createdAt) } : {}),
        ...(d.stage ? { stage: d.stage } : {}),
        ...(d.adoptionCount !== null && d.kind === "practice" ? { adoptionCount: d.adoptionCount } : {}),
      },
    ];
  });
  const next = offset + query.limit;
  return { results, counts, nextCursor: next < ofKind.length ? String(next) : null };
}

const SUGGEST_KINDS: readonly SearchKind[] = ["practice", "thread", "person", "region", "room"];
const SUGGEST_CANDIDATES = 150;

/** `GET /search/suggest`: titles as you type (practices, threads, people, regions, rooms). */
export async function suggest(actor: Actor | null, query: SuggestQuery): Promise<SuggestResponse> {
  await Promise.all([ensureSynonymsLoaded(), ensureRegionsIndexed()]);
  const parsed = await parseQuery(query.q, { typeahead: true });
  if (parsed.groups.length === 0) return { suggestions: [] };
  const scope = await readerScope(actor);
  const { ranked } = await rank(
    parsed,
    scope.filter,
    { conditions: [], empty: false },
    {
      kinds: SUGGEST_KINDS,
      sort: "relevance",
      cap: SUGGEST_CANDIDATES,
      withCounts: false,
    },
  );
  const top = ranked.slice(0, query.limit);
  const docs = await SearchDoc.find(
    { _id: { $in: top.map((c) => c._id) } },
    { kind: 1, refId: 1, title: 1, url: 1 },
  ).lean();
  const byId = new Map(docs.map((d) => [d._id, d]));
  return {
    suggestions: top.flatMap((c) => {
      const d = byId.get(c._id);
      return d ? [{ kind: d.kind, id: d.refId, title: d.title, url: d.url }] : [];
    }),
  };
}

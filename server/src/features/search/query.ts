import {
  SEARCH_KINDS,
  SEARCH_LIMITS,
  type SearchKind,
  type SearchQuery,
  type SearchResponse,
  type SuggestQuery,
  type SuggestResponse,
} from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { ensureIndexFormat } from "./format.js";
import { parseQuery } from "./parse.js";
import { rank } from "./rank.js";
import { readerScope } from "./scope.js";
import { SearchDoc } from "./search.model.js";
import { snippet } from "./snippet.js";
import { ensureRegionsIndexed } from "./regions.js";
import { ensureSynonymsLoaded } from "./synonyms.js";

/**
 * `GET /search` and `GET /search/suggest` over `searchdocs`: the query is parsed into term groups,
 * rank.ts finds and orders the candidates inside the reader's scope and filters, and the page's
 * documents are read once more for their titles, snippets and places.
 */

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

async function ready(): Promise<void> {
  await Promise.all([ensureSynonymsLoaded(), ensureRegionsIndexed(), ensureIndexFormat()]);
}

const iso = (d: Date) => (d.getTime() > 0 ? d.toISOString() : undefined);

/** `GET /search` for `actor`: results, counts per kind and the next page's cursor (an offset). */
export async function search(actor: Actor | null, query: SearchQuery): Promise<SearchResponse> {
  await ready();
  const parsed = await parseQuery(query.q, { typeahead: true });
  const filtering =
    query.room || query.region || query.sector || query.author || query.from || query.to || query.kind;
  if (parsed.groups.length === 0 && !filtering) return { results: [], counts: {}, nextCursor: null };
  const scope = await readerScope(actor);
  const filters = filtersOf(query, scope.roomsBySlug);
  if (filters.empty) return { results: [], counts: {}, nextCursor: null };
  const offset = query.cursor ? Number(query.cursor) : 0;
  const end = offset + query.limit + 1;
  const cap = SEARCH_LIMITS.counts.cap;
  // Counts label every kind's tab, so every kind is read; the kind asked for as far as its page.
  const { ranked, counts } = await rank({
    parsed,
    conditions: [scope.filter, ...filters.conditions],
    kinds: parsed.groups.length === 0 && query.kind ? [query.kind] : SEARCH_KINDS,
    want: (kind) => (!query.kind || kind === query.kind ? Math.max(cap, end) : cap),
    sort: query.sort,
    selective: Boolean(query.author),
  });
  const ofKind = query.kind ? ranked.filter((c) => c.kind === query.kind) : ranked;
  const page = ofKind.slice(offset, offset + query.limit);
  const docs = await SearchDoc.find(
    { _id: { $in: page.map((c) => c._id) } },
    { terms: 0, tf: 0, hot: 0, viewers: 0 },
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

/** `GET /search/suggest`: titles as you type (practices, threads, people, regions, rooms). */
export async function suggest(actor: Actor | null, query: SuggestQuery): Promise<SuggestResponse> {
  await ready();
  const parsed = await parseQuery(query.q, { typeahead: true });
  if (parsed.groups.length === 0) return { suggestions: [] };
  const scope = await readerScope(actor);
  const { ranked } = await rank({
    parsed,
    conditions: [scope.filter],
    kinds: SUGGEST_KINDS,
    want: () => query.limit,
    sort: "relevance",
    selective: false,
  });
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

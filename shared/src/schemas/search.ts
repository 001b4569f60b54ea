import { z } from "zod";
import { ObjectIdString } from "./common.js";

/** What search can find (DESIGN.md §9); `thread` is a discussion, `question` a Q&A question of an archived session. */
export const SEARCH_KINDS = ["practice", "thread", "post", "question", "person", "region", "room"] as const;
export const SearchKind = z.enum(SEARCH_KINDS);
export type SearchKind = z.infer<typeof SearchKind>;

export const SEARCH_LIMITS = {
  query: { max: 200 },
  page: { default: 20, max: 50 },
  suggest: { default: 8, max: 15 },
  /** Counts per kind are exact below this and read "50+" from it on (docs/search.md, "Ranking"). */
  counts: { cap: 50 },
} as const;

const day = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Use YYYY-MM-DD");

/** `GET /search?…`: every filter combinable, all of them in the page's URL. */
export const SearchQuery = z.object({
  q: z.string().trim().max(SEARCH_LIMITS.query.max).default(""),
  kind: SearchKind.optional(),
  room: z.string().trim().min(1).max(80).optional(),
  region: z
    .string()
    .regex(/^\d{2}(\.\d{2})?$/, "A region code like 33 or 33.73")
    .optional(),
  sector: z.string().trim().min(1).max(60).optional(),
  author: ObjectIdString.optional(),
  from: day.optional(),
  to: day.optional(),
  sort: z.enum(["relevance", "new"]).default("relevance"),
  cursor: z
    .string()
    .regex(/^\d{1,5}$/, "Malformed cursor")
    .optional(),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMITS.page.max).default(SEARCH_LIMITS.page.default),
});
export type SearchQuery = z.infer<typeof SearchQuery>;

export const SearchResultDto = z.object({
  kind: SearchKind,
  id: z.string(),
  title: z.string(),
  /** HTML whose only tag is `<mark>` (everything else escaped). */
  snippet: z.string(),
  url: z.string(),
  threadId: z.string().optional(),
  roomSlug: z.string().optional(),
  regionCode: z.string().optional(),
  createdAt: z.string().optional(),
  /** Practices: their stage and adoptions not abandoned. */
  stage: z.string().optional(),
  adoptionCount: z.number().optional(),
});
export type SearchResultDto = z.infer<typeof SearchResultDto>;

export const SearchResponse = z.object({
  results: z.array(SearchResultDto),
  counts: z.partialRecord(SearchKind, z.number()),
  nextCursor: z.string().nullable(),
});
export type SearchResponse = z.infer<typeof SearchResponse>;

export const SuggestQuery = z.object({
  q: z.string().trim().max(SEARCH_LIMITS.query.max).default(""),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMITS.suggest.max).default(SEARCH_LIMITS.suggest.default),
});
export type SuggestQuery = z.infer<typeof SuggestQuery>;

export const SuggestionDto = z.object({
  kind: SearchKind,
  id: z.string(),
  title: z.string(),
  url: z.string(),
});
export type SuggestionDto = z.infer<typeof SuggestionDto>;
export const SuggestResponse = z.object({ suggestions: z.array(SuggestionDto) });
export type SuggestResponse = z.infer<typeof SuggestResponse>;

/**
 * One synonym group: every variant (an acronym, its expansion, a regional word) finds the others.
 * Variants are written as people type them; the server folds and stems them.
 */
export const SynonymGroup = z.object({
  variants: z.array(z.string().trim().min(1).max(80)).min(2).max(12),
});
export type SynonymGroup = z.infer<typeof SynonymGroup>;
export const SynonymList = z.object({ groups: z.array(SynonymGroup).max(500) });
export type SynonymList = z.infer<typeof SynonymList>;

import { SearchResponse, SuggestResponse, type SearchKind } from "@rembuk/shared";
import { api } from "../../lib/api";

/** What the results page puts in its URL (every filter) and sends to `GET /search`. */
export interface SearchParams {
  q: string;
  kind?: SearchKind;
  room?: string;
  region?: string;
  sector?: string;
  author?: string;
  from?: string;
  to?: string;
  sort?: "relevance" | "new";
}

export const searchApi = {
  search: (params: SearchParams, cursor: string | null, signal?: AbortSignal) =>
    api.get("/search", SearchResponse, { query: { ...params, cursor }, signal }),
  suggest: (q: string, signal?: AbortSignal) =>
    api.get("/search/suggest", SuggestResponse, { query: { q, limit: 8 }, signal }),
};

/**
 * The server sends snippets whose only tag is `<mark>`; this keeps that true even if a response were
 * tampered with: every other tag is dropped before the HTML is used.
 */
export function safeSnippet(html: string): string {
  return html.replace(/<(?!\/?mark>)[^>]*>/gi, "");
}

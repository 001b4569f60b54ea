import { searchCommands, type SearchKind } from "@rembuk/shared";
import { send } from "../../lib/send";

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
    send(searchCommands.search, { ...params, ...(cursor ? { cursor } : {}) }, { signal }),
  suggest: (q: string, signal?: AbortSignal) => send(searchCommands.suggest, { q, limit: 8 }, { signal }),
};

/**
 * The server sends snippets whose only tag is `<mark>`; this keeps that true even if a response were
 * tampered with: every other tag is dropped before the HTML is used.
 */
export function safeSnippet(html: string): string {
  return html.replace(/<(?!\/?mark>)[^>]*>/gi, "");
}

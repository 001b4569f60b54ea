import { z } from "zod";
import {
  SearchQuery,
  SearchResponse,
  SuggestQuery,
  SuggestResponse,
  SynonymList,
} from "../schemas/search.js";
import { defineCommand } from "./define.js";

/** Search (DESIGN.md §9, docs/search.md): what the reader may see, as they type. */
export const searchCommands = {
  search: defineCommand({
    name: "search.search",
    summary: "Search practices, threads, posts, archived Q&A, people, regions and rooms",
    input: SearchQuery,
    output: SearchResponse,
    http: { method: "GET", path: "/search" },
  }),
  suggest: defineCommand({
    name: "search.suggest",
    summary: "Titles that match what is being typed (practices, threads, people, regions, rooms)",
    input: SuggestQuery,
    output: SuggestResponse,
    http: { method: "GET", path: "/search/suggest" },
  }),
  synonyms: defineCommand({
    name: "search.synonyms",
    summary: "The synonym and acronym list search uses",
    input: z.object({}),
    output: SynonymList,
    http: { method: "GET", path: "/search/synonyms" },
  }),
  setSynonyms: defineCommand({
    name: "search.setSynonyms",
    summary: "Replace the synonym and acronym list (admins); the index is rebuilt in the background",
    input: SynonymList,
    output: SynonymList,
    http: { method: "PUT", path: "/search/synonyms" },
  }),
} as const;

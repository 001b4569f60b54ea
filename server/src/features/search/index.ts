/**
 * The search feature's front door: what the rest of the server (registry, scripts, bench) uses.
 * How it works: docs/search.md.
 */
export { searchHandlers } from "./search.commands.js";
export { searchPolicy } from "./search.policy.js";
export { bindSearchIndexing } from "./search.events.js";
export { reindexAll, type ReindexProgress } from "./reindex.js";
export { search, suggest } from "./query.js";
export { resetSearchStats } from "./rank.js";
export { indexPost, indexThread, indexUser, indexRoom, indexQuestion, indexSession } from "./indexer.js";
export { SearchDoc, SearchTerm, SearchStat } from "./search.model.js";
export { analyse, termOf, fold } from "./text.js";

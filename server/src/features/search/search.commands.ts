import { searchCommands } from "@rembuk/shared";
import { handle, type BoundCommand } from "../../lib/commands/handle.js";
import { assertCan } from "../../lib/policy.js";
import { search, suggest } from "./query.js";
import { reindexAll } from "./reindex.js";
import { bindSearchIndexing } from "./search.events.js";
import { loadSynonyms, saveSynonyms } from "./synonyms.js";

/** Search's commands (shared/src/commands/search.ts) bound to the feature. */
export function searchHandlers(): BoundCommand[] {
  // Mounting search is what turns indexing on, so every app (server, tests) keeps its index fresh.
  bindSearchIndexing();
  return [
    handle(searchCommands.search, async (query, { actor }) => search(actor, query)),
    handle(searchCommands.suggest, async (query, { actor }) => suggest(actor, query)),
    handle(searchCommands.synonyms, async () => ({ groups: await loadSynonyms() })),
    handle(searchCommands.setSynonyms, async ({ groups }, { member }) => {
      assertCan(member(), "search.editSynonyms");
      const saved = await saveSynonyms(groups);
      // Documents carry synonym keys: rebuild in the background so existing text follows the new list.
      void reindexAll().catch(() => undefined);
      return { groups: saved };
    }),
  ];
}

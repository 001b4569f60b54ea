import { Router } from "express";
import { SearchQuery, SuggestQuery, SynonymList } from "@rembuk/shared";
import { assertCan } from "../../lib/policy.js";
import { actorOf, limit, requireActor, requireAuth } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import { parseOrThrow } from "../../lib/zodErrors.js";
import { search, suggest } from "./query.js";
import { bindSearchIndexing } from "./search.events.js";
import { reindexAll } from "./reindex.js";
import { loadSynonyms, saveSynonyms } from "./synonyms.js";

/** `GET /search`, `GET /search/suggest` (DESIGN.md §9) and the admins' synonym list. */
export function searchRouter(): Router {
  // Mounting search is what turns indexing on, so every app (server, tests) keeps its index fresh.
  bindSearchIndexing();
  const router = Router();
  router.get("/search", async (req, res) => {
    res.set("Cache-Control", "no-store");
    res.json(await search(actorOf(res), parseOrThrow(SearchQuery, req.query)));
  });
  router.get("/search/suggest", async (req, res) => {
    res.set("Cache-Control", "no-store");
    res.json(await suggest(actorOf(res), parseOrThrow(SuggestQuery, req.query)));
  });
  router.get("/search/synonyms", async (_req, res) => {
    res.json({ groups: await loadSynonyms() });
  });
  router.put(
    "/search/synonyms",
    requireAuth,
    limit("write"),
    validate(SynonymList, "body", async (list, _req, res) => {
      assertCan(requireActor(res), "search.editSynonyms");
      const groups = await saveSynonyms(list.groups);
      // Documents carry synonym keys: rebuild in the background so existing text follows the new list.
      void reindexAll().catch(() => undefined);
      res.json({ groups });
    }),
  );
  return router;
}

import { listRegions } from "../taxonomy/index.js";
import { indexRegions } from "./indexer.js";
import { SearchDoc } from "./search.model.js";

let ready: Promise<void> | null = null;

/**
 * Regions come from the bundled dataset, not from writes: the first search of a process makes sure
 * they are in the index (a no-op once they are), so a new database needs no `pnpm reindex` for them.
 */
export function ensureRegionsIndexed(): Promise<void> {
  ready ??= (async () => {
    const regions = listRegions();
    const have = await SearchDoc.countDocuments({ kind: "region" });
    if (have >= regions.length) return;
    await indexRegions(regions);
  })().catch((err: unknown) => {
    ready = null;
    throw err;
  });
  return ready;
}

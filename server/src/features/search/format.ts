import { logger } from "../../lib/logger.js";
import { reindexAll } from "./reindex.js";
import { SearchDoc, SearchFormat } from "./search.model.js";

/** 2: documents carry impact bands (`hot`) and `searchstats` counts them (impact.ts). */
const VERSION = 2;

let ready: Promise<void> | null = null;

/**
 * An index written by an older layout lacks what queries now read: the first search of a process
 * rebuilds it once, in the background (search answers from what is there meanwhile), and records the
 * layout. An index without such documents (a new one) needs nothing.
 */
export function ensureIndexFormat(): Promise<void> {
  ready ??= (async () => {
    const stored = await SearchFormat.findById("format").lean();
    if (stored?.version === VERSION) return;
    const mark = () =>
      SearchFormat.updateOne({ _id: "format" }, { $set: { version: VERSION } }, { upsert: true });
    // Documents of the older layout have no `hot` (an index lookup of null on `hot_1`).
    if (!(await SearchDoc.exists({ hot: null }))) return void (await mark());
    logger.info({ version: VERSION }, "search index layout changed: rebuilding it in the background");
    void reindexAll()
      .then(mark)
      .catch((err: unknown) => logger.error({ err }, "search index rebuild failed"));
  })().catch((err: unknown) => {
    ready = null;
    throw err;
  });
  return ready;
}

import { stdout } from "node:process";
import { loadConfig } from "../config.js";
import { runScript } from "./runScript.js";
import { connectDb, syncAllIndexes } from "../lib/db.js";
import { reindexAll } from "../features/search/index.js";

/**
 * `pnpm reindex`: rebuild the whole search index from the records, printing progress. Safe while the
 * server runs (search keeps answering; documents are replaced in place). Database as for
 * create-admin: MONGODB_URI, or the embedded database in DATA_DIR (through a running server's).
 */
async function main(): Promise<number> {
  const config = loadConfig();
  const db = await connectDb(config, { attachToRunning: true });
  try {
    await syncAllIndexes();
    const started = performance.now();
    let last = "";
    const { documents } = await reindexAll((p) => {
      const line = `${p.phase.padEnd(9)} ${p.done}/${p.total} (${Math.round((p.done / Math.max(p.total, 1)) * 100)}%)`;
      if (line !== last) stdout.write(`${line}\n`);
      last = line;
    });
    stdout.write(
      `Indeks pencarian dibangun ulang: ${documents} dokumen dalam ${((performance.now() - started) / 1000).toFixed(1)} s.\n`,
    );
    return 0;
  } finally {
    await db.close();
  }
}

runScript(main);

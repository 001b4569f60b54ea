import path from "node:path";
import { CursorRegistry } from "./cursors.js";
import type { ServerStats } from "./commands/context.js";
import { Journal } from "./journal/journal.js";
import { Engine } from "./storage/engine.js";
import { expireDocuments } from "./storage/ttl.js";
import { WireServer } from "./server.js";

export interface DevDbOptions {
  /** Where data lives; default `./data/devdb` (relative to the working directory). Ignored when inMemory. */
  dataDir?: string;
  /** TCP port on 127.0.0.1; 0 (the default) picks a free one. */
  port?: number;
  /** Keep everything in memory, no files: for tests. */
  inMemory?: boolean;
  /** How often expired TTL documents are removed; default 1000 ms. */
  ttlIntervalMs?: number;
  /** Journal size that triggers compaction; default 16 MiB. */
  compactBytes?: number;
}

export interface DevDb {
  uri: string;
  port: number;
  /** Closes connections, flushes the journal and closes files. Idempotent. */
  stop(): Promise<void>;
  /** Writes a snapshot and starts a fresh journal now. */
  compact(): Promise<void>;
}

export async function startDevDb(options: DevDbOptions = {}): Promise<DevDb> {
  const engine = new Engine();
  let journal: Journal | null = null;
  if (!options.inMemory) {
    const dir = path.resolve(options.dataDir ?? "data/devdb");
    journal = Journal.open(
      dir,
      (rec) => engine.applyRecord(rec),
      () => engine.snapshotRecords(),
      {
        compactBytes: options.compactBytes,
      },
    );
    engine.persistence = journal;
  }
  const cursors = new CursorRegistry();
  const stats: ServerStats = {
    startedAt: new Date(),
    connectionsCurrent: 0,
    connectionsTotal: 0,
    opcounters: { insert: 0, query: 0, update: 0, delete: 0, getmore: 0, command: 0 },
  };
  const server = new WireServer(engine, cursors, stats);
  let port: number;
  try {
    port = await server.listen(options.port ?? 0);
  } catch (err) {
    await journal?.close();
    throw err;
  }
  const ttlTimer = setInterval(() => {
    try {
      if (expireDocuments(engine) > 0) void engine.commit().catch(() => undefined);
      cursors.sweep();
    } catch {
      /* housekeeping must never take the server down */
    }
  }, options.ttlIntervalMs ?? 1000);
  ttlTimer.unref();

  let stopping: Promise<void> | null = null;
  return {
    uri: `mongodb://127.0.0.1:${port}/`,
    port,
    stop() {
      stopping ??= (async () => {
        clearInterval(ttlTimer);
        await server.close();
        cursors.clear();
        await journal?.close();
      })();
      return stopping;
    },
    async compact() {
      await journal?.compact();
    },
  };
}

import path from "node:path";
import { randomCredentials, Users, type Credentials } from "./auth/users.js";
import { CursorRegistry } from "./cursors.js";
import type { FailPoints, ServerStats } from "./commands/context.js";
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
  /**
   * The one (root) user, in the `admin` database. Default: user `devdb` with a random password,
   * new at every start. Clients must authenticate (SCRAM-SHA-256 or SCRAM-SHA-1).
   */
  credentials?: Credentials;
  /** Like mongod's `enableTestCommands`: allows `configureFailPoint` (tests only). */
  enableTestCommands?: boolean;
}

export type { Credentials };
export { exportDatabase, type ExportSummary } from "./dump/export.js";
export { importDatabase, type ImportOptions, type ImportSummary } from "./dump/import.js";

export interface DevDb {
  /** `mongodb://user:password@127.0.0.1:PORT/`: credentials included, authSource `admin`. */
  uri: string;
  port: number;
  credentials: Credentials;
  /** The URI of one database (`…/name?authSource=admin`), for clients that take it from the path. */
  uriFor(dbName: string): string;
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
  const credentials = options.credentials ?? randomCredentials();
  const failPoints: FailPoints | null = options.enableTestCommands ? { maxTimeAlwaysTimeOut: false } : null;
  const server = new WireServer(engine, cursors, stats, new Users(credentials), failPoints);
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
  const base = `mongodb://${encodeURIComponent(credentials.username)}:${encodeURIComponent(credentials.password)}@127.0.0.1:${port}/`;
  return {
    uri: base,
    port,
    credentials,
    uriFor: (dbName) => `${base}${encodeURIComponent(dbName)}?authSource=admin`,
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

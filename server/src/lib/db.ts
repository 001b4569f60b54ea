import { readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import mongoose from "mongoose";
import type { Config } from "../config.js";
import { logger } from "./logger.js";

export type DbKind = "embedded" | "mongodb";

export interface Db {
  kind: DbKind;
  connection: mongoose.Connection;
  /** Disconnect Mongoose, then stop the embedded server (which flushes its journal). */
  close(): Promise<void>;
}

/** Database name used on the embedded server (a real MongoDB uses the one in its URI). */
const EMBEDDED_DB_NAME = "rembuk";

/**
 * Connect the default Mongoose connection (models are registered on it) to MONGODB_URI, or start the
 * embedded devdb and connect to that: persistent under DATA_DIR/devdb, or in memory for tests.
 * Indexes are synchronised explicitly once the models are loaded (`syncAllIndexes`), never lazily.
 */
export async function connectDb(config: Config, opts: { attachToRunning?: boolean } = {}): Promise<Db> {
  mongoose.set("strictQuery", true);
  mongoose.set("autoIndex", false);

  if (config.mongodbUri) {
    await mongoose.connect(config.mongodbUri, { serverSelectionTimeoutMS: 10_000 });
    return { kind: "mongodb", connection: mongoose.connection, close: () => mongoose.disconnect() };
  }

  const discovery = join(config.dataDir, "embedded-db.json");
  if (opts.attachToRunning && !config.devdbInMemory) {
    const running = runningEmbeddedDb(discovery);
    if (running) {
      await mongoose.connect(running, { dbName: EMBEDDED_DB_NAME, serverSelectionTimeoutMS: 5_000 });
      return { kind: "embedded", connection: mongoose.connection, close: () => mongoose.disconnect() };
    }
  }

  // Loaded only when needed, so a production deployment on a real MongoDB never touches devdb.
  const { startDevDb } = await import("@rembuk/devdb");
  const devdb = await startDevDb(
    config.devdbInMemory ? { inMemory: true } : { dataDir: join(config.dataDir, "devdb") },
  );
  try {
    await mongoose.connect(devdb.uri, { dbName: EMBEDDED_DB_NAME, serverSelectionTimeoutMS: 10_000 });
  } catch (err) {
    await devdb.stop();
    throw err;
  }
  // The devdb process owns its data directory (a lock file); scripts such as `pnpm create-admin`
  // and `pnpm db:export` find the running server's embedded database through this file instead of
  // fighting for it. Its URI carries this run's random credentials, so only the owner may read it.
  if (!config.devdbInMemory) {
    // A fresh file, so an old one's laxer mode never applies to the new credentials.
    rmSync(discovery, { force: true });
    writeFileSync(discovery, JSON.stringify({ uri: devdb.uri, pid: process.pid }), {
      mode: 0o600,
      flag: "wx",
    });
  }
  return {
    kind: "embedded",
    connection: mongoose.connection,
    close: async () => {
      await mongoose.disconnect();
      await devdb.stop();
      if (!config.devdbInMemory && runningEmbeddedDb(discovery, process.pid))
        rmSync(discovery, { force: true });
    },
  };
}

/** The URI of an embedded database served by a live process (optionally: by exactly `pid`). */
function runningEmbeddedDb(file: string, pid?: number): string | null {
  try {
    const info: unknown = JSON.parse(readFileSync(file, "utf8"));
    if (typeof info !== "object" || info === null || !("uri" in info) || !("pid" in info)) return null;
    if (typeof info.uri !== "string" || typeof info.pid !== "number") return null;
    if (pid !== undefined && info.pid !== pid) return null;
    process.kill(info.pid, 0);
    return info.uri;
  } catch {
    // No file, unreadable, or the process is gone: nobody is serving it.
    return null;
  }
}

/** Create (and drop stale) indexes for every registered model; called once at start. */
export async function syncAllIndexes(): Promise<void> {
  for (const model of Object.values(mongoose.models)) {
    const dropped = await model.syncIndexes();
    if (dropped.length) logger.info({ model: model.modelName, dropped }, "dropped stale indexes");
  }
}

/** True for MongoDB's duplicate-key error (E11000), optionally on one field of the unique index. */
export function isDuplicateKeyError(err: unknown, field?: string): boolean {
  if (typeof err !== "object" || err === null || !("code" in err) || err.code !== 11000) return false;
  if (!field) return true;
  const keyPattern = "keyPattern" in err ? err.keyPattern : undefined;
  if (typeof keyPattern === "object" && keyPattern !== null) return field in keyPattern;
  // Some servers only put the index name in the message; fall back to that.
  return "message" in err && typeof err.message === "string" && err.message.includes(field);
}

import { MongoClient } from "mongodb";
import { startDevDb, type DevDb } from "../index.js";

export interface TestServer {
  uri: string;
  /** True when running against a real MongoDB from MONGODB_URI. */
  external: boolean;
  stop(): Promise<void>;
}

/**
 * The compatibility suite runs against MONGODB_URI when it is set (a real MongoDB, to check
 * that the tests themselves encode real behaviour), otherwise against an in-memory devdb.
 */
export async function startTestServer(): Promise<TestServer> {
  const external = process.env.MONGODB_URI;
  if (external) {
    return { uri: external, external: true, stop: () => Promise.resolve() };
  }
  const db: DevDb = await startDevDb({ inMemory: true, ttlIntervalMs: 100, enableTestCommands: true });
  return { uri: db.uri, external: false, stop: () => db.stop() };
}

/** A database name unique to one test file and run, so runs against a shared server don't collide. */
export function uniqueDbName(prefix: string): string {
  return `${prefix}_${process.pid}_${Date.now().toString(36)}`;
}

export async function dropDatabase(uri: string, name: string): Promise<void> {
  const client = await MongoClient.connect(uri);
  try {
    await client.db(name).dropDatabase();
  } finally {
    await client.close();
  }
}

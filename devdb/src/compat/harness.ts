import { MongoClient, MongoServerError, type Db } from "mongodb";
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

/** What a compat test file talks to: the server, a driver client, and the file's own database. */
export interface DriverDb {
  server: TestServer;
  client: MongoClient;
  db: Db;
}

/** Start the server and connect a driver to the database `name` (for a file's `beforeAll`). */
export async function openDriverDb(name: string): Promise<DriverDb> {
  const server = await startTestServer();
  const client = await MongoClient.connect(server.uri);
  return { server, client, db: client.db(name) };
}

/** Drop the file's database and stop everything `openDriverDb` started (for its `afterAll`). */
export async function closeDriverDb(open: Partial<DriverDb>): Promise<void> {
  await open.db?.dropDatabase();
  await open.client?.close();
  await open.server?.stop();
}

/** The server's refusal of `p`, to assert its code and message; anything else fails the test. */
export async function serverError(p: Promise<unknown>): Promise<MongoServerError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof MongoServerError) return err;
    throw err;
  }
  throw new Error("expected a server error");
}

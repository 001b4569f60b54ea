import fs from "node:fs";
import path from "node:path";
import { BSON, type Document } from "bson";
import type { ClientSession, Db } from "mongodb";
import { bsonFile, EXACT, uuidHex, writeMetadata, type CollectionMetadata } from "./layout.js";

export interface ExportSummary {
  database: string;
  /** Where the database's files went: `outDir/<database>`. */
  dir: string;
  collections: { name: string; documents: number }[];
  /**
   * How the export is one point in time: devdb's `devdbSnapshot` (always), a MongoDB snapshot
   * read session (replica sets), or nothing (a standalone mongod: use mongodump there).
   */
  pointInTime: "devdb-snapshot" | "snapshot-session" | "none";
}

const BATCH = 1000;

/** One collection's files, written as its documents arrive. */
class CollectionWriter {
  private readonly fd: number;
  documents = 0;

  constructor(
    private readonly dbDir: string,
    readonly meta: CollectionMetadata,
  ) {
    writeMetadata(dbDir, meta);
    this.fd = fs.openSync(bsonFile(dbDir, meta.collectionName), "w", 0o600);
  }

  write(docs: Document[]): void {
    if (docs.length === 0) return;
    fs.writeSync(this.fd, Buffer.concat(docs.map((d) => BSON.serialize(d))));
    this.documents += docs.length;
  }

  close(): void {
    fs.fsyncSync(this.fd);
    fs.closeSync(this.fd);
  }
}

function isCommandNotFound(err: unknown): boolean {
  return typeof err === "object" && err !== null && (err as { code?: unknown }).code === 59;
}

function prepareDir(outDir: string, database: string): string {
  // A dump holds password hashes and session data: owner-only, like devdb's own files.
  const dir = path.join(outDir, database);
  fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dir, 0o700);
  if (fs.readdirSync(dir).length > 0) throw new Error(`${dir} is not empty; export into a new directory`);
  return dir;
}

/**
 * Writes database `db` in mongodump's layout under `outDir/<db>/`, as of one point in time
 * (see ExportSummary.pointInTime), while the server keeps serving.
 */
export async function exportDatabase(db: Db, outDir: string): Promise<ExportSummary> {
  const dir = prepareDir(outDir, db.databaseName);
  const summary: ExportSummary = { database: db.databaseName, dir, collections: [], pointInTime: "none" };
  try {
    await exportDevDbSnapshot(db, dir, summary);
    summary.pointInTime = "devdb-snapshot";
  } catch (err) {
    if (!isCommandNotFound(err)) throw err;
    summary.pointInTime = await exportMongoDb(db, dir, summary);
  }
  return summary;
}

async function exportDevDbSnapshot(db: Db, dir: string, summary: ExportSummary): Promise<void> {
  let writer: CollectionWriter | null = null;
  const finishWriter = (): void => {
    if (!writer) return;
    writer.close();
    summary.collections.push({ name: writer.meta.collectionName, documents: writer.documents });
    writer = null;
  };
  const consume = (batch: Document[]): void => {
    let docs: Document[] = [];
    for (const e of batch) {
      if (e.meta) {
        writer?.write(docs);
        docs = [];
        finishWriter();
        const meta = e.meta as Document;
        writer = new CollectionWriter(dir, {
          collectionName: String(e.c),
          type: "collection",
          options: meta.options as Document,
          indexes: meta.indexes as Document[],
          uuid: uuidHex(meta.uuid),
        });
      } else docs.push(e.d as Document);
    }
    writer?.write(docs);
  };
  const first = await db.command({ devdbSnapshot: 1, cursor: { batchSize: BATCH } }, EXACT);
  let cursor = first.cursor as Document;
  consume(cursor.firstBatch as Document[]);
  while (String(cursor.id) !== "0") {
    const more = await db.command(
      { getMore: cursor.id, collection: "$cmd.devdbSnapshot", batchSize: BATCH },
      EXACT,
    );
    cursor = more.cursor as Document;
    consume(cursor.nextBatch as Document[]);
  }
  finishWriter();
}

/** A real MongoDB: every read in one snapshot session when the deployment supports it. */
async function exportMongoDb(
  db: Db,
  dir: string,
  summary: ExportSummary,
): Promise<ExportSummary["pointInTime"]> {
  const infos = await db.listCollections({ type: "collection" }).toArray();
  const names = infos.map((i) => i.name).filter((n) => !n.startsWith("system."));
  let session: ClientSession | undefined = db.client.startSession({ snapshot: true });
  try {
    if (names.length > 0) await db.collection(names[0]).findOne({}, { session });
  } catch {
    // Standalone servers refuse snapshot reads.
    await session.endSession();
    session = undefined;
  }
  try {
    for (const info of infos) {
      if (info.name.startsWith("system.")) continue;
      const coll = db.collection(info.name);
      const indexes = await coll.listIndexes().toArray();
      const writer = new CollectionWriter(dir, {
        collectionName: info.name,
        type: "collection",
        options: (info as Document).options as Document,
        indexes,
        uuid: uuidHex((info as Document).info?.uuid),
      });
      const cursor = coll.find({}, { session, batchSize: BATCH, ...EXACT });
      let docs: Document[] = [];
      for await (const d of cursor) {
        docs.push(d);
        if (docs.length >= BATCH) {
          writer.write(docs);
          docs = [];
        }
      }
      writer.write(docs);
      writer.close();
      summary.collections.push({ name: info.name, documents: writer.documents });
    }
  } finally {
    await session?.endSession();
  }
  return session ? "snapshot-session" : "none";
}

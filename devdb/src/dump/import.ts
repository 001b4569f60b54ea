import fs from "node:fs";
import type { Document } from "bson";
import type { Db } from "mongodb";
import {
  bsonFile,
  dumpedCollections,
  metadataFile,
  readBsonFile,
  readMetadata,
  type CollectionMetadata,
} from "./layout.js";

export interface ImportSummary {
  database: string;
  collections: { name: string; documents: number; indexes: number }[];
}

export interface ImportOptions {
  /** Drop each collection before loading it (mongorestore's --drop). Otherwise they must be empty. */
  drop?: boolean;
}

const BATCH = 1000;

function metadataOf(dbDir: string, name: string): CollectionMetadata {
  const file = metadataFile(dbDir, name);
  if (fs.existsSync(file)) return readMetadata(file, name);
  return { collectionName: name, type: "collection", options: {}, indexes: [] };
}

function codeOf(err: unknown): unknown {
  return typeof err === "object" && err !== null ? (err as { code?: unknown }).code : undefined;
}

/**
 * Loads one database directory in mongodump's layout (`<collection>.bson` and
 * `<collection>.metadata.json`) into `db`: collections with their options, documents exactly as
 * dumped, then the indexes. Refuses (before writing anything) when a target collection already
 * has documents, unless `drop` is set, so nothing is duplicated or silently mixed. Documents go
 * in with bypassDocumentValidation: they were accepted where they came from (a validator with
 * level "moderate" or action "warn" can hold documents it would now refuse).
 */
export async function importDatabase(
  db: Db,
  dbDir: string,
  opts: ImportOptions = {},
): Promise<ImportSummary> {
  const names = dumpedCollections(dbDir);
  if (names.length === 0) throw new Error(`${dbDir} holds no <collection>.bson files`);
  if (!opts.drop) {
    const occupied: string[] = [];
    for (const name of names) {
      if ((await db.collection(name).estimatedDocumentCount()) > 0) occupied.push(name);
    }
    if (occupied.length > 0) {
      throw new Error(
        `${db.databaseName} already has documents in ${occupied.join(", ")}; import into an empty database or use --drop`,
      );
    }
  }
  const summary: ImportSummary = { database: db.databaseName, collections: [] };
  for (const name of names) {
    const meta = metadataOf(dbDir, name);
    if (opts.drop)
      await db
        .collection(name)
        .drop()
        .catch(() => false);
    try {
      await db.command({ create: name, ...meta.options });
    } catch (err) {
      if (codeOf(err) !== 48) throw err; // NamespaceExists: an empty collection is fine
    }
    let documents = 0;
    const file = bsonFile(dbDir, name);
    if (fs.existsSync(file)) {
      let batch: Document[] = [];
      for (const doc of readBsonFile(file)) {
        batch.push(doc);
        if (batch.length >= BATCH) {
          await db.collection(name).insertMany(batch, { ordered: true, bypassDocumentValidation: true });
          documents += batch.length;
          batch = [];
        }
      }
      if (batch.length > 0)
        await db.collection(name).insertMany(batch, { ordered: true, bypassDocumentValidation: true });
      documents += batch.length;
    }
    const indexes = meta.indexes
      .filter((ix) => ix.name !== "_id_")
      .map((ix) => {
        const { v: _v, ns: _ns, ...spec } = ix;
        return spec;
      });
    if (indexes.length > 0) await db.command({ createIndexes: name, indexes });
    summary.collections.push({ name, documents, indexes: indexes.length });
  }
  return summary;
}

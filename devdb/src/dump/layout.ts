import fs from "node:fs";
import path from "node:path";
import { Binary, BSON, EJSON, type Document } from "bson";

/**
 * mongodump's directory layout, which mongorestore reads: `DIR/<db>/<collection>.bson` holds the
 * documents as concatenated BSON, `DIR/<db>/<collection>.metadata.json` the collection's
 * options, indexes (as listIndexes returns them), uuid and type, in canonical Extended JSON.
 */
export interface CollectionMetadata {
  collectionName: string;
  type: "collection";
  options: Document;
  indexes: Document[];
  /** 32 hex digits, as mongodump writes it. */
  uuid?: string;
}

/** How dumped values are decoded: exactly as stored (Int32 stays Int32, a Double 1.0 stays a Double). */
export const EXACT = { promoteValues: false, promoteBuffers: false, bsonRegExp: true } as const;

export const bsonFile = (dbDir: string, coll: string): string => path.join(dbDir, `${coll}.bson`);
export const metadataFile = (dbDir: string, coll: string): string =>
  path.join(dbDir, `${coll}.metadata.json`);

/**
 * The driver decodes with its CommonJS copy of `bson`, whose classes are not this ES module's:
 * recognise a Binary by its `_bsontype` tag, not `instanceof`.
 */
export function uuidHex(uuid: unknown): string | undefined {
  if (typeof uuid !== "object" || uuid === null) return undefined;
  const b = uuid as Partial<Binary>;
  if (b._bsontype !== "Binary" || !(b.buffer instanceof Uint8Array)) return undefined;
  return Buffer.from(b.buffer).toString("hex");
}

export function writeMetadata(dbDir: string, meta: CollectionMetadata): void {
  fs.writeFileSync(metadataFile(dbDir, meta.collectionName), EJSON.stringify(meta, { relaxed: false }), {
    mode: 0o600,
  });
}

export function readMetadata(file: string, collectionName: string): CollectionMetadata {
  const raw: unknown = EJSON.parse(fs.readFileSync(file, "utf8"), { relaxed: false });
  const doc = (typeof raw === "object" && raw !== null ? raw : {}) as Document;
  return {
    collectionName: typeof doc.collectionName === "string" ? doc.collectionName : collectionName,
    type: "collection",
    options: typeof doc.options === "object" && doc.options !== null ? (doc.options as Document) : {},
    indexes: Array.isArray(doc.indexes) ? (doc.indexes as Document[]) : [],
    uuid: typeof doc.uuid === "string" ? doc.uuid : undefined,
  };
}

/** Yields the documents of a `.bson` file, one at a time, exactly as stored. */
export function* readBsonFile(file: string): Generator<Document> {
  const buf = fs.readFileSync(file);
  let at = 0;
  while (at < buf.length) {
    if (buf.length - at < 5) throw new Error(`${file}: truncated document at byte ${at}`);
    const size = buf.readInt32LE(at);
    if (size < 5 || at + size > buf.length) throw new Error(`${file}: bad document length at byte ${at}`);
    yield BSON.deserialize(buf.subarray(at, at + size), EXACT);
    at += size;
  }
}

/** The collections a dump directory of one database holds (from its .bson and .metadata.json files). */
export function dumpedCollections(dbDir: string): string[] {
  const names = new Set<string>();
  for (const f of fs.readdirSync(dbDir)) {
    const m = /^(.+)\.(bson|metadata\.json)$/.exec(f);
    if (m && !m[1].startsWith("system.")) names.add(m[1]);
  }
  return [...names].sort();
}

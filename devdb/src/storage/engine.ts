import { Binary, type Document } from "bson";
import { CommandError } from "../errors.js";
import { MemoryPersistence, type Persistence } from "../journal/journal.js";
import { Collection } from "./collection.js";
import type { IndexSpec } from "./secondary-index.js";

export type Database = Map<string, Collection>;

/**
 * All databases and collections. Every change goes through a Collection (or the methods
 * here), which emits a journal record; `applyRecord` replays those records at start-up.
 */
export class Engine {
  readonly databases = new Map<string, Database>();
  persistence: Persistence = new MemoryPersistence();
  private readonly log = (rec: Document): void => this.persistence.append(rec);

  getCollection(db: string, name: string): Collection | undefined {
    return this.databases.get(db)?.get(name);
  }

  /** Returns the collection, creating it (and its database) implicitly like MongoDB does. */
  ensureCollection(db: string, name: string, options: Document = {}): Collection {
    const existing = this.getCollection(db, name);
    if (existing) return existing;
    validateName(db, name);
    const coll = new Collection(db, name, this.log);
    coll.configure(options);
    this.database(db).set(name, coll);
    this.log({ op: "createColl", db, c: name, uuid: new Binary(coll.uuid, 4), options });
    return coll;
  }

  createCollection(db: string, name: string, options: Document = {}): void {
    if (this.getCollection(db, name)) {
      throw new CommandError("NamespaceExists", `Collection ${db}.${name} already exists.`);
    }
    this.ensureCollection(db, name, options);
  }

  /** collMod: new options for an existing collection. */
  setOptions(coll: Collection, options: Document): void {
    coll.configure(options);
    this.log({ op: "setOptions", db: coll.db, c: coll.name, options });
  }

  dropCollection(db: string, name: string): boolean {
    const d = this.databases.get(db);
    if (!d?.delete(name)) return false;
    if (d.size === 0) this.databases.delete(db);
    this.log({ op: "dropColl", db, c: name });
    return true;
  }

  dropDatabase(db: string): void {
    if (!this.databases.delete(db)) return;
    this.log({ op: "dropDb", db });
  }

  commit(): Promise<void> {
    return this.persistence.commit();
  }

  private database(db: string): Database {
    let d = this.databases.get(db);
    if (!d) {
      d = new Map();
      this.databases.set(db, d);
    }
    return d;
  }

  /** Rebuilds state from one journal or snapshot record. */
  applyRecord(rec: Document): void {
    const db = String(rec.db);
    const c = String(rec.c);
    switch (rec.op) {
      case "createColl": {
        if (this.getCollection(db, c)) return;
        const uuid = rec.uuid instanceof Binary ? Buffer.from(rec.uuid.buffer) : undefined;
        const coll = new Collection(db, c, this.log, uuid);
        coll.configure((rec.options as Document | undefined) ?? {});
        this.database(db).set(c, coll);
        return;
      }
      case "setOptions":
        this.getCollection(db, c)?.configure(rec.options as Document);
        return;
      case "dropColl":
        this.databases.get(db)?.delete(c);
        if (this.databases.get(db)?.size === 0) this.databases.delete(db);
        return;
      case "dropDb":
        this.databases.delete(db);
        return;
      case "put":
        this.restoreCollection(db, c).restorePut(rec.doc as Document);
        return;
      case "del":
        this.getCollection(db, c)?.restoreDelete(rec.id);
        return;
      case "createIndex": {
        const coll = this.restoreCollection(db, c);
        const spec = rec.spec as IndexSpec;
        if (!coll.findIndex(spec.name)) coll.addIndex(spec, false);
        return;
      }
      case "dropIndex":
        this.getCollection(db, c)?.dropIndex(String(rec.name), false);
        return;
      default:
        return;
    }
  }

  private restoreCollection(db: string, c: string): Collection {
    let coll = this.getCollection(db, c);
    if (!coll) {
      coll = new Collection(db, c, this.log);
      this.database(db).set(c, coll);
    }
    return coll;
  }

  /**
   * Records that rebuild the state as of this call, for compaction snapshots. Only references
   * are captured now (stored documents are immutable), so the caller can encode them later,
   * a slice at a time, without blocking the server or seeing later writes.
   */
  snapshotRecords(): Iterable<Document> {
    const captured = [];
    for (const [db, colls] of this.databases) {
      for (const [c, coll] of colls) {
        captured.push({
          db,
          c,
          uuid: coll.uuid,
          options: coll.options,
          specs: coll.indexes.map((ix) => ix.spec),
          docs: [...coll.docs.values()],
        });
      }
    }
    return (function* () {
      for (const { db, c, uuid, options, specs, docs } of captured) {
        yield { op: "createColl", db, c, uuid: new Binary(uuid, 4), options };
        for (const spec of specs) yield { op: "createIndex", db, c, spec };
        for (const doc of docs) yield { op: "put", db, c, doc };
      }
    })();
  }
}

function validateName(db: string, name: string): void {
  if (!db || /[/\\. "$\0]/.test(db))
    throw new CommandError("InvalidNamespace", `Invalid database name: '${db}'`);
  if (!name || name.includes("\0") || name.startsWith("$") || name.startsWith(".")) {
    throw new CommandError("InvalidNamespace", `Invalid collection name: '${name}'`);
  }
}

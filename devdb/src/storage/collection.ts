import type { Document } from "bson";
import { CommandError, duplicateKeyError } from "../errors.js";
import { docSize, NO_RULES, rulesOf, validateWrite, type CollectionRules } from "./collection-options.js";
import { encodeValue, MISSING } from "./keys.js";
import { SecondaryIndex, type IndexKey, type IndexSpec } from "./secondary-index.js";

export type ChangeLog = (record: Document) => void;

export const ID_INDEX_NAME = "_id_";

/**
 * Documents of one collection, keyed by encoded _id, with their secondary indexes.
 * Stored documents are never mutated: updates build a new object and swap it in, so
 * references handed out to readers (cursors, replies) stay valid snapshots.
 */
export class Collection {
  readonly docs = new Map<string, Document>();
  readonly indexes: SecondaryIndex[] = [];
  /** Ordered view of _id for range queries and sorts on _id; `docs` answers equality. */
  readonly idIndex = new SecondaryIndex({ v: 2, key: { _id: 1 }, name: ID_INDEX_NAME });
  readonly uuid: Buffer;
  /** Options as created (and changed by collMod), as listCollections reports them. */
  options: Document = {};
  rules: CollectionRules = NO_RULES;
  /** Capped collections: total BSON size of the documents. */
  private cappedBytes = 0;

  constructor(
    readonly db: string,
    readonly name: string,
    private readonly log: ChangeLog,
    uuid?: Buffer,
  ) {
    this.uuid = uuid ?? randomUuid();
  }

  /** Sets the collection's options (create, collMod, replay); documents already stored stay. */
  configure(options: Document): void {
    this.options = options;
    this.rules = rulesOf(options);
    this.cappedBytes = 0;
    if (this.rules.capped) for (const d of this.docs.values()) this.cappedBytes += docSize(d);
  }

  /** Capped collections drop their oldest documents (insertion order) past `max` or `size`. */
  private trimCapped(): void {
    const cap = this.rules.capped;
    if (!cap) return;
    while (this.docs.size > 1 && (this.docs.size > cap.max || this.cappedBytes > cap.size)) {
      const oldest = this.docs.keys().next().value as string;
      this.delete(oldest);
    }
  }

  get ns(): string {
    return `${this.db}.${this.name}`;
  }

  get size(): number {
    return this.docs.size;
  }

  getById(id: unknown): Document | undefined {
    return this.docs.get(encodeValue(id));
  }

  /** `bypass`: the command's bypassDocumentValidation. */
  insert(doc: Document, bypass = false): void {
    const id = encodeValue(doc._id);
    if (this.docs.has(id)) {
      throw duplicateKeyError(this.ns, ID_INDEX_NAME, { _id: 1 }, { _id: doc._id });
    }
    if (!bypass) validateWrite(this.rules, doc, undefined);
    const keys = this.indexes.map((ix) => ix.keysFor(doc));
    this.checkUnique(id, keys);
    // Logging first: if encoding the record fails, memory is still unchanged.
    this.log({ op: "put", db: this.db, c: this.name, doc });
    this.indexes.forEach((ix, i) => ix.add(id, keys[i]));
    this.idIndex.add(id, [{ full: id, values: [doc._id] }]);
    this.docs.set(id, doc);
    if (this.rules.capped) {
      this.cappedBytes += docSize(doc);
      this.trimCapped();
    }
  }

  /** Swaps in a new version of a stored document (same _id). */
  replace(id: string, next: Document, bypass = false): void {
    const prev = this.docs.get(id);
    if (!prev) throw new CommandError("InternalError", "replace of a missing document");
    if (!bypass) validateWrite(this.rules, next, prev);
    const oldKeys = this.indexes.map((ix) => ix.keysFor(prev));
    const newKeys = this.indexes.map((ix) => ix.keysFor(next));
    this.checkUnique(id, newKeys);
    this.log({ op: "put", db: this.db, c: this.name, doc: next });
    this.indexes.forEach((ix, i) => {
      ix.remove(id, oldKeys[i]);
      ix.add(id, newKeys[i]);
    });
    this.docs.set(id, next);
    if (this.rules.capped) {
      this.cappedBytes += docSize(next) - docSize(prev);
      this.trimCapped();
    }
  }

  delete(id: string): boolean {
    const prev = this.docs.get(id);
    if (!prev) return false;
    this.log({ op: "del", db: this.db, c: this.name, id: prev._id });
    for (const ix of this.indexes) ix.remove(id, ix.keysFor(prev));
    this.idIndex.remove(id, [{ full: id, values: [prev._id] }]);
    this.docs.delete(id);
    if (this.rules.capped) this.cappedBytes -= docSize(prev);
    return true;
  }

  /** Journal replay: apply without constraint checks, the journal is already consistent. */
  restorePut(doc: Document): void {
    const id = encodeValue(doc._id);
    const prev = this.docs.get(id);
    for (const ix of this.indexes) {
      if (prev) ix.remove(id, ix.keysFor(prev));
      ix.add(id, ix.keysFor(doc));
    }
    if (!prev) this.idIndex.add(id, [{ full: id, values: [doc._id] }]);
    this.docs.set(id, doc);
    if (this.rules.capped) this.cappedBytes += docSize(doc) - (prev ? docSize(prev) : 0);
  }

  restoreDelete(idValue: unknown): void {
    const id = encodeValue(idValue);
    const prev = this.docs.get(id);
    if (!prev) return;
    for (const ix of this.indexes) ix.remove(id, ix.keysFor(prev));
    this.idIndex.remove(id, [{ full: id, values: [prev._id] }]);
    this.docs.delete(id);
    if (this.rules.capped) this.cappedBytes -= docSize(prev);
  }

  findIndex(name: string): SecondaryIndex | undefined {
    return this.indexes.find((ix) => ix.name === name);
  }

  /** Builds an index over existing documents; fails like MongoDB if a unique key repeats. */
  addIndex(spec: IndexSpec, checked = true): void {
    const ix = new SecondaryIndex(spec);
    for (const [id, doc] of this.docs) {
      const keys = ix.keysFor(doc);
      if (checked) {
        const dup = ix.conflict(id, keys);
        if (dup) {
          throw duplicateKeyError(this.ns, ix.name, spec.key, keyValue(ix, dup));
        }
      }
      ix.add(id, keys);
    }
    this.indexes.push(ix);
    if (checked) this.log({ op: "createIndex", db: this.db, c: this.name, spec });
  }

  /** collMod of an index (hidden, expireAfterSeconds): rebuilt from the changed spec. */
  modifyIndex(name: string, spec: IndexSpec): void {
    this.dropIndex(name);
    this.addIndex(spec);
  }

  dropIndex(name: string, logged = true): void {
    const i = this.indexes.findIndex((ix) => ix.name === name);
    if (i < 0) return;
    this.indexes.splice(i, 1);
    if (logged) this.log({ op: "dropIndex", db: this.db, c: this.name, name });
  }

  indexSpecs(): IndexSpec[] {
    return [{ v: 2, key: { _id: 1 }, name: ID_INDEX_NAME }, ...this.indexes.map((ix) => ix.spec)];
  }

  private checkUnique(id: string, keys: IndexKey[][]): void {
    this.indexes.forEach((ix, i) => {
      const dup = ix.conflict(id, keys[i]);
      if (dup) throw duplicateKeyError(this.ns, ix.name, ix.spec.key, keyValue(ix, dup));
    });
  }
}

function keyValue(ix: SecondaryIndex, key: IndexKey): Document {
  const out: Document = {};
  ix.fields.forEach((f, i) => {
    const v = key.values[i];
    out[f] = v === MISSING ? null : v;
  });
  return out;
}

function randomUuid(): Buffer {
  return Buffer.from(crypto.randomUUID().replace(/-/g, ""), "hex");
}

import type { Document } from "bson";
import { CommandError } from "../errors.js";
import { ID_INDEX_NAME, type Collection } from "../storage/collection.js";
import { parseCollation } from "../storage/collation.js";
import { encodeValue, isPlainObject } from "../storage/keys.js";
import type { IndexSpec } from "../storage/secondary-index.js";
import { arrayArg, collectionArg } from "./args.js";
import type { CommandHandler } from "./context.js";

/** Options that make two indexes on the same key different indexes. */
const SIGNIFICANT = ["unique", "sparse", "partialFilterExpression", "expireAfterSeconds", "collation"];

function sameKey(a: Document, b: Document): boolean {
  return encodeValue(a) === encodeValue(b);
}

function sameOptions(a: Document, b: Document): boolean {
  return SIGNIFICANT.every(
    (k) =>
      encodeValue(a[k] ?? (k === "unique" || k === "sparse" ? false : null)) ===
      encodeValue(b[k] ?? (k === "unique" || k === "sparse" ? false : null)),
  );
}

function normalizeSpec(raw: unknown): IndexSpec {
  if (!isPlainObject(raw)) throw new CommandError("TypeMismatch", "index specification must be an object");
  const { key, name, v: _v, ns: _ns, ...options } = raw;
  if (!isPlainObject(key) || Object.keys(key).length === 0) {
    throw new CommandError("CannotCreateIndex", "Index keys cannot be empty.");
  }
  if (typeof name !== "string" || name.length === 0) {
    throw new CommandError("CannotCreateIndex", "The index name must be a non-empty string");
  }
  if (options.expireAfterSeconds !== undefined && typeof options.expireAfterSeconds !== "number") {
    throw new CommandError("CannotCreateIndex", "TTL index 'expireAfterSeconds' option must be numeric");
  }
  if (options.partialFilterExpression !== undefined && !isPlainObject(options.partialFilterExpression)) {
    throw new CommandError("TypeMismatch", "'partialFilterExpression' option must be a document");
  }
  parseCollation(options.collation); // refuses a bad collation now, as mongod does
  return { v: 2, key, name, ...options };
}

function checkAgainstExisting(coll: Collection, spec: IndexSpec): "new" | "exists" {
  for (const existing of coll.indexSpecs()) {
    if (existing.name === spec.name) {
      if (sameKey(existing.key, spec.key) && sameOptions(existing, spec)) return "exists";
      if (!sameKey(existing.key, spec.key)) {
        throw new CommandError(
          "IndexKeySpecsConflict",
          `An existing index has the same name as the requested index. When index names are not specified, they are auto generated and can cause conflicts. Please refer to our documentation. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`,
        );
      }
      throw new CommandError(
        "IndexOptionsConflict",
        `An equivalent index already exists with the same name but different options. Requested index: ${JSON.stringify(spec)}, existing index: ${JSON.stringify(existing)}`,
      );
    }
    if (sameKey(existing.key, spec.key) && sameOptions(existing, spec)) {
      throw new CommandError(
        "IndexOptionsConflict",
        `Index already exists with a different name: ${existing.name}`,
      );
    }
  }
  return "new";
}

export const createIndexes: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, "createIndexes");
  const specs = arrayArg(cmd, "indexes").map(normalizeSpec);
  const createdCollectionAutomatically = !ctx.engine.getCollection(ctx.db, name);
  const coll = ctx.engine.ensureCollection(ctx.db, name);
  const numIndexesBefore = coll.indexes.length + 1;
  let created = 0;
  for (const spec of specs) {
    if (checkAgainstExisting(coll, spec) === "exists") continue;
    if (spec.name === ID_INDEX_NAME) continue;
    coll.addIndex(spec);
    created++;
  }
  await ctx.engine.commit();
  const reply: Document = {
    numIndexesBefore,
    numIndexesAfter: coll.indexes.length + 1,
    createdCollectionAutomatically,
    ok: 1,
  };
  if (created === 0) reply.note = "all indexes already exist";
  return reply;
};

export const listIndexes: CommandHandler = (cmd, ctx) => {
  const name = collectionArg(cmd, "listIndexes");
  const coll = ctx.engine.getCollection(ctx.db, name);
  if (!coll) throw new CommandError("NamespaceNotFound", `ns does not exist: ${ctx.db}.${name}`);
  const batchSize = isPlainObject(cmd.cursor) ? (cmd.cursor.batchSize as number | undefined) : undefined;
  return ctx.cursors.firstBatch(coll.ns, coll.indexSpecs(), batchSize, false);
};

export const dropIndexes: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, "dropIndexes");
  const coll = ctx.engine.getCollection(ctx.db, name);
  if (!coll) throw new CommandError("NamespaceNotFound", `ns not found ${ctx.db}.${name}`);
  const nIndexesWas = coll.indexes.length + 1;
  const target: unknown = cmd.index;
  let names: string[];
  if (target === "*") names = coll.indexes.map((ix) => ix.name);
  else if (typeof target === "string") names = [target];
  else if (Array.isArray(target)) names = target.map(String);
  else if (isPlainObject(target)) {
    const match = coll.indexSpecs().find((s) => sameKey(s.key, target));
    if (!match)
      throw new CommandError("IndexNotFound", `can't find index with key: ${JSON.stringify(target)}`);
    names = [match.name];
  } else throw new CommandError("TypeMismatch", "BSON field 'dropIndexes.index' is the wrong type");
  for (const n of names) {
    if (n === ID_INDEX_NAME) throw new CommandError("InvalidOptions", "cannot drop _id index");
    if (!coll.findIndex(n)) throw new CommandError("IndexNotFound", `index not found with name [${n}]`);
  }
  for (const n of names) coll.dropIndex(n);
  await ctx.engine.commit();
  return { nIndexesWas, ok: 1 };
};

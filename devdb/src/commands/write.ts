import { ObjectId, type Document } from "bson";
import { asCommandError, CommandError } from "../errors.js";
import type { Collection } from "../storage/collection.js";
import { isPlainObject } from "../storage/keys.js";
import { setField } from "../storage/clone.js";
import { copyTags } from "../storage/num-types.js";
import { collateFilter, parseCollation } from "../storage/collation.js";
import { compileFilter } from "../storage/mingo.js";
import { select } from "../storage/query.js";
import { applyUpdate, buildUpsert, checkSize, classify } from "../storage/update.js";
import { MAX_BSON_OBJECT_SIZE } from "../wire/constants.js";
import { arrayArg, boolArg, collectionArg } from "./args.js";
import type { CommandContext, CommandHandler } from "./context.js";

function prepareForInsert(doc: unknown): Document {
  if (!isPlainObject(doc)) throw new CommandError("TypeMismatch", "document to insert must be an object");
  if (Array.isArray(doc._id)) throw new CommandError("InvalidIdField", "can't use an array for _id");
  if (doc._id instanceof RegExp) throw new CommandError("InvalidIdField", "can't use a regex for _id");
  if (doc._id !== undefined && Object.keys(doc)[0] === "_id") return doc;
  // MongoDB stores _id as the first field; the driver normally adds it, this covers raw clients.
  const out: Document = { _id: doc._id ?? new ObjectId() };
  for (const k of Object.keys(doc)) if (k !== "_id") setField(out, k, doc[k]);
  copyTags(doc, out);
  return out;
}

interface BatchResult {
  writeErrors: Document[];
}

/** Runs each item; ordered batches stop at the first error, unordered ones carry on. */
function runBatch<T>(items: T[], ordered: boolean, fn: (item: T, index: number) => void): BatchResult {
  const writeErrors: Document[] = [];
  for (let i = 0; i < items.length; i++) {
    try {
      fn(items[i], i);
    } catch (err) {
      writeErrors.push(asCommandError(err).toWriteError(i));
      if (ordered) break;
    }
  }
  return { writeErrors };
}

async function finish(ctx: CommandContext, reply: Document, writeErrors: Document[]): Promise<Document> {
  await ctx.engine.commit();
  if (writeErrors.length > 0) reply.writeErrors = writeErrors;
  reply.ok = 1;
  return reply;
}

export const insert: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, "insert");
  const docs = arrayArg(cmd, "documents");
  const coll = ctx.engine.ensureCollection(ctx.db, name);
  const mayBeTooLarge = (ctx.messageBytes ?? Infinity) > MAX_BSON_OBJECT_SIZE;
  const bypass = boolArg(cmd, "bypassDocumentValidation", false);
  let n = 0;
  const { writeErrors } = runBatch(docs, boolArg(cmd, "ordered", true), (doc) => {
    const prepared = prepareForInsert(doc);
    if (mayBeTooLarge) checkSize(prepared, "insert");
    coll.insert(prepared, bypass);
    n++;
  });
  ctx.stats.opcounters.insert += docs.length;
  return finish(ctx, { n }, writeErrors);
};

interface UpdateStatement {
  q?: Document;
  u?: Document | Document[];
  multi?: boolean;
  upsert?: boolean;
  arrayFilters?: Document[];
  sort?: Document;
  collation?: Document;
}

export interface UpdateOutcome {
  matched: number;
  modified: number;
  upsertedId?: unknown;
}

/** One update statement against a collection (shared by `update` and bulk paths). */
export function updateStatement(coll: Collection, st: UpdateStatement, bypass = false): UpdateOutcome {
  const filter = st.q ?? {};
  const u = st.u;
  if (u === undefined || (!isPlainObject(u) && !Array.isArray(u))) {
    throw new CommandError("FailedToParse", "BSON field 'update.updates.u' is missing but a required field");
  }
  const collation = parseCollation(st.collation);
  // mingo re-tests the filter for the positional `$`: give it the collated form.
  const args = {
    filter: collation ? collateFilter(filter, collation) : filter,
    arrayFilters: st.arrayFilters,
  };
  const matches = select(coll, filter, {
    limit: st.multi ? 0 : 1,
    sort: st.multi ? undefined : st.sort,
    collation,
  });
  if (matches.length === 0) {
    if (!st.upsert) return { matched: 0, modified: 0 };
    const doc = buildUpsert(u, args);
    coll.insert(doc, bypass);
    return { matched: 0, modified: 0, upsertedId: doc._id };
  }
  let modified = 0;
  for (const m of matches) {
    const next = applyUpdate(m.doc, u, args);
    if (next) {
      coll.replace(m.id, next, bypass);
      modified++;
    }
  }
  return { matched: matches.length, modified };
}

export const update: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, "update");
  const statements = arrayArg(cmd, "updates") as UpdateStatement[];
  const coll = ctx.engine.ensureCollection(ctx.db, name);
  let n = 0;
  let nModified = 0;
  const upserted: Document[] = [];
  const { writeErrors } = runBatch(statements, boolArg(cmd, "ordered", true), (st, index) => {
    if (st.multi && st.u !== undefined && classify(st.u) === "replacement") {
      throw new CommandError("FailedToParse", "multi update is not supported for replacement-style update");
    }
    const r = updateStatement(coll, st, boolArg(cmd, "bypassDocumentValidation", false));
    n += r.matched;
    nModified += r.modified;
    if (r.upsertedId !== undefined) {
      n++;
      upserted.push({ index, _id: r.upsertedId });
    }
  });
  ctx.stats.opcounters.update += statements.length;
  const reply: Document = { n, nModified };
  if (upserted.length > 0) reply.upserted = upserted;
  return finish(ctx, reply, writeErrors);
};

export const del: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, "delete");
  const statements = arrayArg(cmd, "deletes");
  const coll = ctx.engine.getCollection(ctx.db, name);
  let n = 0;
  const { writeErrors } = runBatch(statements, boolArg(cmd, "ordered", true), (st) => {
    const filter = isPlainObject(st.q) ? st.q : {};
    if (!coll) {
      compileFilter(filter); // bad operators fail even without the collection, as on mongod
      return;
    }
    const limit = st.limit === 1 ? 1 : 0;
    for (const m of select(coll, filter, { limit, collation: parseCollation(st.collation) }))
      if (coll.delete(m.id)) n++;
  });
  ctx.stats.opcounters.delete += statements.length;
  return finish(ctx, { n }, writeErrors);
};

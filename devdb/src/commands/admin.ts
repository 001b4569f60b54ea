import { Binary, calculateObjectSize, type Document } from "bson";
import { CommandError } from "../errors.js";
import { parseCreateOptions } from "../storage/collection-options.js";
import { compileFilter } from "../storage/mingo.js";
import { collectionArg, docArg, boolArg } from "./args.js";
import type { CommandHandler } from "./context.js";

function approximateSize(docs: Iterable<Document>): number {
  let n = 0;
  for (const d of docs) n += calculateObjectSize(d);
  return n;
}

export const listDatabases: CommandHandler = (cmd, ctx) => {
  const nameOnly = boolArg(cmd, "nameOnly", false);
  const filter = docArg(cmd, "filter");
  const query = filter ? compileFilter(filter) : null;
  const databases: Document[] = [];
  let totalSize = 0;
  for (const [name, colls] of ctx.engine.databases) {
    let sizeOnDisk = 0;
    if (!nameOnly) for (const c of colls.values()) sizeOnDisk += approximateSize(c.docs.values());
    const entry: Document = nameOnly ? { name } : { name, sizeOnDisk, empty: colls.size === 0 };
    if (query && !query.test(entry)) continue;
    totalSize += sizeOnDisk;
    databases.push(entry);
  }
  return nameOnly
    ? { databases, ok: 1 }
    : { databases, totalSize, totalSizeMb: Math.floor(totalSize / 1048576), ok: 1 };
};

export const create: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, "create");
  ctx.engine.createCollection(ctx.db, name, parseCreateOptions(cmd));
  await ctx.engine.commit();
  return { ok: 1 };
};

export const drop: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, "drop");
  const coll = ctx.engine.getCollection(ctx.db, name);
  // MongoDB 7+ answers ok for a missing collection too.
  if (!coll) return { ok: 1 };
  const nIndexesWas = coll.indexes.length + 1;
  ctx.engine.dropCollection(ctx.db, name);
  await ctx.engine.commit();
  return { nIndexesWas, ns: coll.ns, ok: 1 };
};

export const dropDatabase: CommandHandler = async (_cmd, ctx) => {
  ctx.engine.dropDatabase(ctx.db);
  await ctx.engine.commit();
  return { dropped: ctx.db, ok: 1 };
};

export const listCollections: CommandHandler = (cmd, ctx) => {
  const filter = docArg(cmd, "filter");
  const nameOnly = boolArg(cmd, "nameOnly", false);
  const query = filter && Object.keys(filter).length > 0 ? compileFilter(filter) : null;
  const out: Document[] = [];
  for (const coll of ctx.engine.databases.get(ctx.db)?.values() ?? []) {
    const entry: Document = nameOnly
      ? { name: coll.name, type: "collection" }
      : {
          name: coll.name,
          type: "collection",
          options: coll.options,
          info: { readOnly: false, uuid: new Binary(coll.uuid, 4) },
          // A clustered collection has no separate _id index.
          ...(coll.options.clusteredIndex ? {} : { idIndex: { v: 2, key: { _id: 1 }, name: "_id_" } }),
        };
    if (query && !query.test(entry)) continue;
    out.push(entry);
  }
  const batchSize = (docArg(cmd, "cursor") ?? {}).batchSize as number | undefined;
  return ctx.cursors.firstBatch(`${ctx.db}.$cmd.listCollections`, out, batchSize, false);
};

export const unsupported =
  (name: string): CommandHandler =>
  () => {
    throw new CommandError("CommandNotFound", `no such command: '${name}'`);
  };

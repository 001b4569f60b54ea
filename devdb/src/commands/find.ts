import type { Document } from "bson";
import { CommandError } from "../errors.js";
import { encodeValue, MISSING, valuesAtPath } from "../storage/keys.js";
import { parseCollation } from "../storage/collation.js";
import { compileFilter } from "../storage/mingo.js";
import { extractText } from "../storage/text.js";
import { project } from "../storage/projection.js";
import { select } from "../storage/query.js";
import { boolArg, collectionArg, docArg, longArg, numberArg } from "./args.js";
import type { CommandHandler } from "./context.js";

function hintArg(cmd: Document): Document | string | undefined {
  const h: unknown = cmd.hint;
  if (h === undefined || h === null) return undefined;
  if (typeof h === "string") return h.length > 0 ? h : undefined;
  if (typeof h === "object" && !Array.isArray(h))
    return Object.keys(h).length > 0 ? (h as Document) : undefined;
  throw new CommandError("FailedToParse", "hint must be a string or an object");
}

export const find: CommandHandler = (cmd, ctx) => {
  const name = collectionArg(cmd, "find");
  const filter = docArg(cmd, "filter") ?? {};
  const ns = `${ctx.db}.${name}`;
  const rawLimit = numberArg(cmd, "limit") ?? 0;
  const limit = Math.abs(rawLimit);
  const singleBatch = boolArg(cmd, "singleBatch", false) || rawLimit < 0;
  const skip = numberArg(cmd, "skip") ?? 0;
  if (skip < 0) throw new CommandError("BadValue", "skip value must be non-negative");
  const batchSize = numberArg(cmd, "batchSize");
  ctx.stats.opcounters.query++;
  const coll = ctx.engine.getCollection(ctx.db, name);
  if (!coll) {
    // mongod parses the query even when the collection doesn't exist: bad operators still fail.
    if (extractText(filter)) throw new CommandError("IndexNotFound", "text index required for $text query");
    compileFilter(filter);
    return ctx.cursors.firstBatch(ns, [], batchSize, true);
  }
  const selected = select(coll, filter, {
    sort: docArg(cmd, "sort"),
    skip,
    limit,
    hint: hintArg(cmd),
    collation: parseCollation(cmd.collation),
    interrupt: ctx.deadline ?? undefined,
  });
  const docs = project(
    selected.map((s) => s.doc),
    filter,
    docArg(cmd, "projection"),
    selected.map((s) => s.score),
  );
  // A limit that fits in the first batch needs no cursor, as on a real server.
  const fitsFirst = limit > 0 && (batchSize === undefined || batchSize === 0 || limit <= batchSize);
  return ctx.cursors.firstBatch(ns, docs, fitsFirst ? limit : batchSize, singleBatch);
};

export const getMore: CommandHandler = (cmd, ctx) => {
  const id = longArg(cmd.getMore);
  const name = collectionArg(cmd, "collection");
  ctx.stats.opcounters.getmore++;
  return ctx.cursors.getMore(id, `${ctx.db}.${name}`, numberArg(cmd, "batchSize"));
};

export const killCursors: CommandHandler = (cmd, ctx) => {
  collectionArg(cmd, "killCursors");
  const ids: unknown = cmd.cursors;
  if (!Array.isArray(ids))
    throw new CommandError("FailedToParse", "BSON field 'killCursors.cursors' must be an array");
  const cursorsKilled: unknown[] = [];
  const cursorsNotFound: unknown[] = [];
  for (const raw of ids) {
    const id = longArg(raw);
    (ctx.cursors.kill(id) ? cursorsKilled : cursorsNotFound).push(id);
  }
  return { cursorsKilled, cursorsNotFound, cursorsAlive: [], cursorsUnknown: [], ok: 1 };
};

export const count: CommandHandler = (cmd, ctx) => {
  const name = collectionArg(cmd, "count");
  const query = docArg(cmd, "query") ?? {};
  const skip = numberArg(cmd, "skip") ?? 0;
  const limit = Math.abs(numberArg(cmd, "limit") ?? 0);
  ctx.stats.opcounters.command++;
  const coll = ctx.engine.getCollection(ctx.db, name);
  if (!coll) {
    compileFilter(query);
    return { n: 0, ok: 1 };
  }
  let n: number;
  if (Object.keys(query).length === 0) n = Math.max(0, coll.size - skip);
  else
    n =
      select(coll, query, {
        interrupt: ctx.deadline ?? undefined,
        hint: hintArg(cmd),
        collation: parseCollation(cmd.collation),
      }).length - skip;
  n = Math.max(0, n);
  if (limit > 0) n = Math.min(n, limit);
  return { n, ok: 1 };
};

export const distinct: CommandHandler = (cmd, ctx) => {
  const name = collectionArg(cmd, "distinct");
  const key: unknown = cmd.key;
  if (typeof key !== "string")
    throw new CommandError("TypeMismatch", "BSON field 'distinct.key' is the wrong type, expected string");
  const query = docArg(cmd, "query") ?? {};
  const coll = ctx.engine.getCollection(ctx.db, name);
  const values: unknown[] = [];
  if (!coll) compileFilter(query);
  if (coll) {
    const seen = new Set<string>();
    for (const { doc } of select(coll, query, {
      interrupt: ctx.deadline ?? undefined,
      collation: parseCollation(cmd.collation),
    })) {
      for (const v of valuesAtPath(doc, key).values) {
        if (v === MISSING) continue;
        const k = encodeValue(v);
        if (seen.has(k)) continue;
        seen.add(k);
        values.push(v);
      }
    }
  }
  return { values, ok: 1 };
};

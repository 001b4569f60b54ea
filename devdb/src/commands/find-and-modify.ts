import type { Document } from "bson";
import { CommandError } from "../errors.js";
import { select } from "../storage/query.js";
import { applyUpdate, buildUpsert } from "../storage/update.js";
import { boolArg, collectionArg, docArg } from "./args.js";
import type { CommandHandler } from "./context.js";
import { collateFilter, parseCollation } from "../storage/collation.js";
import { project } from "../storage/projection.js";

export const findAndModify: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, "findAndModify");
  const filter = docArg(cmd, "query") ?? {};
  const sort = docArg(cmd, "sort");
  const fields = docArg(cmd, "fields");
  const remove = boolArg(cmd, "remove", false);
  const returnNew = boolArg(cmd, "new", false);
  const upsert = boolArg(cmd, "upsert", false);
  const u: unknown = cmd.update;
  const arrayFilters = Array.isArray(cmd.arrayFilters) ? (cmd.arrayFilters as Document[]) : undefined;
  if (remove === (u !== undefined)) {
    throw new CommandError("FailedToParse", "Either an update or remove=true must be specified");
  }
  if (remove && (upsert || returnNew)) {
    throw new CommandError("FailedToParse", "Cannot specify both an update and remove=true");
  }
  const coll = ctx.engine.ensureCollection(ctx.db, name);
  const collation = parseCollation(cmd.collation);
  const bypass = boolArg(cmd, "bypassDocumentValidation", false);
  const [match] = select(coll, filter, { sort, limit: 1, collation });
  const shape = (doc: Document | undefined): Document | null =>
    doc ? project([doc], filter, fields)[0] : null;
  let lastErrorObject: Document;
  let value: Document | null;
  if (remove) {
    if (match) coll.delete(match.id);
    lastErrorObject = { n: match ? 1 : 0 };
    value = shape(match?.doc);
    ctx.stats.opcounters.delete++;
  } else {
    const update = u as Document | Document[];
    const args = { filter: collation ? collateFilter(filter, collation) : filter, arrayFilters };
    ctx.stats.opcounters.update++;
    if (match) {
      const next = applyUpdate(match.doc, update, args);
      if (next) coll.replace(match.id, next, bypass);
      lastErrorObject = { n: 1, updatedExisting: true };
      value = shape(returnNew ? (next ?? match.doc) : match.doc);
    } else if (upsert) {
      const doc = buildUpsert(update, args);
      coll.insert(doc, bypass);
      lastErrorObject = { n: 1, updatedExisting: false, upserted: doc._id };
      value = returnNew ? shape(doc) : null;
    } else {
      lastErrorObject = { n: 0, updatedExisting: false };
      value = null;
    }
  }
  await ctx.engine.commit();
  return { lastErrorObject, value, ok: 1 };
};

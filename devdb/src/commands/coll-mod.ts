import type { Document } from "bson";
import { CommandError } from "../errors.js";
import { checkValidation } from "../storage/collection-options.js";
import { encodeValue, isPlainObject } from "../storage/keys.js";
import { collectionArg } from "./args.js";
import type { CommandHandler } from "./context.js";

/**
 * collMod (https://www.mongodb.com/docs/manual/reference/command/collMod/): change a
 * collection's validator, validationLevel, validationAction, a clustered collection's
 * expireAfterSeconds, or one index's `hidden` / `expireAfterSeconds`.
 */
const COLLECTION_FIELDS = ["validator", "validationLevel", "validationAction", "expireAfterSeconds"];
const GENERIC = new Set(["collMod", "$db", "lsid", "$clusterTime", "writeConcern", "comment", "maxTimeMS"]);

export const collMod: CommandHandler = async (cmd, ctx) => {
  const name = collectionArg(cmd, "collMod");
  const coll = ctx.engine.getCollection(ctx.db, name);
  if (!coll) throw new CommandError("NamespaceNotFound", `ns does not exist: ${ctx.db}.${name}`);
  for (const k of Object.keys(cmd)) {
    if (!GENERIC.has(k) && k !== "index" && !COLLECTION_FIELDS.includes(k)) {
      throw new CommandError("InvalidOptions", `unknown option to collMod: ${k}`);
    }
  }
  const reply: Document = {};
  const changes: Document = {};
  for (const k of COLLECTION_FIELDS) if (cmd[k] !== undefined) changes[k] = cmd[k];
  if (changes.expireAfterSeconds !== undefined && !coll.options.clusteredIndex) {
    throw new CommandError("InvalidOptions", "no expiration time to update");
  }
  checkValidation(changes);
  if (Object.keys(changes).length > 0) {
    const options: Document = { ...coll.options, ...changes };
    if (options.expireAfterSeconds === "off") delete options.expireAfterSeconds;
    if (isPlainObject(options.validator) && Object.keys(options.validator).length === 0) {
      delete options.validator;
      delete options.validationLevel;
      delete options.validationAction;
    }
    ctx.engine.setOptions(coll, options);
  }
  const index: unknown = cmd.index;
  if (index !== undefined) {
    if (!isPlainObject(index)) throw new CommandError("TypeMismatch", "'index' must be a document");
    const spec = coll.indexes
      .map((ix) => ix.spec)
      .find((s) =>
        typeof index.name === "string"
          ? s.name === index.name
          : isPlainObject(index.keyPattern) && encodeValue(s.key) === encodeValue(index.keyPattern),
      );
    if (!spec)
      throw new CommandError(
        "IndexNotFound",
        `cannot find index ${JSON.stringify(index.name ?? index.keyPattern)} for ns ${coll.ns}`,
      );
    const next = { ...spec };
    if (index.hidden !== undefined) {
      if (typeof index.hidden !== "boolean")
        throw new CommandError("TypeMismatch", "'hidden' must be a boolean");
      reply.hidden_old = spec.hidden === true;
      reply.hidden_new = index.hidden;
      if (index.hidden) next.hidden = true;
      else delete next.hidden;
    }
    if (index.expireAfterSeconds !== undefined) {
      if (spec.expireAfterSeconds === undefined)
        throw new CommandError("InvalidOptions", "no expireAfterSeconds field to update");
      if (typeof index.expireAfterSeconds !== "number" || index.expireAfterSeconds < 0)
        throw new CommandError(
          "InvalidOptions",
          "TTL index 'expireAfterSeconds' option must be a non-negative number",
        );
      reply.expireAfterSeconds_old = spec.expireAfterSeconds;
      reply.expireAfterSeconds_new = index.expireAfterSeconds;
      next.expireAfterSeconds = index.expireAfterSeconds;
    }
    coll.modifyIndex(spec.name, next);
  }
  await ctx.engine.commit();
  return { ...reply, ok: 1 };
};

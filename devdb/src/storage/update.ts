import { calculateObjectSize, ObjectId, type Document } from "bson";
import { MAX_BSON_OBJECT_SIZE } from "../wire/constants.js";
import { CommandError } from "../errors.js";
import { cloneDoc, cloneValue, setField } from "./clone.js";
import { encodeValue, isPlainObject } from "./keys.js";
import { mingoUpdate, runPipeline, withOwnOperators } from "./mingo.js";
import { applyPull, checkUpdateRules } from "./update-rules.js";
import { copyTags, setTag, tagOf } from "./num-types.js";
import { afterUpdate, beforeUpdate, parentOf, retagPipelineResult, sameTypes } from "./update-types.js";

const OPERATORS = new Set([
  "$set",
  "$unset",
  "$inc",
  "$mul",
  "$min",
  "$max",
  "$rename",
  "$push",
  "$pull",
  "$pullAll",
  "$addToSet",
  "$pop",
  "$currentDate",
  "$bit",
  "$setOnInsert",
]);

export type UpdateKind = "operators" | "replacement" | "pipeline";

export function classify(u: unknown): UpdateKind {
  if (Array.isArray(u)) return "pipeline";
  if (!isPlainObject(u))
    throw new CommandError("FailedToParse", "Update argument must be either an object or an array");
  const keys = Object.keys(u);
  if (keys.length === 0 || !keys[0].startsWith("$")) {
    if (keys.some((k) => k.startsWith("$"))) {
      throw new CommandError("FailedToParse", "Unknown modifier in replacement document");
    }
    return "replacement";
  }
  for (const k of keys) {
    if (!OPERATORS.has(k)) {
      throw new CommandError(
        "FailedToParse",
        `Unknown modifier: ${k}. Expected a valid update modifier or pipeline-style update specified as an array`,
      );
    }
  }
  return "operators";
}

/** Two operators touching the same path (or one a prefix of the other) is an error in MongoDB. */
function checkConflicts(modifier: Document): void {
  const paths: string[] = [];
  for (const [op, fields] of Object.entries(modifier)) {
    if (!isPlainObject(fields))
      throw new CommandError(
        "FailedToParse",
        `Modifiers operate on fields but we found a ${typeof fields} instead`,
      );
    for (const f of Object.keys(fields)) {
      paths.push(f);
      if (op === "$rename") paths.push(String(fields[f]));
    }
  }
  // Positional paths stay as written: `a.$[x].b` and `a.$[y].b` name different elements, which
  // mongod accepts (it only fails if both pick the same element).
  const sorted = [...paths].sort();
  for (let i = 1; i < sorted.length; i++) {
    const a = sorted[i - 1];
    const b = sorted[i];
    if (a === b || b.startsWith(a + ".")) {
      throw new CommandError(
        "ConflictingUpdateOperators",
        `Updating the path '${b}' would create a conflict at '${a}'`,
      );
    }
  }
}

function isNumeric(v: unknown): boolean {
  if (typeof v === "number") return true;
  const t = (v as { _bsontype?: unknown } | null)?._bsontype;
  return t === "Long" || t === "Int32" || t === "Double" || t === "Decimal128";
}

function valueAt(doc: Document, path: string): unknown {
  let cur: unknown = doc;
  for (const part of path.split(".")) {
    if (Array.isArray(cur) && /^\d+$/.test(part)) cur = cur[Number(part)];
    else if (isPlainObject(cur)) cur = cur[part];
    else return undefined;
  }
  return cur;
}

/** mingo skips arithmetic on non-numbers silently; MongoDB refuses with TypeMismatch. */
function checkArithmetic(target: Document, modifier: Document): void {
  for (const op of ["$inc", "$mul"]) {
    const fields: unknown = modifier[op];
    if (!isPlainObject(fields)) continue;
    for (const [path, operand] of Object.entries(fields)) {
      if (!isNumeric(operand)) {
        throw new CommandError(
          "TypeMismatch",
          `Cannot ${op === "$inc" ? "increment" : "multiply"} with non-numeric argument: {${path}: ${JSON.stringify(operand)}}`,
        );
      }
      if (path.includes("$")) continue;
      const current = valueAt(target, path);
      if (current !== undefined && !isNumeric(current)) {
        throw new CommandError(
          "TypeMismatch",
          `Cannot apply ${op} to a value of non-numeric type. {_id: ${JSON.stringify(target._id)}} has the field '${path}' of non-numeric type ${current === null ? "null" : Array.isArray(current) ? "array" : typeof current}`,
        );
      }
    }
  }
}

function sameValue(a: unknown, b: unknown): boolean {
  return encodeValue(a) === encodeValue(b);
}

function immutableId(): CommandError {
  return new CommandError(
    "ImmutableField",
    "Performing an update on the path '_id' would modify the immutable field '_id'",
  );
}

function withIdFirst(doc: Document, id: unknown): Document {
  const out: Document = { _id: id };
  for (const k of Object.keys(doc)) if (k !== "_id") setField(out, k, doc[k]);
  copyTags(doc, out);
  return out;
}

export interface UpdateArgs {
  filter: Document;
  arrayFilters?: Document[];
}

/**
 * MongoDB accepts `$set: {_id: <its current value>}` as a no-op (connect-mongo sends it on every
 * session save); mingo refuses any `_id` write, so drop the harmless case before handing it over.
 */
function withoutNoOpIdSet(target: Document, modifier: Document): Document {
  const set: unknown = modifier.$set;
  if (!isPlainObject(set) || !("_id" in set) || !("_id" in target) || !sameValue(set._id, target._id))
    return modifier;
  const { _id: _same, ...rest } = set;
  copyTags(set, rest);
  const { $set: _old, ...others } = modifier;
  return Object.keys(rest).length ? { ...others, $set: rest } : others;
}

function applyOperators(target: Document, requested: Document, args: UpdateArgs): boolean {
  const modifier = withoutNoOpIdSet(target, requested);
  if (Object.keys(modifier).length === 0) return false;
  checkConflicts(modifier);
  checkArithmetic(target, modifier);
  checkUpdateRules(target, modifier);
  const { rest, changed: pulled } = applyPull(target, modifier);
  if (Object.keys(rest).length === 0) return pulled;
  const before = beforeUpdate(target, rest);
  // mingo stores operand values by reference; copy them so documents never share structure
  // with each other or with the request.
  let changed: string[];
  try {
    const run = (m: Document): string[] =>
      mingoUpdate(target, cloneValue(m), args.arrayFilters, withOwnOperators(args.filter));
    try {
      changed = run(rest);
    } catch (err) {
      // mingo refuses two positional paths under one array (`a.$[x].b` and `a.$[y].b`), which
      // mongod accepts; checkConflicts has ruled out real conflicts, so apply them one by one.
      if (!(err instanceof Error && err.message.includes("would create a conflict"))) throw err;
      changed = [];
      for (const [op, fields] of Object.entries(rest)) {
        for (const [path, value] of Object.entries(fields as Document))
          changed.push(...run({ [op]: { [path]: value } }));
      }
    }
  } catch (err) {
    // mingo guards _id itself; give its refusal MongoDB's code.
    if (err instanceof Error && err.message.includes("immutable field '_id'")) throw immutableId();
    throw err;
  }
  const retyped = afterUpdate(target, rest, before);
  return pulled || changed.length > 0 || retyped;
}

/**
 * Applies `u` to a copy of `doc`. Returns the new version, or null when nothing changed.
 * The stored document itself is never touched.
 */
export function applyUpdate(doc: Document, u: Document | Document[], args: UpdateArgs): Document | null {
  const kind = classify(u);
  if (kind === "replacement") {
    const repl = u as Document;
    if ("_id" in repl && !sameValue(repl._id, doc._id)) throw immutableId();
    const next = withIdFirst(cloneValue(repl), doc._id);
    if (sameValue(next, doc) && sameTypes(next, doc)) return null;
    checkSize(next, "update");
    return next;
  }
  if (kind === "pipeline") {
    const [next] = runPipeline([cloneDoc(doc)], u as Document[]);
    if (!next) return null;
    if (!sameValue(next._id, doc._id)) throw immutableId();
    retagPipelineResult(doc, next);
    return sameValue(next, doc) && sameTypes(next, doc) ? null : next;
  }
  const { $setOnInsert: _ignored, ...modifier } = u as Document;
  const next = cloneDoc(doc);
  if (!applyOperators(next, modifier, args)) return null;
  if (!sameValue(next._id, doc._id)) throw immutableId();
  if (sameValue(next, doc) && sameTypes(next, doc)) return null;
  checkSize(next, "update");
  return next;
}

/** mongod's 16 MiB document limit (maxBsonObjectSize), code 10334 BSONObjectTooLarge. */
export function checkSize(doc: Document, what: "insert" | "update"): void {
  const size = calculateObjectSize(doc);
  if (size <= MAX_BSON_OBJECT_SIZE) return;
  throw new CommandError(
    "BSONObjectTooLarge",
    what === "insert"
      ? `object to insert too large. size in bytes: ${size}, max size: ${MAX_BSON_OBJECT_SIZE}`
      : `Resulting document after update is larger than ${MAX_BSON_OBJECT_SIZE}`,
  );
}

/** Equality fields of a filter seed an upserted document, as in MongoDB. */
function seedFromFilter(filter: Document, into: Document): void {
  for (const [k, v] of Object.entries(filter)) {
    if (k === "$and" && Array.isArray(v)) {
      for (const sub of v) if (isPlainObject(sub)) seedFromFilter(sub, into);
      continue;
    }
    if (k.startsWith("$")) continue;
    let value: unknown = v;
    if (isPlainObject(v)) {
      const keys = Object.keys(v);
      if (keys.length > 0 && keys[0].startsWith("$")) {
        if (keys.length === 1 && keys[0] === "$eq") value = v.$eq;
        else continue;
      }
    }
    if (value instanceof RegExp) continue;
    setPath(into, k, cloneValue(value));
    // An equality on a number seeds the upserted field with the number's type.
    const tag = isPlainObject(v) && "$eq" in v ? tagOf(v, "$eq") : tagOf(filter, k);
    const place = typeof value === "number" && tag ? parentOf(into, k) : null;
    if (place) setTag(place[0], place[1], tag);
  }
}

function setPath(doc: Document, path: string, value: unknown): void {
  const parts = path.split(".");
  let cur: Document = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const next: unknown = cur[parts[i]];
    if (!isPlainObject(next)) cur[parts[i]] = {};
    cur = cur[parts[i]] as Document;
  }
  cur[parts[parts.length - 1]] = value;
}

/** Builds the document an upsert inserts when nothing matched. */
export function buildUpsert(u: Document | Document[], args: UpdateArgs): Document {
  const kind = classify(u);
  const seed: Document = {};
  seedFromFilter(args.filter, seed);
  let doc: Document;
  if (kind === "replacement") {
    doc = cloneValue(u as Document);
    if (!("_id" in doc) && "_id" in seed) doc._id = seed._id;
  } else if (kind === "pipeline") {
    doc = runPipeline([seed], u as Document[])[0] ?? seed;
  } else {
    const { $setOnInsert, ...rest } = u as Document;
    const modifier: Document = { ...rest };
    if (isPlainObject($setOnInsert)) {
      const set = isPlainObject(rest.$set) ? rest.$set : {};
      const merged: Document = { ...set, ...$setOnInsert };
      for (const [from, keys] of [
        [set, Object.keys(set)],
        [$setOnInsert, Object.keys($setOnInsert)],
      ] as const)
        for (const k of keys) setTag(merged, k, tagOf(from, k));
      modifier.$set = merged;
    }
    doc = seed;
    applyOperators(doc, modifier, { ...args, filter: {} });
    if ("_id" in seed && !sameValue(doc._id, seed._id)) throw immutableId();
  }
  return withIdFirst(doc, doc._id === undefined ? new ObjectId() : doc._id);
}

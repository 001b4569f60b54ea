import { type Document } from "bson";
import { CommandError } from "../errors.js";
import { encodeValue, formatKeyValue, isPlainObject } from "./keys.js";
import { bsonTypeName } from "./bson-types.js";
import { compileFilter } from "./mingo.js";

/**
 * Update rules mingo doesn't enforce the way mongod does: array operators on non-arrays, paths
 * that cannot be created, and `$pull` conditions (mongod's PullNode: a document of field
 * conditions or `$or`/`$and` matches array elements that are documents; an operator condition
 * such as `{$gte: 4}` or a regex matches each element as a value; anything else is equality).
 */

const POSITIONAL = /\$/;

interface Walk {
  /** The value at the path, or undefined when some component is missing. */
  value: unknown;
  /** Set when the path runs into a scalar or through an array by field name. */
  blockedAt?: { field: string; parentPath: string; parent: unknown };
}

function walk(doc: Document, path: string): Walk {
  const parts = path.split(".");
  let cur: unknown = doc;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i];
    if (cur === undefined) return { value: undefined };
    if (Array.isArray(cur)) {
      if (/^\d+$/.test(part)) {
        cur = cur[Number(part)];
        continue;
      }
      return {
        value: undefined,
        blockedAt: { field: part, parentPath: parts.slice(0, i).join("."), parent: cur },
      };
    }
    if (isPlainObject(cur)) {
      cur = Object.prototype.hasOwnProperty.call(cur, part) ? cur[part] : undefined;
      continue;
    }
    return {
      value: undefined,
      blockedAt: { field: part, parentPath: parts.slice(0, i).join("."), parent: cur },
    };
  }
  return { value: cur };
}

function lastSegment(path: string): string {
  return path.slice(path.lastIndexOf(".") + 1);
}

/** Operators that create the path they name, and so fail where it cannot exist. */
const CREATING = [
  "$set",
  "$inc",
  "$mul",
  "$min",
  "$max",
  "$push",
  "$addToSet",
  "$currentDate",
  "$setOnInsert",
];

/** Throws mongod's error for updates it refuses: path not viable (28), array operators on non-arrays. */
export function checkUpdateRules(target: Document, modifier: Document): void {
  for (const op of CREATING) {
    const fields: unknown = modifier[op];
    if (!isPlainObject(fields)) continue;
    for (const path of Object.keys(fields)) {
      if (POSITIONAL.test(path)) continue;
      const { blockedAt } = walk(target, path);
      if (blockedAt) {
        const shown = blockedAt.parentPath.slice(blockedAt.parentPath.lastIndexOf(".") + 1);
        throw new CommandError(
          "PathNotViable",
          `Cannot create field '${blockedAt.field}' in element {${shown}: ${formatKeyValue(blockedAt.parent)}}`,
        );
      }
    }
  }
  const arrayOps: [string, (path: string, v: unknown) => CommandError][] = [
    [
      "$push",
      (path, v) =>
        new CommandError(
          "BadValue",
          `The field '${path}' must be an array but is of type ${bsonTypeName(v)} in document {_id: ${formatKeyValue(target._id)}}`,
        ),
    ],
    [
      "$addToSet",
      (path, v) =>
        new CommandError(
          "BadValue",
          `Cannot apply $addToSet to non-array field. Field named '${lastSegment(path)}' has non-array type ${bsonTypeName(v)}`,
        ),
    ],
    ["$pull", () => new CommandError("BadValue", "Cannot apply $pull to a non-array value")],
    ["$pullAll", () => new CommandError("BadValue", "Cannot apply $pull to a non-array value")],
    [
      "$pop",
      (path, v) =>
        new CommandError(
          "TypeMismatch",
          `Path '${path}' contains an element of non-array type '${bsonTypeName(v)}'`,
        ),
    ],
  ];
  for (const [op, error] of arrayOps) {
    const fields: unknown = modifier[op];
    if (!isPlainObject(fields)) continue;
    for (const path of Object.keys(fields)) {
      if (POSITIONAL.test(path)) continue;
      const { value } = walk(target, path);
      if (value !== undefined && !Array.isArray(value)) throw error(path, value);
    }
  }
}

/** Top-level query keywords: a `$pull` condition starting with one is a query on element documents. */
const TOP_LEVEL = new Set(["$and", "$or", "$nor", "$expr", "$where", "$text", "$comment", "$jsonSchema"]);

function pullMatcher(cond: unknown): (element: unknown) => boolean {
  if (isPlainObject(cond)) {
    const first = Object.keys(cond)[0];
    if (first === undefined || !first.startsWith("$") || TOP_LEVEL.has(first)) {
      const q = compileFilter(cond);
      return (el) => isPlainObject(el) && q.test(el);
    }
    const q = compileFilter({ v: cond });
    return (el) => q.test({ v: el });
  }
  if (cond instanceof RegExp) {
    const q = compileFilter({ v: cond });
    return (el) => q.test({ v: el });
  }
  const key = encodeValue(cond);
  return (el) => encodeValue(el) === key;
}

/**
 * Applies the plain-path `$pull`s of `modifier` to `target` in place and returns the modifier
 * without them (positional `$pull`s stay for mingo), plus whether anything was removed.
 */
export function applyPull(target: Document, modifier: Document): { rest: Document; changed: boolean } {
  const pull: unknown = modifier.$pull;
  if (!isPlainObject(pull)) return { rest: modifier, changed: false };
  const { $pull: _taken, ...rest } = modifier;
  const positional: Document = {};
  let changed = false;
  for (const [path, cond] of Object.entries(pull)) {
    if (POSITIONAL.test(path)) {
      positional[path] = cond;
      continue;
    }
    const { value } = walk(target, path);
    if (!Array.isArray(value)) continue;
    const matches = pullMatcher(cond);
    const kept = value.filter((el) => !matches(el));
    if (kept.length === value.length) continue;
    const parts = path.split(".");
    let parent: unknown = target;
    for (const p of parts.slice(0, -1))
      parent = Array.isArray(parent) ? parent[Number(p)] : (parent as Document)[p];
    const leaf = parts[parts.length - 1];
    if (Array.isArray(parent)) parent[Number(leaf)] = kept;
    else (parent as Document)[leaf] = kept;
    changed = true;
  }
  if (Object.keys(positional).length > 0) rest.$pull = positional;
  return { rest, changed };
}

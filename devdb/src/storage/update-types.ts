import type { Document } from "bson";
import { isPlainObject } from "./keys.js";
import { clearTags, numberType, setTag, tagOf, transferTags, type NumTag } from "./num-types.js";

/**
 * Keeps the BSON numeric types (num-types.ts) right through an operator update, following
 * mongod (https://www.mongodb.com/docs/manual/reference/operator/update/inc/ and `$mul`):
 * `$set` takes the given value's type; `$inc`/`$mul` promote int → long → double (an int32
 * result that overflows becomes a long, anything with a double is a double, a missing field
 * takes the operand's type); `$min`/`$max` take the operand's type when they replace the value;
 * `$rename` moves the type with the value. Numbers that array operators or positional paths
 * write, and values a pipeline update computes, get the type their JS number implies.
 */

type Num = "int" | "long" | "double";

interface Before {
  value: unknown;
  type: Num | undefined;
  tag: NumTag | undefined;
}

/** The container and key a dotted path ends at, when every step up to it exists. */
export function parentOf(doc: Document, path: string): [object, string] | null {
  const parts = path.split(".");
  let cur: unknown = doc;
  for (let i = 0; i < parts.length - 1; i++) {
    const p = parts[i];
    if (Array.isArray(cur) && /^\d+$/.test(p)) cur = cur[Number(p)];
    else if (isPlainObject(cur)) cur = cur[p];
    else return null;
  }
  if (cur === null || typeof cur !== "object") return null;
  return [cur, parts[parts.length - 1]];
}

function valueAt(place: [object, string] | null): unknown {
  return place ? (place[0] as Record<string, unknown>)[place[1]] : undefined;
}

const isPositional = (path: string): boolean => path.split(".").some((p) => p.startsWith("$"));

/** Removes every tag in a value and the values it holds. */
export function clearDeep(v: unknown): void {
  if (v === null || typeof v !== "object") return;
  if (!Array.isArray(v) && !isPlainObject(v)) return;
  clearTags(v);
  for (const el of Object.values(v)) clearDeep(el);
}

/** What the update's numeric operators need to know of the target before it changes. */
export function beforeUpdate(target: Document, modifier: Document): Map<string, Before> {
  const out = new Map<string, Before>();
  for (const op of ["$inc", "$mul", "$min", "$max", "$rename"]) {
    const fields: unknown = modifier[op];
    if (!isPlainObject(fields)) continue;
    for (const path of Object.keys(fields)) {
      if (isPositional(path)) continue;
      const place = parentOf(target, path);
      const value = valueAt(place);
      out.set(`${op} ${path}`, {
        value,
        type: typeof value === "number" && place ? numberType(value, place[0], place[1]) : undefined,
        tag: place ? tagOf(place[0], place[1]) : undefined,
      });
    }
  }
  return out;
}

function tagFor(type: Num, n: number): NumTag | undefined {
  if (type === "long") return "long";
  if (type === "double") return numberType(n) === "int" ? "double" : undefined;
  return undefined;
}

function arithmeticType(old: Num | undefined, operand: Num, result: number): Num {
  if (old === undefined) return operand;
  if (old === "double" || operand === "double") return "double";
  if (old === "long" || operand === "long") return "long";
  return numberType(result) === "int" ? "int" : "long";
}

/**
 * Sets the tags of the paths an operator update wrote (`modifier` as applied). Returns whether
 * a type changed, which is a modification even where the value compares equal (`$set` of 1 on
 * a Double 1.0).
 */
export function afterUpdate(target: Document, modifier: Document, before: Map<string, Before>): boolean {
  let changed = false;
  const retag = (container: object, key: string, tag: NumTag | undefined): void => {
    if (tagOf(container, key) !== tag) changed = true;
    setTag(container, key, tag);
  };
  for (const [op, fields] of Object.entries(modifier)) {
    if (!isPlainObject(fields)) continue;
    for (const [path, operand] of Object.entries(fields)) {
      if (isPositional(path)) {
        // The elements written aren't known here: their numbers get the type the value implies.
        const prefix = path.split(".");
        clearDeep(
          valueAt(
            parentOf(
              target,
              prefix
                .slice(
                  0,
                  prefix.findIndex((p) => p.startsWith("$")),
                )
                .join("."),
            ),
          ),
        );
        continue;
      }
      const place = parentOf(target, op === "$rename" ? String(operand) : path);
      if (!place) continue;
      const [container, key] = place;
      const now = (container as Record<string, unknown>)[key];
      const prior = before.get(`${op} ${path}`);
      const operandTag = tagOf(fields, path);
      switch (op) {
        case "$set":
        case "$setOnInsert":
          retag(container, key, operandTag);
          break;
        case "$inc":
        case "$mul":
          if (typeof now === "number" && typeof operand === "number") {
            const old = typeof prior?.value === "number" ? prior.type : undefined;
            const type = arithmeticType(old, numberType(operand, fields, path), now);
            retag(container, key, tagFor(type, now));
          } else retag(container, key, undefined);
          break;
        case "$min":
        case "$max":
          if (!Object.is(prior?.value, now)) retag(container, key, operandTag);
          break;
        case "$rename": {
          retag(container, key, prior?.tag);
          const from = parentOf(target, path);
          if (from) setTag(from[0], from[1], undefined);
          break;
        }
        case "$bit":
          break;
        default:
          // $unset, $currentDate and the array operators: no tag survives at the path.
          retag(container, key, undefined);
          if (Array.isArray(now)) clearTags(now);
      }
    }
  }
  return changed;
}

/** A pipeline update's result: values left where they were keep their type, computed ones don't. */
export function retagPipelineResult(original: Document, next: Document): void {
  clearDeep(next);
  transferTags(original, next);
}

/** Whether two documents with equal values also hold their numbers with the same types. */
export function sameTypes(a: unknown, b: unknown): boolean {
  if (a === b || a === null || b === null || typeof a !== "object" || typeof b !== "object") return true;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  for (const k of Object.keys(x)) {
    const v = x[k];
    if (typeof v === "number") {
      if (typeof y[k] === "number" && numberType(v, x, k) !== numberType(y[k] as number, y, k)) return false;
    } else if (!sameTypes(v, y[k])) return false;
  }
  return true;
}

import type { Document } from "bson";
import { CommandError } from "../errors.js";
import { bsonTypeName } from "./bson-types.js";
import { encodeValue, isPlainObject } from "./keys.js";

/**
 * `$jsonSchema` as mongod implements it (JSON Schema draft 4 with `bsonType`;
 * https://www.mongodb.com/docs/manual/reference/operator/query/jsonSchema/): the keywords
 * below; any other keyword is refused with code 2 as mongod does for unsupported ones
 * (`$ref`, `$schema`, `default`, `definitions`, `format`, `id`).
 */
const SUPPORTED = new Set([
  "bsonType",
  "type",
  "required",
  "properties",
  "additionalProperties",
  "patternProperties",
  "minProperties",
  "maxProperties",
  "enum",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "multipleOf",
  "minLength",
  "maxLength",
  "pattern",
  "items",
  "additionalItems",
  "minItems",
  "maxItems",
  "uniqueItems",
  "allOf",
  "anyOf",
  "oneOf",
  "not",
  "dependencies",
  "title",
  "description",
]);

/** JSON Schema `type` names in BSON terms. */
const JSON_TYPES: Record<string, (v: unknown) => boolean> = {
  object: (v) => bsonTypeName(v) === "object",
  array: Array.isArray,
  string: (v) => typeof v === "string",
  number: (v) => ["int", "long", "double", "decimal"].includes(bsonTypeName(v)),
  boolean: (v) => typeof v === "boolean",
  null: (v) => v === null,
};

function num(v: unknown): number {
  if (typeof v === "number") return v;
  return Number(String(v));
}

function typeMatches(names: unknown, v: unknown, bson: boolean): boolean {
  const list = Array.isArray(names) ? names : [names];
  return list.some((n) => {
    if (typeof n !== "string") return false;
    if (!bson) return JSON_TYPES[n]?.(v) ?? false;
    if (n === "number") return JSON_TYPES.number(v);
    return bsonTypeName(v) === n;
  });
}

export function compileSchema(schema: Document): (value: unknown) => boolean {
  for (const k of Object.keys(schema)) {
    if (!SUPPORTED.has(k)) {
      throw new CommandError("BadValue", `$jsonSchema keyword '${k}' is not currently supported`);
    }
  }
  const checks: ((v: unknown) => boolean)[] = [];
  const s = schema;
  if (s.bsonType !== undefined) checks.push((v) => typeMatches(s.bsonType, v, true));
  if (s.type !== undefined) checks.push((v) => typeMatches(s.type, v, false));
  if (Array.isArray(s.enum)) {
    const allowed = new Set((s.enum as unknown[]).map(encodeValue));
    checks.push((v) => allowed.has(encodeValue(v)));
  }
  // Keywords for one kind of value ignore other kinds, as in JSON Schema.
  const numeric = (v: unknown): boolean => JSON_TYPES.number(v);
  if (s.minimum !== undefined)
    checks.push(
      (v) => !numeric(v) || (s.exclusiveMinimum ? num(v) > num(s.minimum) : num(v) >= num(s.minimum)),
    );
  if (s.maximum !== undefined)
    checks.push(
      (v) => !numeric(v) || (s.exclusiveMaximum ? num(v) < num(s.maximum) : num(v) <= num(s.maximum)),
    );
  if (s.multipleOf !== undefined) checks.push((v) => !numeric(v) || num(v) % num(s.multipleOf) === 0);
  if (s.minLength !== undefined)
    checks.push((v) => typeof v !== "string" || [...v].length >= num(s.minLength));
  if (s.maxLength !== undefined)
    checks.push((v) => typeof v !== "string" || [...v].length <= num(s.maxLength));
  if (typeof s.pattern === "string") {
    const re = new RegExp(s.pattern, "u");
    checks.push((v) => typeof v !== "string" || re.test(v));
  }
  if (s.minItems !== undefined) checks.push((v) => !Array.isArray(v) || v.length >= num(s.minItems));
  if (s.maxItems !== undefined) checks.push((v) => !Array.isArray(v) || v.length <= num(s.maxItems));
  if (s.uniqueItems === true)
    checks.push((v) => !Array.isArray(v) || new Set(v.map(encodeValue)).size === v.length);
  if (isPlainObject(s.items)) {
    const item = compileSchema(s.items);
    checks.push((v) => !Array.isArray(v) || v.every(item));
  } else if (Array.isArray(s.items)) {
    const tuple = (s.items as Document[]).map(compileSchema);
    const extra = isPlainObject(s.additionalItems) ? compileSchema(s.additionalItems) : null;
    checks.push(
      (v) =>
        !Array.isArray(v) ||
        v.every((el, i) =>
          i < tuple.length ? tuple[i](el) : s.additionalItems === false ? false : extra ? extra(el) : true,
        ),
    );
  }
  const isObj = (v: unknown): v is Document => bsonTypeName(v) === "object";
  if (Array.isArray(s.required)) {
    const req = s.required as string[];
    checks.push((v) => !isObj(v) || req.every((k) => Object.prototype.hasOwnProperty.call(v, k)));
  }
  if (s.minProperties !== undefined)
    checks.push((v) => !isObj(v) || Object.keys(v).length >= num(s.minProperties));
  if (s.maxProperties !== undefined)
    checks.push((v) => !isObj(v) || Object.keys(v).length <= num(s.maxProperties));
  const props = isPlainObject(s.properties)
    ? Object.entries(s.properties).map(([k, sub]) => [k, compileSchema(sub as Document)] as const)
    : [];
  const patterns = isPlainObject(s.patternProperties)
    ? Object.entries(s.patternProperties).map(
        ([p, sub]) => [new RegExp(p, "u"), compileSchema(sub as Document)] as const,
      )
    : [];
  if (props.length > 0 || patterns.length > 0 || s.additionalProperties !== undefined) {
    const known = new Set(props.map(([k]) => k));
    const additional = isPlainObject(s.additionalProperties) ? compileSchema(s.additionalProperties) : null;
    checks.push((v) => {
      if (!isObj(v)) return true;
      for (const [k, check] of props)
        if (Object.prototype.hasOwnProperty.call(v, k) && !check(v[k])) return false;
      for (const k of Object.keys(v)) {
        const matched = patterns.filter(([re]) => re.test(k));
        if (matched.some(([, check]) => !check(v[k]))) return false;
        if (known.has(k) || matched.length > 0) continue;
        if (s.additionalProperties === false) return false;
        if (additional && !additional(v[k])) return false;
      }
      return true;
    });
  }
  if (isPlainObject(s.dependencies)) {
    const deps = Object.entries(s.dependencies).map(
      ([k, d]) => [k, Array.isArray(d) ? (d as string[]) : compileSchema(d as Document)] as const,
    );
    checks.push((v) => {
      if (!isObj(v)) return true;
      for (const [k, d] of deps) {
        if (!Object.prototype.hasOwnProperty.call(v, k)) continue;
        if (Array.isArray(d) ? !d.every((r) => Object.prototype.hasOwnProperty.call(v, r)) : !d(v))
          return false;
      }
      return true;
    });
  }
  const subs = (key: string): ((v: unknown) => boolean)[] =>
    Array.isArray(s[key]) ? (s[key] as Document[]).map(compileSchema) : [];
  const allOf = subs("allOf");
  const anyOf = subs("anyOf");
  const oneOf = subs("oneOf");
  if (allOf.length) checks.push((v) => allOf.every((f) => f(v)));
  if (anyOf.length) checks.push((v) => anyOf.some((f) => f(v)));
  if (oneOf.length) checks.push((v) => oneOf.filter((f) => f(v)).length === 1);
  if (isPlainObject(s.not)) {
    const not = compileSchema(s.not);
    checks.push((v) => !not(v));
  }
  return (v) => checks.every((c) => c(v));
}

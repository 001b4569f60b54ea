import type { Options } from "mingo/types";
import { CommandError } from "../errors.js";
import { encodeValue, isPlainObject } from "./keys.js";
import { numberType } from "./num-types.js";

/**
 * BSON type names and numbers as mongod's `$type` knows them
 * (https://www.mongodb.com/docs/manual/reference/operator/query/type/). devdb keeps numbers as
 * JS numbers: an integer in the int32 range is an `int`, any other a `double`, except where
 * num-types.ts has tagged the number with its stored type (a Double holding an integer, a
 * Long within ±2^53); `Long` beyond 2^53 stays a `Long` object.
 */
const NUMBERS: Record<string, number> = {
  double: 1,
  string: 2,
  object: 3,
  array: 4,
  binData: 5,
  undefined: 6,
  objectId: 7,
  bool: 8,
  date: 9,
  null: 10,
  regex: 11,
  dbPointer: 12,
  javascript: 13,
  symbol: 14,
  javascriptWithScope: 15,
  int: 16,
  timestamp: 17,
  long: 18,
  decimal: 19,
  minKey: -1,
  maxKey: 127,
};
const NAMES = new Map(Object.entries(NUMBERS).map(([name, n]) => [n, name]));
const NUMERIC = new Set(["double", "int", "long", "decimal"]);

const BSON_CLASSES: Record<string, string> = {
  ObjectId: "objectId",
  Binary: "binData",
  UUID: "binData",
  Long: "long",
  Int32: "int",
  Double: "double",
  Decimal128: "decimal",
  Timestamp: "timestamp",
  BSONRegExp: "regex",
  MinKey: "minKey",
  MaxKey: "maxKey",
  BSONSymbol: "symbol",
  DBRef: "object",
};

/**
 * The BSON type name of a stored value (mongod's `$type` aggregation expression names); give
 * the value's container and key for a number, whose stored type may be tagged there.
 */
export function bsonTypeName(v: unknown, container?: object, key?: string): string {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  if (Array.isArray(v)) return "array";
  if (typeof v === "string") return "string";
  if (typeof v === "boolean") return "bool";
  if (typeof v === "number") return numberType(v, container, key);
  if (typeof v === "bigint") return "long";
  if (v instanceof Date) return "date";
  if (v instanceof RegExp) return "regex";
  if (typeof v === "object") {
    const t = (v as { _bsontype?: unknown })._bsontype;
    if (t === "Code") return (v as { scope?: unknown }).scope ? "javascriptWithScope" : "javascript";
    if (typeof t === "string") return BSON_CLASSES[t] ?? t.toLowerCase();
    return "object";
  }
  return typeof v;
}

/** Parses a `$type` argument (name, number or an array of them) into a set of type names. */
function parseTypes(spec: unknown): Set<string> {
  const out = new Set<string>();
  for (const t of Array.isArray(spec) ? spec : [spec]) {
    if (typeof t === "string") {
      if (t === "number") for (const n of NUMERIC) out.add(n);
      else if (t in NUMBERS) out.add(t);
      else throw new CommandError("BadValue", `Unknown type name alias: ${t}`);
    } else if (typeof t === "number" && NAMES.has(t)) {
      out.add(NAMES.get(t) as string);
    } else if (typeof t === "number") {
      throw new CommandError("BadValue", `Invalid numerical type code: ${t}`);
    } else {
      throw new CommandError("TypeMismatch", "type must be represented as a number or a string");
    }
  }
  return out;
}

/** A value a query path reaches, with the container and key it was found at. */
type Reached = [value: unknown, container: object | undefined, key: string | undefined];

/** The values a query path reaches, with arrays offered both whole and element by element. */
function reach(value: unknown, parts: string[], out: Reached[], container?: object, key?: string): void {
  if (parts.length === 0) {
    out.push([value, container, key]);
    if (Array.isArray(value)) value.forEach((el, i) => out.push([el, value, String(i)]));
    return;
  }
  const [head, ...rest] = parts;
  if (Array.isArray(value)) {
    if (/^\d+$/.test(head)) reach(value[Number(head)], rest, out, value, head);
    for (const el of value) if (isPlainObject(el)) reach(el, parts, out);
    return;
  }
  if (isPlainObject(value) && Object.prototype.hasOwnProperty.call(value, head))
    reach(value[head], rest, out, value, head);
}

/** mingo query operator `$type` with mongod's names, numbers and array semantics. */
export function $type(selector: string, value: unknown, _options: Options): (doc: unknown) => boolean {
  const wanted = parseTypes(value);
  const parts = selector.split(".");
  return (doc) => {
    const found: Reached[] = [];
    reach(doc, parts, found);
    return found.some(([v, c, k]) => v !== undefined && wanted.has(bsonTypeName(v, c, k)));
  };
}

const isBinary = (v: unknown): boolean =>
  typeof v === "object" && v !== null && (v as { _bsontype?: unknown })._bsontype === "Binary";

/**
 * Range operators on BinData, which mingo cannot order: mongod compares BinData by length,
 * then subtype, then bytes (https://www.mongodb.com/docs/manual/reference/bson-type-comparison-order/),
 * the order devdb's key encoding already has. Only BinData values are compared with BinData.
 */
function binaryRange(test: (cmp: number) => boolean) {
  return (selector: string, value: unknown, _options: Options): ((doc: unknown) => boolean) => {
    const bound = encodeValue(value);
    const parts = selector.split(".");
    return (doc) => {
      const found: Reached[] = [];
      reach(doc, parts, found);
      return found.some(([v]) => {
        if (!isBinary(v)) return false;
        const k = encodeValue(v);
        return test(k < bound ? -1 : k > bound ? 1 : 0);
      });
    };
  };
}

export const BINARY_RANGE_OPS = {
  $devdbBinGt: binaryRange((c) => c > 0),
  $devdbBinGte: binaryRange((c) => c >= 0),
  $devdbBinLt: binaryRange((c) => c < 0),
  $devdbBinLte: binaryRange((c) => c <= 0),
};

/** The private operator name devdb uses for `op` with this operand, if any. */
export function ownOperator(op: string, operand: unknown): string | null {
  if (op === "$type") return "$devdbType";
  if (isBinary(operand)) {
    const alias: Record<string, string> = {
      $gt: "$devdbBinGt",
      $gte: "$devdbBinGte",
      $lt: "$devdbBinLt",
      $lte: "$devdbBinLte",
    };
    return alias[op] ?? null;
  }
  return null;
}

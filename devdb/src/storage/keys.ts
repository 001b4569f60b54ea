import type { Document } from "bson";

/**
 * Order-preserving string encoding of BSON values. Index keys are compared as plain strings,
 * so the type prefix follows MongoDB's cross-type sort order and each type's body sorts like
 * the value. The encoding is injective, which unique indexes rely on.
 */
const T_MINKEY = "A";
const T_NULL = "B";
const T_NUMBER = "C";
const T_STRING = "D";
const T_OBJECT = "E";
const T_ARRAY = "F";
const T_BINARY = "G";
const T_OBJECTID = "H";
const T_BOOL = "I";
const T_DATE = "J";
const T_TIMESTAMP = "K";
const T_REGEX = "L";
const T_OTHER = "M";
const T_MAXKEY = "Z";

export const NULL_KEY = T_NULL;
/** Separates compound-key components; sorts below every escaped character. */
export const SEP = "\u0000";

const f64 = new Float64Array(1);
const u32 = new Uint32Array(f64.buffer);
const LITTLE_ENDIAN = new Uint8Array(new Uint16Array([1]).buffer)[0] === 1;
const HI = LITTLE_ENDIAN ? 1 : 0;
const LO = LITTLE_ENDIAN ? 0 : 1;

function hex8(n: number): string {
  return n.toString(16).padStart(8, "0");
}

export function encodeNumber(n: number): string {
  // NaN sorts below every number in MongoDB; all zeros is below the encoding of -Infinity.
  if (Number.isNaN(n)) return "0000000000000000";
  f64[0] = n === 0 ? 0 : n;
  let hi = u32[HI];
  let lo = u32[LO];
  if (hi & 0x80000000) {
    hi = ~hi >>> 0;
    lo = ~lo >>> 0;
  } else {
    hi = (hi | 0x80000000) >>> 0;
  }
  return hex8(hi) + hex8(lo);
}

/** Makes SEP ("\u0000") unambiguous inside a component; "\u0001" is the escape character. */
export function escape(s: string): string {
  if (s.indexOf("\u0000") < 0 && s.indexOf("\u0001") < 0) return s;
  return s.replaceAll("\u0001", "\u0001\u0002").replaceAll("\u0000", "\u0001\u0001");
}

interface BsonLike {
  _bsontype: string;
}

function isBsonValue(v: object): v is BsonLike {
  return typeof (v as Partial<BsonLike>)._bsontype === "string";
}

export function isPlainObject(v: unknown): v is Document {
  if (v === null || typeof v !== "object") return false;
  const proto: unknown = Object.getPrototypeOf(v);
  return proto === Object.prototype || proto === null;
}

function encodeBson(v: BsonLike & Record<string, unknown>): string {
  switch (v._bsontype) {
    case "ObjectId":
      return T_OBJECTID + (v as unknown as { toHexString(): string }).toHexString();
    case "Long":
    case "Int32":
    case "Double":
      return T_NUMBER + encodeNumber(Number(v as unknown as number));
    case "Decimal128":
      return T_NUMBER + encodeNumber(parseFloat(String(v)));
    case "Timestamp": {
      const t = v as unknown as { high: number; low: number };
      return T_TIMESTAMP + hex8(t.high >>> 0) + hex8(t.low >>> 0);
    }
    case "Binary": {
      const b = v as unknown as { sub_type: number; buffer: Uint8Array; position: number };
      const bytes = Buffer.from(b.buffer.buffer, b.buffer.byteOffset, b.position);
      return T_BINARY + hex8(bytes.length) + b.sub_type.toString(16).padStart(2, "0") + bytes.toString("hex");
    }
    case "BSONRegExp": {
      const r = v as unknown as { pattern: string; options: string };
      return T_REGEX + escape(r.pattern) + SEP + r.options;
    }
    case "BSONSymbol":
      return T_STRING + escape(String(v));
    case "MinKey":
      return T_MINKEY;
    case "MaxKey":
      return T_MAXKEY;
    default:
      return T_OTHER + escape(v._bsontype + ":" + JSON.stringify(v));
  }
}

export function encodeValue(v: unknown): string {
  switch (typeof v) {
    case "number":
      return T_NUMBER + encodeNumber(v);
    case "string":
      return T_STRING + escape(v);
    case "boolean":
      return v ? T_BOOL + "1" : T_BOOL + "0";
    case "undefined":
      return T_NULL;
    case "bigint":
      return T_NUMBER + encodeNumber(Number(v));
    case "object": {
      if (v === null) return T_NULL;
      if (v instanceof Date) return T_DATE + encodeNumber(v.getTime());
      if (Array.isArray(v)) {
        let s = T_ARRAY;
        for (const el of v) s += escape(encodeValue(el)) + SEP;
        return s;
      }
      if (v instanceof RegExp) return T_REGEX + escape(v.source) + SEP + v.flags;
      if (isBsonValue(v)) return encodeBson(v as BsonLike & Record<string, unknown>);
      let s = T_OBJECT;
      for (const k of Object.keys(v)) {
        s += escape(k) + SEP + escape(encodeValue((v as Document)[k])) + SEP;
      }
      return s;
    }
    default:
      return T_OTHER + escape(String(v));
  }
}

/** The smallest and just-past-largest keys of the type bracket that `encoded` belongs to. */
export function typeBracket(encoded: string): [string, string] {
  const t = encoded.charCodeAt(0);
  return [String.fromCharCode(t), String.fromCharCode(t + 1)];
}

/** Range queries only compare within one type in MongoDB; these are the types we index ranges for. */
export function isRangeComparable(v: unknown): boolean {
  if (typeof v === "number" || typeof v === "string" || v instanceof Date) return true;
  if (v !== null && typeof v === "object" && isBsonValue(v)) {
    return ["ObjectId", "Long", "Int32", "Double", "Decimal128", "Timestamp"].includes(v._bsontype);
  }
  return false;
}

export const MISSING: unique symbol = Symbol("missing");

export interface PathValues {
  values: unknown[];
  /** True when some array was expanded, i.e. the index becomes multikey. */
  expanded: boolean;
}

/**
 * Collects the values an index on `path` holds for `doc`, expanding arrays the way MongoDB
 * multikey indexes do. A missing field yields MISSING (indexed as null).
 */
export function valuesAtPath(doc: Document, path: string): PathValues {
  const parts = path.split(".");
  const out: PathValues = { values: [], expanded: false };
  walk(doc, parts, 0, out);
  if (out.values.length === 0) out.values.push(MISSING);
  return out;
}

function walk(value: unknown, parts: string[], i: number, out: PathValues): void {
  if (i === parts.length) {
    if (Array.isArray(value)) {
      out.expanded = true;
      // MongoDB indexes an empty array as undefined, which equality on null also finds.
      if (value.length === 0) out.values.push(MISSING);
      else for (const el of value) out.values.push(el);
    } else {
      out.values.push(value);
    }
    return;
  }
  if (Array.isArray(value)) {
    out.expanded = true;
    const part = parts[i];
    if (/^\d+$/.test(part) && Number(part) < value.length) walk(value[Number(part)], parts, i + 1, out);
    for (const el of value) {
      if (isPlainObject(el)) walk(el, parts, i, out);
    }
    return;
  }
  if (isPlainObject(value)) {
    const part = parts[i];
    if (Object.prototype.hasOwnProperty.call(value, part)) walk(value[part], parts, i + 1, out);
    else out.values.push(MISSING);
    return;
  }
  out.values.push(MISSING);
}

export function encodeKeyValue(v: unknown): string {
  return v === MISSING ? T_NULL : encodeValue(v);
}

/** Shell-style rendering used in E11000 messages, e.g. `{ email: "x" }`. */
export function formatKeyValue(v: unknown): string {
  if (v === MISSING || v === null || v === undefined) return "null";
  if (typeof v === "string") return JSON.stringify(v);
  if (typeof v === "number" || typeof v === "boolean") return String(v);
  if (v instanceof Date) return `new Date(${v.getTime()})`;
  if (Array.isArray(v)) return `[ ${v.map(formatKeyValue).join(", ")} ]`;
  if (typeof v === "object" && isBsonValue(v)) {
    if (v._bsontype === "ObjectId") return `ObjectId('${String(v)}')`;
    return String(v);
  }
  if (isPlainObject(v)) {
    const parts = Object.keys(v).map((k) => `${k}: ${formatKeyValue(v[k])}`);
    return parts.length ? `{ ${parts.join(", ")} }` : "{}";
  }
  return String(v);
}

import { deserialize, Double, Long, serialize, type Document } from "bson";

/**
 * BSON numeric types that a JavaScript number cannot carry. devdb stores numbers as JS numbers
 * (mingo compares only those), and a number's BSON type is inferred as bson serialises it: an
 * integer in the int32 range is an Int32, any other number a Double. The exceptions, a Double
 * holding an int32-range integer and an Int64 (Long) within ±2^53, are remembered here as tags
 * on the object or array that holds the value, keyed by field name or index. The tags live in a
 * WeakMap, so they are never fields: queries and projections don't see them, and a container
 * dropped by the engine drops its tags. Objects without special numbers have no entry at all.
 */
export type NumTag = "double" | "long";

const tags = new WeakMap<object, Map<string, NumTag>>();

export function tagOf(container: object, key: string): NumTag | undefined {
  return tags.get(container)?.get(key);
}

export function setTag(container: object, key: string, tag: NumTag | undefined): void {
  let m = tags.get(container);
  if (tag === undefined) {
    if (m?.delete(key) && m.size === 0) tags.delete(container);
    return;
  }
  if (!m) tags.set(container, (m = new Map()));
  m.set(key, tag);
}

/** Gives `to` the tags of `from` (a copy of the same fields, e.g. a cloned container). */
export function copyTags(from: object, to: object): void {
  const m = tags.get(from);
  if (m) tags.set(to, new Map(m));
}

export function clearTags(container: object): void {
  tags.delete(container);
}

/** The BSON type name of a number held at `container[key]`. */
export function numberType(n: number, container?: object, key?: string): "int" | "double" | "long" {
  const tag = container && key !== undefined ? tagOf(container, key) : undefined;
  if (tag) return tag;
  return Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 && !Object.is(n, -0) ? "int" : "double";
}

/** A number as bson must serialise it to keep its type. */
function wrap(n: number, tag: NumTag): Double | Long {
  return tag === "double" ? new Double(n) : Long.fromNumber(n);
}

/**
 * The value with tagged numbers wrapped in Double/Long for serialisation. Returns the value
 * itself (no copy) when nothing under it is tagged, the common case.
 */
export function retype<T>(v: T): T {
  if (v === null || typeof v !== "object") return v;
  const isArray = Array.isArray(v);
  if (!isArray) {
    const proto: unknown = Object.getPrototypeOf(v);
    if (proto !== Object.prototype && proto !== null) return v;
  }
  const m = tags.get(v);
  let out: Record<string, unknown> | unknown[] | null = null;
  const src = v as Record<string, unknown>;
  const keys = isArray ? null : Object.keys(src);
  const n = isArray ? (v as unknown[]).length : (keys as string[]).length;
  for (let i = 0; i < n; i++) {
    const k = isArray ? String(i) : (keys as string[])[i];
    const cur = isArray ? (v as unknown[])[i] : src[k];
    let next = cur;
    if (typeof cur === "number") {
      const tag = m?.get(k);
      if (tag) next = wrap(cur, tag);
    } else if (cur !== null && typeof cur === "object") next = retype(cur);
    if (next !== cur && out === null) {
      if (isArray) out = (v as unknown[]).slice();
      else {
        out = {};
        for (const key of keys as string[]) define(out, key, src[key]);
      }
    }
    if (out !== null) {
      if (Array.isArray(out)) out[i] = next;
      else define(out, k, next);
    }
  }
  return (out ?? v) as T;
}

function define(obj: Record<string, unknown>, k: string, value: unknown): void {
  // `__proto__` is an ordinary field name in MongoDB.
  if (k === "__proto__")
    Object.defineProperty(obj, k, { value, enumerable: true, writable: true, configurable: true });
  else obj[k] = value;
}

/** bson's serialize, keeping the types of tagged numbers. */
export function serializeTyped(doc: Document): Uint8Array {
  return serialize(retype(doc));
}

/**
 * bson's deserialize (numbers promoted to JS numbers, as the rest of devdb expects), with the
 * numbers whose type the JS number loses tagged. A byte scan finds whether there are any; only
 * then is the document decoded a second time without promotion to learn where they are.
 */
export function deserializeTyped(buf: Uint8Array): Document {
  const doc = deserialize(buf);
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
  if (hasSpecialNumbers(buf, view, 0)) tagFrom(deserialize(buf, { promoteValues: false }), doc);
  return doc;
}

function tagFrom(raw: unknown, doc: unknown): void {
  if (raw === null || typeof raw !== "object" || doc === null || typeof doc !== "object") return;
  const isArray = Array.isArray(raw);
  if (!isArray && Object.getPrototypeOf(raw) !== Object.prototype) return;
  const r = raw as Record<string, unknown>;
  const d = doc as Record<string, unknown>;
  for (const k of Object.keys(r)) {
    const rv = r[k];
    const dv = d[k];
    const t = (rv as { _bsontype?: unknown } | null)?._bsontype;
    if (typeof dv === "number" && t === "Double" && numberType(dv) === "int") setTag(d, k, "double");
    else if (typeof dv === "number" && t === "Long") setTag(d, k, "long");
    else if (typeof rv === "object") tagFrom(rv, dv);
  }
}

/** Whether the BSON document at `at` holds an int64 or a Double with an int32-range integer. */
function hasSpecialNumbers(buf: Uint8Array, view: DataView, at: number): boolean {
  const end = at + view.getInt32(at, true) - 1;
  let p = at + 4;
  while (p < end) {
    const type = buf[p++];
    while (buf[p] !== 0) p++;
    p++;
    switch (type) {
      case 0x01: {
        const n = view.getFloat64(p, true);
        if (numberType(n) === "int" || Object.is(n, -0)) return true;
        p += 8;
        break;
      }
      case 0x12:
        return true;
      case 0x03:
      case 0x04:
        if (hasSpecialNumbers(buf, view, p)) return true;
        p += view.getInt32(p, true);
        break;
      case 0x02:
      case 0x0d:
      case 0x0e:
        p += 4 + view.getInt32(p, true);
        break;
      case 0x05:
        p += 5 + view.getInt32(p, true);
        break;
      case 0x0c:
        p += 4 + view.getInt32(p, true) + 12;
        break;
      case 0x0f:
        p += view.getInt32(p, true);
        break;
      case 0x07:
        p += 12;
        break;
      case 0x08:
        p += 1;
        break;
      case 0x09:
      case 0x11:
        p += 8;
        break;
      case 0x10:
        p += 4;
        break;
      case 0x13:
        p += 16;
        break;
      case 0x0b:
        while (buf[p] !== 0) p++;
        p++;
        while (buf[p] !== 0) p++;
        p++;
        break;
      default:
        // undefined, null, minKey, maxKey carry no bytes; bson has validated the rest.
        break;
    }
  }
  return false;
}

/**
 * Tags `out` (a projection or other copy of `src`) wherever it holds, at the same place, the
 * same number as `src`: a value copied unchanged keeps its stored type.
 */
export function transferTags(src: unknown, out: unknown): void {
  if (src === out || src === null || out === null || typeof src !== "object" || typeof out !== "object")
    return;
  if (Array.isArray(src) !== Array.isArray(out)) return;
  const s = src as Record<string, unknown>;
  const o = out as Record<string, unknown>;
  const m = tags.get(src);
  for (const k of Object.keys(o)) {
    if (!Object.prototype.hasOwnProperty.call(s, k)) continue;
    const ov = o[k];
    if (typeof ov === "number") {
      const tag = m?.get(k);
      if (tag && Object.is(s[k], ov)) setTag(o, k, tag);
    } else if (ov !== null && typeof ov === "object") transferTags(s[k], ov);
  }
}

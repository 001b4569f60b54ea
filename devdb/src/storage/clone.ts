import type { Document } from "bson";

/**
 * Deep copy of a stored document. BSON value classes (ObjectId, Binary, Long, ...) are
 * immutable in practice and shared; Dates are mutable in JS and so are copied.
 */
export function cloneValue<T>(v: T): T {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = cloneValue(v[i]);
    return out as T;
  }
  if (v instanceof Date) return new Date(v.getTime()) as T;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v;
  const out: Document = {};
  for (const k of Object.keys(v)) out[k] = cloneValue((v as Document)[k]);
  return out as T;
}

export function cloneDoc(doc: Document): Document {
  return cloneValue(doc);
}

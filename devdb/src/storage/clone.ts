import type { Document } from "bson";
import { copyTags } from "./num-types.js";

/**
 * Deep copy of a stored document. BSON value classes (ObjectId, Binary, Long, ...) are
 * immutable in practice and shared; Dates are mutable in JS and so are copied.
 */
export function cloneValue<T>(v: T): T {
  if (v === null || typeof v !== "object") return v;
  if (Array.isArray(v)) {
    const out = new Array<unknown>(v.length);
    for (let i = 0; i < v.length; i++) out[i] = cloneValue(v[i]);
    copyTags(v, out);
    return out as T;
  }
  if (v instanceof Date) return new Date(v.getTime()) as T;
  const proto: unknown = Object.getPrototypeOf(v);
  if (proto !== Object.prototype && proto !== null) return v;
  const out: Document = {};
  for (const k of Object.keys(v)) setField(out, k, cloneValue((v as Document)[k]));
  copyTags(v, out);
  return out as T;
}

/**
 * `obj[k] = value`, except that a field named `__proto__` (an ordinary field name in MongoDB)
 * becomes an own property instead of replacing the object's prototype.
 */
export function setField(obj: Document, k: string, value: unknown): void {
  if (k === "__proto__")
    Object.defineProperty(obj, k, { value, enumerable: true, writable: true, configurable: true });
  else obj[k] = value;
}

export function cloneDoc(doc: Document): Document {
  return cloneValue(doc);
}

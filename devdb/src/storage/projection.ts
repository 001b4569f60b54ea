import type { Document } from "bson";
import { cloneDoc, setField } from "./clone.js";
import { isPlainObject } from "./keys.js";
import { compileFilter, mingoFind, withOwnOperators } from "./mingo.js";
import { transferTags } from "./num-types.js";

/**
 * find projections as mongod applies them (https://www.mongodb.com/docs/manual/reference/operator/projection/).
 * mingo does the field selection; devdb applies the array operators itself where mingo differs:
 * `$slice` also inside an exclusion projection (all other fields kept), `$elemMatch` with
 * operator conditions on arrays of scalars (`{$elemMatch: {$gt: 3}}`), and `_id` comes first.
 */
type ArrayOp =
  | { path: string; kind: "slice"; spec: unknown }
  | { path: string; kind: "elemMatch"; test: (el: unknown) => boolean };

const TOP_LEVEL = new Set(["$and", "$or", "$nor", "$expr", "$where", "$comment"]);

function elemMatcher(cond: Document): (el: unknown) => boolean {
  const first = Object.keys(cond)[0];
  if (first !== undefined && first.startsWith("$") && !TOP_LEVEL.has(first)) {
    const q = compileFilter({ v: cond });
    return (el) => q.test({ v: el });
  }
  const q = compileFilter(cond);
  return (el) => isPlainObject(el) && q.test(el);
}

function sliceOf(arr: unknown[], spec: unknown): unknown[] {
  if (typeof spec === "number")
    return spec >= 0 ? arr.slice(0, spec) : arr.slice(Math.max(0, arr.length + spec));
  if (Array.isArray(spec) && spec.length === 2) {
    const [skip, limit] = spec as [number, number];
    const start = skip >= 0 ? Math.min(skip, arr.length) : Math.max(0, arr.length + skip);
    return arr.slice(start, start + Math.max(0, limit));
  }
  return arr;
}

function getPath(doc: Document, path: string): unknown {
  let cur: unknown = doc;
  for (const p of path.split(".")) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[p];
  }
  return cur;
}

function setPath(doc: Document, path: string, value: unknown): void {
  const parts = path.split(".");
  let cur: unknown = doc;
  for (const p of parts.slice(0, -1)) {
    if (!isPlainObject(cur)) return;
    cur = cur[p];
  }
  if (isPlainObject(cur)) {
    const leaf = parts[parts.length - 1];
    if (value === undefined) delete cur[leaf];
    else cur[leaf] = value;
  }
}

/** mongod returns projected fields in the stored document's order, `_id` first. */
function inDocumentOrder(doc: Document, source: Document | undefined): Document {
  const out: Document = {};
  if ("_id" in doc) out._id = doc._id;
  if (source) for (const k of Object.keys(source)) if (k !== "_id" && k in doc) setField(out, k, doc[k]);
  for (const k of Object.keys(doc)) if (!(k in out)) setField(out, k, doc[k]);
  return out;
}

/** Applies a find projection on copies, so mingo never holds stored objects. */
/** Projects documents; numbers copied unchanged keep their stored BSON type. */
export function project(
  docs: Document[],
  rawFilter: Document,
  fullProjection: Document | undefined,
  scores?: (number | undefined)[],
): Document[] {
  const out = projectValues(docs, rawFilter, fullProjection, scores);
  if (out !== docs) out.forEach((d, i) => transferTags(docs[i], d));
  return out;
}

function projectValues(
  docs: Document[],
  rawFilter: Document,
  fullProjection: Document | undefined,
  scores?: (number | undefined)[],
): Document[] {
  if (!fullProjection || Object.keys(fullProjection).length === 0) return docs;
  // `{field: {$meta: "textScore"}}` adds the `$text` score; it doesn't make the projection an inclusion.
  const metaFields = Object.keys(fullProjection).filter(
    (k) => isPlainObject(fullProjection[k]) && (fullProjection[k] as Document).$meta === "textScore",
  );
  if (metaFields.length > 0) {
    const rest = Object.fromEntries(Object.entries(fullProjection).filter(([k]) => !metaFields.includes(k)));
    const projected = Object.keys(rest).length > 0 ? project(docs, rawFilter, rest) : docs.map(cloneDoc);
    return projected.map((d, i) => {
      const out = { ...d };
      for (const f of metaFields) out[f] = scores?.[i] ?? 0;
      return out;
    });
  }
  const projection = fullProjection;
  // mingo re-applies the filter, which only the positional `$` needs: the documents given here
  // already match (possibly under a collation mingo doesn't know).
  const positional = Object.keys(projection).some((k) => k.endsWith(".$"));
  const filter = positional ? withOwnOperators(rawFilter) : {};
  const ops: ArrayOp[] = [];
  const rest: Document = {};
  for (const [path, spec] of Object.entries(projection)) {
    if (isPlainObject(spec) && Object.keys(spec).length === 1 && "$slice" in spec) {
      ops.push({ path, kind: "slice", spec: spec.$slice });
    } else if (
      isPlainObject(spec) &&
      Object.keys(spec).length === 1 &&
      isPlainObject(spec.$elemMatch) &&
      !path.includes(".")
    ) {
      ops.push({ path, kind: "elemMatch", test: elemMatcher(spec.$elemMatch) });
    } else rest[path] = spec;
  }
  const inclusion = Object.entries(rest).some(([k, v]) => k !== "_id" && v !== 0 && v !== false);
  const exclusion = Object.entries(rest).some(([k, v]) => k !== "_id" && (v === 0 || v === false));
  if (ops.some((o) => o.kind === "elemMatch") && exclusion) {
    // $elemMatch beside exclusions: leave the whole projection to mingo.
    return mingoFind(docs.map(cloneDoc), filter, projection).map((d, i) =>
      inDocumentOrder(d as Document, docs[i]),
    );
  }
  for (const op of ops) if (op.kind === "elemMatch" || inclusion) rest[op.path] = 1;
  const selected =
    Object.keys(rest).length === 0 ? docs.map(cloneDoc) : mingoFind(docs.map(cloneDoc), filter, rest);
  if (ops.length === 0) return selected.map((d, i) => inDocumentOrder(d, docs[i]));
  return selected.map((out, i) => {
    const source = docs[i];
    for (const op of ops) {
      const value = getPath(source, op.path);
      if (!Array.isArray(value)) continue;
      if (op.kind === "slice") setPath(out, op.path, sliceOf(getPath(out, op.path) as unknown[], op.spec));
      else {
        const hit = value.find(op.test);
        setPath(out, op.path, hit === undefined ? undefined : [cloneDoc({ v: hit }).v]);
      }
    }
    return inDocumentOrder(out, source);
  });
}

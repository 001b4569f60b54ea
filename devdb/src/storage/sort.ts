import type { Document } from "bson";
import { compareCollated, type Collation } from "./collation.js";
import { encodeKeyValue, MISSING, valuesAtPath } from "./keys.js";

interface SortField {
  path: string;
  direction: 1 | -1;
}

export function parseSort(sort: Document): SortField[] {
  const out: SortField[] = [];
  for (const [path, dir] of Object.entries(sort)) {
    if (path === "$natural") continue;
    // `{$meta: ...}` sorts (text score) have no meaning here; treat as ascending.
    out.push({ path, direction: dir === -1 || dir === "desc" || dir === "descending" ? -1 : 1 });
  }
  return out;
}

interface Key {
  enc: string;
  raw: unknown;
}

function order(a: Key, b: Key, collation: Collation | null): number {
  const c = collation ? compareCollated(a.raw, b.raw, collation) : null;
  if (c !== null) return c;
  return a.enc < b.enc ? -1 : a.enc > b.enc ? 1 : 0;
}

/** Sort key of one field: arrays sort by their smallest element ascending, largest descending. */
function fieldKey(doc: Document, f: SortField, collation: Collation | null): Key {
  const { values } = valuesAtPath(doc, f.path);
  let best: Key = { enc: encodeKeyValue(values[0]), raw: values[0] === MISSING ? null : values[0] };
  for (let i = 1; i < values.length; i++) {
    const k: Key = { enc: encodeKeyValue(values[i]), raw: values[i] };
    const c = order(k, best, collation);
    if (f.direction === 1 ? c < 0 : c > 0) best = k;
  }
  return best;
}

/** Stable sort in MongoDB order; ties keep natural (insertion) order. */
export function sortBy<T>(
  items: T[],
  docOf: (item: T) => Document,
  sort: Document,
  collation: Collation | null = null,
): T[] {
  const fields = parseSort(sort);
  if (fields.length === 0) {
    return sort.$natural === -1 ? items.slice().reverse() : items;
  }
  const keyed = items.map((item) => ({ item, keys: fields.map((f) => fieldKey(docOf(item), f, collation)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const c = order(a.keys[i], b.keys[i], collation);
      if (c !== 0) return c * fields[i].direction;
    }
    return 0;
  });
  return keyed.map((k) => k.item);
}

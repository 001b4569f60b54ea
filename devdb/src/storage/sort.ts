import type { Document } from "bson";
import { encodeKeyValue, valuesAtPath } from "./keys.js";

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

/** Sort key of one field: arrays sort by their smallest element ascending, largest descending. */
function fieldKey(doc: Document, f: SortField): string {
  const { values } = valuesAtPath(doc, f.path);
  let best = encodeKeyValue(values[0]);
  for (let i = 1; i < values.length; i++) {
    const k = encodeKeyValue(values[i]);
    if (f.direction === 1 ? k < best : k > best) best = k;
  }
  return best;
}

/** Stable sort in MongoDB order; ties keep natural (insertion) order. */
export function sortBy<T>(items: T[], docOf: (item: T) => Document, sort: Document): T[] {
  const fields = parseSort(sort);
  if (fields.length === 0) {
    return sort.$natural === -1 ? items.slice().reverse() : items;
  }
  const keyed = items.map((item) => ({ item, keys: fields.map((f) => fieldKey(docOf(item), f)) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < fields.length; i++) {
      const x = a.keys[i];
      const y = b.keys[i];
      if (x !== y) return (x < y ? -1 : 1) * fields[i].direction;
    }
    return 0;
  });
  return keyed.map((k) => k.item);
}

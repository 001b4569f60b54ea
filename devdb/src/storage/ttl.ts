import type { Engine } from "./engine.js";
import { encodeNumber } from "./keys.js";

/**
 * Removes documents whose TTL-indexed date is older than `expireAfterSeconds`, walking the
 * index's date range rather than the collection. Returns how many were removed.
 */
export function expireDocuments(engine: Engine, now = Date.now()): number {
  let removed = 0;
  for (const colls of engine.databases.values()) {
    for (const coll of colls.values()) {
      // Clustered collections with expireAfterSeconds expire on their (date) `_id`.
      const clusteredTtl = coll.rules.expireAfterSeconds;
      if (clusteredTtl !== null) {
        const cutoff = now - clusteredTtl * 1000;
        for (const id of [...coll.idIndex.range("J", "J" + encodeNumber(cutoff) + "\u0001")]) {
          if (coll.delete(id)) removed++;
        }
      }
      for (const ix of coll.indexes) {
        if (ix.ttlSeconds === null) continue;
        const cutoff = now - ix.ttlSeconds * 1000;
        // Dates sort under type prefix "J"; an array of dates expires on its earliest one,
        // and the multikey index holds every element, so the range finds it too.
        const expired = [...new Set(ix.range("J", "J" + encodeNumber(cutoff) + "\u0001"))];
        for (const id of expired) if (coll.delete(id)) removed++;
      }
    }
  }
  return removed;
}

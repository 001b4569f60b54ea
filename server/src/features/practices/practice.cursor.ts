import type { Types } from "mongoose";
import type { PracticeSort } from "@rembuk/shared";
import { encodeCursor, type KeyValue, type Keyset } from "../../lib/cursor.js";

/**
 * The keys of each directory sort (paged by lib/cursor.ts), all descending. Every sort ends in
 * (createdAt, _id), so the order is total. Field names are the pipeline's: the thread joined into a
 * practice sits under `t`.
 */
type Key = "adoptionCount" | "t.replyCount" | "createdAt" | "_id";
export const PRACTICE_SORTS: Record<PracticeSort, Keyset<Key>> = {
  recent: [
    ["createdAt", "date"],
    ["_id", "objectId"],
  ],
  adopted: [
    ["adoptionCount", "integer"],
    ["createdAt", "date"],
    ["_id", "objectId"],
  ],
  discussed: [
    ["t.replyCount", "integer"],
    ["createdAt", "date"],
    ["_id", "objectId"],
  ],
};

/** The values a listed row carries for the sort keys. */
export interface SortableRow {
  _id: Types.ObjectId;
  createdAt: Date;
  adoptionCount: number;
  t: { replyCount: number };
}

function valueOf(row: SortableRow, key: Key): KeyValue {
  switch (key) {
    case "adoptionCount":
      return row.adoptionCount ?? 0;
    case "t.replyCount":
      return row.t.replyCount ?? 0;
    case "createdAt":
      return row.createdAt;
    case "_id":
      return row._id;
  }
}

/** The cursor after `row` in `sort`. */
export const practiceCursor = (sort: PracticeSort, row: SortableRow): string =>
  encodeCursor(
    sort,
    PRACTICE_SORTS[sort].map(([key]) => valueOf(row, key)),
  );

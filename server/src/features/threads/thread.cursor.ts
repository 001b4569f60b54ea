import type { ThreadSort } from "@rembuk/shared";
import { encodeCursor, type Keyset } from "../../lib/cursor.js";
import type { ThreadRecord } from "./thread.model.js";

/**
 * The keys of each thread list sort (paged by lib/cursor.ts), all descending: newest, busiest and
 * pinned first. Each ends in `_id`, so the order is total.
 */
type Key = "pinned" | "lastActivityAt" | "createdAt" | "postCount" | "reactionCount" | "_id";
export const THREAD_SORTS: Record<ThreadSort, Keyset<Key>> = {
  activity: [
    ["pinned", "boolean"],
    ["lastActivityAt", "date"],
    ["_id", "objectId"],
  ],
  new: [
    ["createdAt", "date"],
    ["_id", "objectId"],
  ],
  top: [
    ["postCount", "integer"],
    ["reactionCount", "integer"],
    ["_id", "objectId"],
  ],
};

/** The cursor after thread `t` in `sort`. */
export const threadCursor = (sort: ThreadSort, t: ThreadRecord): string =>
  encodeCursor(
    sort,
    THREAD_SORTS[sort].map(([key]) => t[key]),
  );

import { Types } from "mongoose";
import { z } from "zod";
import { validation } from "./errors.js";

/**
 * Keyset pagination: the one way the server pages a list. A list is read in a total order (its keys
 * end in `_id`), `limit + 1` rows at a time (the extra row only says that more follow), and a cursor
 * names the last row's position, so rows created or moved while someone pages land before it and
 * never shift or repeat the pages after it. Two cursor shapes, both opaque to clients:
 *
 * - an id cursor (lists newest first by `_id` alone): the last row's id in hex;
 * - a sorted cursor: base64url of `[sortName, [one value per key]]`, valid only for the sort that
 *   made it.
 *
 * A cursor that does not decode, or that another sort made, is a 400 VALIDATION, never a 500.
 * Search is the one list paged otherwise (features/search/query.ts): relevance ranks a candidate set
 * with no stable key, so its cursor is an offset into it.
 */

/** The kind of value a key holds, which is how it is written into a cursor and read back. */
export type KeyKind = "boolean" | "integer" | "date" | "objectId";
/** A sort's keys, most significant first, the last one `_id`. Field names are the query's own. */
export type Keyset<F extends string = string> = readonly (readonly [field: F, kind: KeyKind])[];
export type Direction = "desc" | "asc";
export type KeyValue = boolean | number | Date | Types.ObjectId;

const OBJECT_ID = /^[a-f0-9]{24}$/;

/** The `$sort` of a keyset read. */
export function keysetSort(keys: Keyset, direction: Direction = "desc"): Record<string, 1 | -1> {
  const order = direction === "desc" ? -1 : 1;
  return Object.fromEntries(keys.map(([field]) => [field, order] as const));
}

function writeValue(v: KeyValue): boolean | number | string {
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Types.ObjectId) return v.toHexString();
  return v;
}

function readValue(kind: KeyKind, raw: boolean | number | string): KeyValue | null {
  switch (kind) {
    case "boolean":
      return typeof raw === "boolean" ? raw : null;
    case "integer":
      return typeof raw === "number" && Number.isInteger(raw) ? raw : null;
    case "date": {
      if (typeof raw !== "string") return null;
      const d = new Date(raw);
      return Number.isNaN(d.getTime()) ? null : d;
    }
    case "objectId":
      return typeof raw === "string" && OBJECT_ID.test(raw) ? new Types.ObjectId(raw) : null;
  }
}

/** The cursor after a row whose key values are `values` (in `keys` order). */
export function encodeCursor(sortName: string, values: readonly KeyValue[]): string {
  return Buffer.from(JSON.stringify([sortName, values.map(writeValue)])).toString("base64url");
}

const Encoded = z.tuple([z.string(), z.array(z.union([z.boolean(), z.number(), z.string()]))]);
const badCursor = () => validation("Invalid cursor", { cursor: ["Use the nextCursor of the same sort"] });

/** The filter selecting every row strictly after the cursor's position; 400 for a forged or foreign cursor. */
export function afterCursor(
  sortName: string,
  keys: Keyset,
  cursor: string,
  direction: Direction = "desc",
): Record<string, unknown> {
  let parsed: z.infer<typeof Encoded>;
  try {
    parsed = Encoded.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw badCursor();
  }
  const [cursorSort, raw] = parsed;
  if (cursorSort !== sortName || raw.length !== keys.length) throw badCursor();
  const values = keys.map(([, kind], i) => readValue(kind, raw[i]));
  if (values.some((v) => v === null)) throw badCursor();
  const past = direction === "desc" ? "$lt" : "$gt";
  // (a past x) or (a = x and b past y) or (a = x and b = y and _id past z): strictly after the position.
  return {
    $or: keys.map(([field], i) => ({
      ...Object.fromEntries(keys.slice(0, i).map(([f], j) => [f, values[j]])),
      [field]: { [past]: values[i] },
    })),
  };
}

/** The `_id` condition of a newest-first list after an id cursor; 400 for anything but an ObjectId. */
export function afterIdCursor(cursor: string): { $lt: Types.ObjectId } {
  if (!/^[a-f0-9]{24}$/i.test(cursor)) throw validation("Malformed cursor", { cursor: ["Malformed cursor"] });
  return { $lt: new Types.ObjectId(cursor) };
}

/** The id cursor after `row`. */
export const idCursor = (row: { _id: Types.ObjectId }): string => row._id.toString();

/** A `limit + 1` read split into the page and the cursor after its last row (null when nothing follows). */
export function pageOf<T>(
  rows: T[],
  limit: number,
  cursorAfter: (last: T) => string,
): { page: T[]; nextCursor: string | null } {
  const page = rows.slice(0, limit);
  return { page, nextCursor: rows.length > limit ? cursorAfter(page[page.length - 1]) : null };
}

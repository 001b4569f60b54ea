import { Types } from "mongoose";
import { z } from "zod";
import type { ThreadSort } from "@rembuk/shared";
import { validation } from "../../lib/errors.js";
import type { ThreadRecord } from "./thread.model.js";

/**
 * Keyset pagination for thread lists. Each sort ends in `_id`, so the order is total and a cursor (the
 * last item's sort values) names an exact position: threads created or bumped while someone pages
 * land before that position and never shift or repeat the pages after it.
 */
type Field = "pinned" | "lastActivityAt" | "createdAt" | "postCount" | "reactionCount" | "_id";
export const SORTS: Record<ThreadSort, readonly Field[]> = {
  activity: ["pinned", "lastActivityAt", "_id"],
  new: ["createdAt", "_id"],
  top: ["postCount", "reactionCount", "_id"],
};

/** All sorts are descending (newest, busiest, pinned first). */
export function sortSpec(sort: ThreadSort): Record<string, -1> {
  return Object.fromEntries(SORTS[sort].map((f) => [f, -1] as const));
}

type Value = boolean | number | Date | Types.ObjectId;

const Encoded = z.tuple([
  z.enum(["activity", "new", "top"]),
  z.array(z.union([z.boolean(), z.number(), z.string()])),
]);

function encodeValue(v: Value): boolean | number | string {
  if (v instanceof Date) return v.toISOString();
  if (v instanceof Types.ObjectId) return v.toHexString();
  return v;
}

function decodeValue(field: Field, raw: boolean | number | string): Value | null {
  switch (field) {
    case "pinned":
      return typeof raw === "boolean" ? raw : null;
    case "postCount":
    case "reactionCount":
      return typeof raw === "number" && Number.isInteger(raw) ? raw : null;
    case "lastActivityAt":
    case "createdAt": {
      if (typeof raw !== "string") return null;
      const d = new Date(raw);
      return Number.isNaN(d.getTime()) ? null : d;
    }
    case "_id":
      return typeof raw === "string" && /^[a-f0-9]{24}$/.test(raw) ? new Types.ObjectId(raw) : null;
  }
}

export function encodeCursor(sort: ThreadSort, t: ThreadRecord): string {
  const values = SORTS[sort].map((f) => encodeValue(t[f]));
  return Buffer.from(JSON.stringify([sort, values])).toString("base64url");
}

const badCursor = () => validation("Invalid cursor", { cursor: ["Use the nextCursor of the same sort"] });

/** The filter selecting everything after the cursor's position, or 400 for a forged or foreign cursor. */
export function afterCursor(sort: ThreadSort, cursor: string): Record<string, unknown> {
  let parsed: z.infer<typeof Encoded>;
  try {
    parsed = Encoded.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw badCursor();
  }
  const [cursorSort, raw] = parsed;
  const fields = SORTS[sort];
  if (cursorSort !== sort || raw.length !== fields.length) throw badCursor();
  const values = fields.map((f, i) => decodeValue(f, raw[i]));
  if (values.some((v) => v === null)) throw badCursor();
  // (a < x) or (a = x and b < y) or (a = x and b = y and _id < z): strictly after, in descending order.
  return {
    $or: fields.map((field, i) => ({
      ...Object.fromEntries(fields.slice(0, i).map((f, j) => [f, values[j]])),
      [field]: { $lt: values[i] },
    })),
  };
}

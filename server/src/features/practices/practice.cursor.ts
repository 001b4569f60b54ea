import { Types } from "mongoose";
import { z } from "zod";
import { PracticeSort } from "@rembuk/shared";
import { validation } from "../../lib/errors.js";

/**
 * Keyset pagination for the directory. Every sort ends in (createdAt, _id), so the order is total and
 * a cursor names an exact position; all sorts are descending. Field names are the pipeline's: the
 * thread joined into a practice sits under `t`.
 */
type Field = "adoptionCount" | "t.replyCount" | "createdAt" | "_id";
export const PRACTICE_SORT_FIELDS: Record<PracticeSort, readonly Field[]> = {
  recent: ["createdAt", "_id"],
  adopted: ["adoptionCount", "createdAt", "_id"],
  discussed: ["t.replyCount", "createdAt", "_id"],
};

export function practiceSortSpec(sort: PracticeSort): Record<string, -1> {
  return Object.fromEntries(PRACTICE_SORT_FIELDS[sort].map((f) => [f, -1] as const));
}

/** The values a listed row carries for the sort keys. */
export interface SortableRow {
  _id: Types.ObjectId;
  createdAt: Date;
  adoptionCount: number;
  t: { replyCount: number };
}

type Value = number | Date | Types.ObjectId;

function valueOf(row: SortableRow, field: Field): Value {
  switch (field) {
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

const Encoded = z.tuple([PracticeSort, z.array(z.union([z.number(), z.string()]))]);

export function encodePracticeCursor(sort: PracticeSort, row: SortableRow): string {
  const values = PRACTICE_SORT_FIELDS[sort].map((f) => {
    const v = valueOf(row, f);
    return v instanceof Date ? v.toISOString() : v instanceof Types.ObjectId ? v.toHexString() : v;
  });
  return Buffer.from(JSON.stringify([sort, values])).toString("base64url");
}

function decode(field: Field, raw: number | string): Value | null {
  switch (field) {
    case "adoptionCount":
    case "t.replyCount":
      return typeof raw === "number" && Number.isInteger(raw) ? raw : null;
    case "createdAt": {
      if (typeof raw !== "string") return null;
      const d = new Date(raw);
      return Number.isNaN(d.getTime()) ? null : d;
    }
    case "_id":
      return typeof raw === "string" && /^[a-f0-9]{24}$/.test(raw) ? new Types.ObjectId(raw) : null;
  }
}

const badCursor = () => validation("Invalid cursor", { cursor: ["Use the nextCursor of the same sort"] });

/** Everything strictly after the cursor in the sort's descending order; 400 for a forged or foreign cursor. */
export function afterPracticeCursor(sort: PracticeSort, cursor: string): Record<string, unknown> {
  let parsed: z.infer<typeof Encoded>;
  try {
    parsed = Encoded.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw badCursor();
  }
  const [cursorSort, raw] = parsed;
  const fields = PRACTICE_SORT_FIELDS[sort];
  if (cursorSort !== sort || raw.length !== fields.length) throw badCursor();
  const values = fields.map((f, i) => decode(f, raw[i]));
  if (values.some((v) => v === null)) throw badCursor();
  return {
    $or: fields.map((field, i) => ({
      ...Object.fromEntries(fields.slice(0, i).map((f, j) => [f, values[j]])),
      [field]: { $lt: values[i] },
    })),
  };
}

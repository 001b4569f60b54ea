import { Types } from "mongoose";
import { describe, expect, it } from "vitest";
import {
  afterCursor,
  afterIdCursor,
  encodeCursor,
  idCursor,
  keysetSort,
  pageOf,
  type Keyset,
} from "./cursor.js";

const KEYS: Keyset = [
  ["pinned", "boolean"],
  ["count", "integer"],
  ["at", "date"],
  ["_id", "objectId"],
];
const id = new Types.ObjectId("64b000000000000000000001");
const at = new Date("2026-03-01T10:00:00.000Z");

/** What a bad cursor must be: a 400 VALIDATION naming the field, never a 500. */
const refusedAs400 = (fn: () => unknown) =>
  expect(fn).toThrow(expect.objectContaining({ status: 400, code: "VALIDATION" }));

describe("keyset cursors (lib/cursor.ts)", () => {
  it("sorts on every key, descending unless asked otherwise", () => {
    expect(keysetSort(KEYS)).toEqual({ pinned: -1, count: -1, at: -1, _id: -1 });
    expect(keysetSort(KEYS, "asc")).toEqual({ pinned: 1, count: 1, at: 1, _id: 1 });
  });

  it("reads its own cursor back into the filter strictly after that row", () => {
    const cursor = encodeCursor("busy", [true, 3, at, id]);
    expect(afterCursor("busy", KEYS, cursor)).toEqual({
      $or: [
        { pinned: { $lt: true } },
        { pinned: true, count: { $lt: 3 } },
        { pinned: true, count: 3, at: { $lt: at } },
        { pinned: true, count: 3, at, _id: { $lt: id } },
      ],
    });
    expect(afterCursor("busy", KEYS, cursor, "asc").$or).toContainEqual({
      pinned: true,
      count: 3,
      at,
      _id: { $gt: id },
    });
  });

  it("answers 400 for a forged, garbled or foreign cursor", () => {
    const good = encodeCursor("busy", [true, 3, at, id]);
    refusedAs400(() => afterCursor("busy", KEYS, "not a cursor"));
    refusedAs400(() => afterCursor("busy", KEYS, Buffer.from("{}").toString("base64url")));
    refusedAs400(() => afterCursor("other", KEYS, good));
    refusedAs400(() => afterCursor("busy", KEYS.slice(1), good));
    refusedAs400(() => afterCursor("busy", KEYS, encodeCursor("busy", [true, 3.5, at, id])));
    const wrongKinds = Buffer.from(JSON.stringify(["busy", [1, "3", "no date", "xyz"]])).toString(
      "base64url",
    );
    refusedAs400(() => afterCursor("busy", KEYS, wrongKinds));
  });

  it("pages newest first by id alone with a plain id cursor", () => {
    expect(idCursor({ _id: id })).toBe(id.toHexString());
    expect(afterIdCursor(id.toHexString().toUpperCase())).toEqual({ $lt: id });
    refusedAs400(() => afterIdCursor("12345"));
    refusedAs400(() => afterIdCursor("zz".repeat(12)));
  });

  it("splits a limit + 1 read into the page and the cursor after its last row", () => {
    const rows = [1, 2, 3];
    expect(pageOf(rows, 2, String)).toEqual({ page: [1, 2], nextCursor: "2" });
    expect(pageOf(rows, 3, String)).toEqual({ page: [1, 2, 3], nextCursor: null });
  });
});

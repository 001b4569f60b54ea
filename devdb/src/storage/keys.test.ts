import { Binary, Double, Int32, Long, MaxKey, MinKey, ObjectId, Timestamp } from "bson";
import { describe, expect, it } from "vitest";
import { encodeValue, MISSING, valuesAtPath } from "./keys.js";

describe("index key encoding", () => {
  it("orders values across types the way MongoDB sorts them", () => {
    const ordered: unknown[] = [
      new MinKey(),
      null,
      -Infinity,
      -1e20,
      -5.5,
      -1,
      0,
      1e-9,
      1,
      2,
      10,
      1e20,
      Infinity,
      "",
      "A",
      "a",
      "a\u0000",
      "a\u0001",
      "ab",
      "b",
      { a: 1 },
      [1, 2],
      new Binary(Buffer.from([1, 2])),
      new ObjectId("000000000000000000000001"),
      new ObjectId("ffffffffffffffffffffffff"),
      false,
      true,
      new Date(-1),
      new Date(0),
      new Date(1),
      new Timestamp({ t: 1, i: 0 }),
      /re/,
      new MaxKey(),
    ];
    const keys = ordered.map(encodeValue);
    expect([...keys].sort()).toEqual(keys);
    expect(new Set(keys).size).toBe(keys.length);
  });

  it("sorts random numbers numerically", () => {
    const nums = Array.from(
      { length: 2000 },
      () => (Math.random() - 0.5) * 10 ** Math.floor(Math.random() * 30 - 10),
    );
    const byKey = [...nums].sort((a, b) => (encodeValue(a) < encodeValue(b) ? -1 : 1));
    expect(byKey).toEqual([...nums].sort((a, b) => a - b));
  });

  it("treats numeric types and -0 as equal values", () => {
    expect(encodeValue(-0)).toBe(encodeValue(0));
    expect(encodeValue(new Double(1))).toBe(encodeValue(1));
    expect(encodeValue(new Int32(7))).toBe(encodeValue(7));
    expect(encodeValue(Long.fromNumber(5))).toBe(encodeValue(5));
    expect(encodeValue({ a: "b" })).not.toBe(encodeValue({ a: "b", c: null }));
    expect(encodeValue(["a", "b"])).not.toBe(encodeValue(["a\u0000b"]));
  });

  it("extracts multikey values along dotted paths", () => {
    const doc = { a: [{ b: 1 }, { b: [2, 3] }, { c: 1 }], t: [], s: "x" };
    expect(valuesAtPath(doc, "a.b")).toEqual({ values: [1, 2, 3, MISSING], expanded: true });
    expect(valuesAtPath(doc, "t").values).toEqual([MISSING]);
    expect(valuesAtPath(doc, "s")).toEqual({ values: ["x"], expanded: false });
    expect(valuesAtPath(doc, "nope").values).toEqual([MISSING]);
    expect(valuesAtPath(doc, "a.1.b").values).toContain(2);
  });
});

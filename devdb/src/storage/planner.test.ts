import type { Document } from "bson";
import { beforeAll, describe, expect, it } from "vitest";
import { Collection } from "./collection.js";
import { encodeValue } from "./keys.js";
import { compileFilter } from "./mingo.js";
import { plan } from "./planner.js";
import { select } from "./query.js";

const N = 5000;

function build(): Collection {
  const coll = new Collection("t", "people", () => undefined);
  for (let i = 0; i < N; i++) {
    const doc: Document = {
      _id: i,
      email: `user${i}@example.id`,
      age: i % 90,
      tags: i % 7 === 0 ? ["seven", `t${i % 3}`] : [`t${i % 3}`],
      org: `org${i % 10}`,
      handle: `h${i}`,
      score: i % 2 === 0 ? i / 10 : `s${i}`,
      at: new Date(Date.UTC(2024, 0, 1) + i * 60_000),
    };
    if (i % 5 === 0) doc.phone = `+62${i}`;
    if (i % 11 === 0) doc.nullable = null;
    coll.insert(doc);
  }
  coll.addIndex({ v: 2, key: { email: 1 }, name: "email_1", unique: true });
  coll.addIndex({ v: 2, key: { age: 1 }, name: "age_1" });
  coll.addIndex({ v: 2, key: { tags: 1 }, name: "tags_1" });
  coll.addIndex({ v: 2, key: { org: 1, handle: -1 }, name: "org_1_handle_-1" });
  coll.addIndex({ v: 2, key: { phone: 1 }, name: "phone_1", sparse: true });
  coll.addIndex({ v: 2, key: { score: 1 }, name: "score_1" });
  coll.addIndex({ v: 2, key: { at: 1 }, name: "at_1" });
  coll.addIndex({
    v: 2,
    key: { nullable: 1 },
    name: "nullable_1",
    partialFilterExpression: { nullable: { $exists: true } },
  });
  return coll;
}

describe("query planner", () => {
  let coll: Collection;
  beforeAll(() => {
    coll = build();
  });

  /** Index-assisted selection must return exactly what a full scan with mingo returns. */
  function agreesWithScan(filter: Document): void {
    const q = compileFilter(filter);
    const expected = [...coll.docs.values()].filter((d) => q.test(d)).map((d) => d._id as number);
    const got = select(coll, filter).map((s) => s.doc._id as number);
    expect([...got].sort((a, b) => a - b)).toEqual(expected.sort((a, b) => a - b));
  }

  it.each([
    [{ email: "user42@example.id" }, "email_1", 1],
    [{ _id: 17 }, "_id_", 1],
    [{ _id: { $in: [1, 2, 99999] } }, "_id_", 2],
    [{ org: "org5" }, "org_1_handle_-1", 500],
    [{ age: 5, org: "org5" }, "age_1", 56],
    [{ email: { $in: ["user1@example.id", "user2@example.id"] } }, "email_1", 2],
    [{ tags: "seven" }, "tags_1", Math.ceil(N / 7)],
    [{ phone: "+6210" }, "phone_1", 1],
  ])("uses an index for %j", (filter, index, maxCost) => {
    const p = plan(coll, filter);
    expect(p.usedIndex).toBe(index);
    expect(p.ids).not.toBeNull();
    expect(p.cost).toBeLessThanOrEqual(maxCost);
    agreesWithScan(filter);
  });

  it("uses indexes for ranges on numbers, strings and dates", () => {
    for (const filter of [
      { age: { $gte: 10, $lt: 12 } },
      { age: { $gt: 88 } },
      { age: { $lte: 0 } },
      { email: { $gte: "user10", $lt: "user11" } },
      { at: { $gte: new Date(Date.UTC(2024, 0, 1, 10)) } },
      { score: { $gt: 400 } },
      { score: { $lt: "s20" } },
    ]) {
      expect(plan(coll, filter).usedIndex).not.toBeUndefined();
      agreesWithScan(filter);
    }
  });

  it("uses each $or branch's index, and agrees with a scan", () => {
    const filter = { $or: [{ email: "user1@example.id" }, { age: 3 }] };
    expect(plan(coll, filter).usedIndex).toBe("$or");
    agreesWithScan(filter);
    agreesWithScan({ $or: [{ email: "user1@example.id" }, { handle: "h5" }] });
  });

  it("does not answer from sparse or partial indexes when they could miss documents", () => {
    expect(plan(coll, { phone: null }).usedIndex).not.toBe("phone_1");
    expect(plan(coll, { nullable: null }).usedIndex).not.toBe("nullable_1");
    agreesWithScan({ phone: null });
    agreesWithScan({ nullable: null });
    expect(plan(coll, { handle: "h1" }).ids).toBeNull();
  });

  it("handles multikey ranges where different elements satisfy each bound", () => {
    const c = new Collection("t", "mk", () => undefined);
    c.addIndex({ v: 2, key: { xs: 1 }, name: "xs_1" });
    c.insert({ _id: 1, xs: [3, 20] });
    c.insert({ _id: 2, xs: [12] });
    c.insert({ _id: 3, xs: [] });
    c.insert({ _id: 4 });
    const got = select(c, { xs: { $gt: 10, $lt: 15 } }).map((s) => s.doc._id);
    expect(got.sort()).toEqual([1, 2]);
    expect(select(c, { xs: null }).map((s) => s.doc._id)).toEqual([4]);
  });

  it("answers _id ranges and _id sorts from the ordered _id index", () => {
    expect(plan(coll, { _id: { $gte: 10, $lt: 20 } }).usedIndex).toBe("_id_");
    agreesWithScan({ _id: { $gte: 10, $lt: 20 } });
    expect(plan(coll, {}, { _id: -1 }).orderedBy).toEqual({ field: "_id", direction: -1 });
    expect(select(coll, {}, { sort: { _id: -1 }, limit: 2 }).map((s) => s.doc._id)).toEqual([N - 1, N - 2]);
  });

  it("walks an index for sort + limit instead of sorting everything", () => {
    const p = plan(coll, {}, { at: -1 });
    expect(p.orderedBy).toEqual({ field: "at", direction: -1 });
    const top = select(coll, {}, { sort: { at: -1 }, limit: 3 }).map((s) => s.doc._id);
    expect(top).toEqual([N - 1, N - 2, N - 3]);
    const sorted = select(coll, { age: 1 }, { sort: { handle: 1 }, skip: 1, limit: 2 }).map(
      (s) => s.doc.handle,
    );
    expect(sorted).toEqual(["h1081", "h1171"]);
  });

  it("keeps indexes right through updates and deletes", () => {
    const c = new Collection("t", "u", () => undefined);
    c.addIndex({ v: 2, key: { k: 1 }, name: "k_1" });
    c.insert({ _id: 1, k: "a" });
    c.insert({ _id: 2, k: "b" });
    select(c, { k: { $gte: "a" } }); // builds the sorted key list
    c.replace(encodeValue(1), { _id: 1, k: "c" });
    c.delete(encodeValue(2));
    c.insert({ _id: 3, k: "a" });
    expect(select(c, { k: { $gte: "a" } }, { sort: { k: 1 } }).map((s) => s.doc._id)).toEqual([3, 1]);
    expect(select(c, { k: "b" })).toEqual([]);
  });
});

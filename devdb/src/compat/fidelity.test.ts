import {
  Binary,
  BSONRegExp,
  Code,
  Decimal128,
  Double,
  Int32,
  Long,
  MaxKey,
  MinKey,
  MongoClient,
  ObjectId,
  Timestamp,
  type Db,
  type Document,
} from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, closeDriverDb, openDriverDb, serverError, uniqueDbName } from "./harness.js";

// One file for the fidelity list (types, projection, updates, errors, hint/explain,
// handshake), grouped by reference page, hence its length.
// Each test names the MongoDB behaviour it pins (reference page or error code), so the same
// file run against a real mongod (MONGODB_URI, see devdb/README.md) checks the expectations.
describe("MongoDB fidelity", () => {
  let server: TestServer;
  let client: MongoClient;
  let db: Db;
  const dbName = uniqueDbName("compat_fidelity");

  beforeAll(async () => {
    ({ server, client, db } = await openDriverDb(dbName));
  });
  afterAll(() => closeDriverDb({ server, client, db }));

  describe("BSON types (https://www.mongodb.com/docs/manual/reference/bson-types/)", () => {
    const values: Record<string, unknown> = {
      double: 1.5,
      string: "s",
      object: { a: 1 },
      array: [],
      binData: new Binary(Buffer.from([1, 2]), 0),
      objectId: new ObjectId("65a1b2c3d4e5f60718293a4b"),
      bool: true,
      date: new Date(Date.UTC(2020, 0, 1)),
      null: null,
      regex: new BSONRegExp("^a", "i"),
      javascript: new Code("function () {}"),
      int: 7,
      timestamp: new Timestamp({ t: 1700000000, i: 1 }),
      long: Long.fromString("9007199254740993"),
      decimal: Decimal128.fromString("1.50"),
      minKey: new MinKey(),
      maxKey: new MaxKey(),
    };
    const numbers: Record<string, number> = {
      double: 1,
      string: 2,
      object: 3,
      array: 4,
      binData: 5,
      objectId: 7,
      bool: 8,
      date: 9,
      null: 10,
      regex: 11,
      javascript: 13,
      int: 16,
      timestamp: 17,
      long: 18,
      decimal: 19,
      minKey: -1,
      maxKey: 127,
    };

    beforeAll(async () => {
      await db
        .collection("types")
        .insertMany(Object.entries(values).map(([t, v]) => ({ _id: t, v }) as Document));
    });

    it("$type matches every BSON type by alias and by number (query/type)", async () => {
      const c = db.collection<{ _id: string }>("types");
      for (const [alias, n] of Object.entries(numbers)) {
        const byName = await c.find({ v: { $type: alias } }, { projection: { _id: 1 } }).toArray();
        const byNumber = await c.find({ v: { $type: n } }, { projection: { _id: 1 } }).toArray();
        // The empty array matches "array"; no other value matches a type not its own.
        const expected = alias === "array" ? ["array"] : [alias];
        expect(
          byName.map((d) => d._id),
          alias,
        ).toEqual(expected);
        expect(
          byNumber.map((d) => d._id),
          String(n),
        ).toEqual(expected);
      }
      const numeric = await c.find({ v: { $type: "number" } }).toArray();
      expect(numeric.map((d) => d._id).sort()).toEqual(["decimal", "double", "int", "long"]);
      const either = await c.find({ v: { $type: ["string", 8] } }).toArray();
      expect(either.map((d) => d._id).sort()).toEqual(["bool", "string"]);
    });

    it("$type on an array field matches the array and its elements (query/type, arrays)", async () => {
      const c = db.collection("typearr");
      await c.insertMany([{ _id: 1, a: [1, "x"] } as Document, { _id: 2, a: [{ b: 1 }] } as Document]);
      expect((await c.find({ a: { $type: "string" } }).toArray()).map((d) => d._id)).toEqual([1]);
      expect((await c.find({ a: { $type: "object" } }).toArray()).map((d) => d._id)).toEqual([2]);
      expect((await c.find({ a: { $type: "array" } }).toArray()).map((d) => d._id)).toEqual([1, 2]);
      expect((await c.find({ "a.b": { $type: "int" } }).toArray()).map((d) => d._id)).toEqual([2]);
    });

    it("$type refuses unknown aliases and codes with BadValue (code 2)", async () => {
      expect((await serverError(db.collection("types").findOne({ v: { $type: "float" } }))).code).toBe(2);
      expect((await serverError(db.collection("types").findOne({ v: { $type: 99 } }))).code).toBe(2);
    });

    it("an Int32 is not a Double in queries ($type int vs double)", async () => {
      const c = db.collection("nums");
      await c.insertMany([
        { _id: "i", v: new Int32(1) } as Document,
        { _id: "d", v: new Double(1.5) } as Document,
      ]);
      expect((await c.find({ v: { $type: "int" } }).toArray()).map((d) => d._id)).toEqual(["i"]);
      expect((await c.find({ v: { $type: "double" } }).toArray()).map((d) => d._id)).toEqual(["d"]);
      // Numeric equality crosses types, as in MongoDB: 1 matches Int32(1).
      expect(await c.countDocuments({ v: 1 })).toBe(1);
    });

    it("round-trips Int32, non-integral Double, Long beyond 2^53, Decimal128 and BinData subtypes", async () => {
      const doc = {
        _id: "rt",
        i: new Int32(-5),
        d: new Double(2.25),
        l: Long.fromString("-9007199254740993"),
        dec: Decimal128.fromString("0.10"),
        generic: new Binary(Buffer.from([0, 255]), 0),
        uuid: new Binary(Buffer.from("0123456789abcdef0123456789abcdef", "hex"), 4),
        md5: new Binary(Buffer.from("d41d8cd98f00b204e9800998ecf8427e", "hex"), 5),
        user: new Binary(Buffer.from([9]), 0x80),
      };
      await db.collection("roundtrip").insertOne(doc as Document);
      const back = await db.collection("roundtrip").findOne({ _id: "rt" } as Document, {
        promoteValues: false,
        promoteLongs: false,
      });
      expect(back?.i).toEqual(new Int32(-5));
      expect(back?.d).toEqual(new Double(2.25));
      expect(String(back?.l)).toBe("-9007199254740993");
      expect(back?.l._bsontype).toBe("Long");
      expect(back?.dec.toString()).toBe("0.10");
      for (const k of ["generic", "uuid", "md5", "user"] as const) {
        expect((back?.[k] as Binary).sub_type, k).toBe(doc[k].sub_type);
        expect(Buffer.from((back?.[k] as Binary).buffer).equals(Buffer.from(doc[k].buffer)), k).toBe(true);
      }
    });

    it("orders BinData by length, then subtype, then bytes (sort order: BinData)", async () => {
      const c = db.collection("bins");
      await c.insertMany([
        { v: new Binary(Buffer.from([1, 1]), 0) },
        { v: new Binary(Buffer.from([2]), 0) },
        { v: new Binary(Buffer.from([1]), 5) },
        { v: new Binary(Buffer.from([1]), 0) },
      ]);
      const sorted = await c
        .find({}, { projection: { _id: 0 } })
        .sort({ v: 1 })
        .toArray();
      expect(sorted.map((d) => `${(d.v as Binary).toString("hex")}/${(d.v as Binary).sub_type}`)).toEqual([
        "01/0",
        "02/0",
        "01/5",
        "0101/0",
      ]);
      expect(await c.countDocuments({ v: { $gt: new Binary(Buffer.from([9]), 0) } })).toBe(2);
    });
  });

  describe("projection (https://www.mongodb.com/docs/manual/reference/operator/projection/)", () => {
    beforeAll(async () => {
      await db.collection("proj").insertOne({
        _id: 1,
        title: "t",
        arr: [1, 2, 3, 4, 5],
        items: [
          { k: "a", n: 1 },
          { k: "b", n: 2 },
          { k: "b", n: 3 },
        ],
      } as Document);
    });
    const one = (projection: Document, filter: Document = {}): Promise<Document | null> =>
      db.collection("proj").findOne(filter, { projection });

    it("$slice: count, negative count, [skip, limit], and inside an exclusion projection", async () => {
      expect((await one({ arr: { $slice: 2 } }))?.arr).toEqual([1, 2]);
      expect((await one({ arr: { $slice: -2 } }))?.arr).toEqual([4, 5]);
      expect((await one({ arr: { $slice: [1, 2] } }))?.arr).toEqual([2, 3]);
      expect((await one({ arr: { $slice: [-2, 5] } }))?.arr).toEqual([4, 5]);
      // $slice alone keeps the other fields; with an exclusion the excluded ones go.
      expect(await one({ arr: { $slice: 1 }, title: 0 })).toEqual({
        _id: 1,
        arr: [1],
        items: expect.any(Array),
      });
      expect(await one({ arr: { $slice: 1 }, title: 1 })).toEqual({ _id: 1, title: "t", arr: [1] });
    });

    it("$elemMatch returns the first matching element, also with operator conditions on scalars", async () => {
      expect(await one({ items: { $elemMatch: { k: "b" } } })).toEqual({ _id: 1, items: [{ k: "b", n: 2 }] });
      expect(await one({ arr: { $elemMatch: { $gt: 3 } } })).toEqual({ _id: 1, arr: [4] });
      expect(await one({ arr: { $elemMatch: { $gt: 9 } } })).toEqual({ _id: 1 });
    });

    it("positional $ returns the element the query matched", async () => {
      expect(await one({ "items.$": 1 }, { "items.n": { $gte: 3 } })).toEqual({
        _id: 1,
        items: [{ k: "b", n: 3 }],
      });
    });

    it("puts _id first in an inclusion projection", async () => {
      expect(Object.keys((await one({ title: 1, arr: 1 })) ?? {})).toEqual(["_id", "title", "arr"]);
    });
  });

  describe("updates (https://www.mongodb.com/docs/manual/reference/operator/update/)", () => {
    it("accepts two array-filter paths under one array ($[<identifier>])", async () => {
      const c = db.collection("af");
      await c.insertOne({
        _id: 1,
        g: [
          { k: "x", v: 0 },
          { k: "y", v: 0 },
        ],
      } as Document);
      await c.updateOne(
        { _id: 1 } as Document,
        { $set: { "g.$[a].v": 1, "g.$[b].v": 2 } },
        { arrayFilters: [{ "a.k": "x" }, { "b.k": "y" }] },
      );
      expect((await c.findOne({ _id: 1 } as Document))?.g).toEqual([
        { k: "x", v: 1 },
        { k: "y", v: 2 },
      ]);
    });

    it("$pull with $or, with operator conditions on scalars, and with a document condition", async () => {
      const c = db.collection("pull");
      await c.insertOne({
        _id: 1,
        nums: [1, 5, 7, 9],
        tags: ["a", "b", "a"],
        objs: [
          { k: 1, x: "keep" },
          { k: 2, x: "drop" },
          { k: 3, x: "drop" },
        ],
      } as Document);
      await c.updateOne(
        { _id: 1 } as Document,
        {
          $pull: { nums: { $gte: 6 }, tags: "a", objs: { $or: [{ k: 2 }, { k: 3 }] } },
        } as Document,
      );
      expect(await c.findOne({ _id: 1 } as Document)).toEqual({
        _id: 1,
        nums: [1, 5],
        tags: ["b"],
        objs: [{ k: 1, x: "keep" }],
      });
      // A document condition matches elements with at least those fields.
      await c.updateOne({ _id: 1 } as Document, { $pull: { objs: { k: 1 } } } as Document);
      expect((await c.findOne({ _id: 1 } as Document))?.objs).toEqual([]);
    });

    it("stores $-prefixed field names on insert (field names, MongoDB 5.0+)", async () => {
      const c = db.collection("dollar");
      await c.insertOne({ _id: 1, $price: 3, nested: { $qty: 2 } } as Document);
      expect(await c.findOne({ _id: 1 } as Document)).toEqual({ _id: 1, $price: 3, nested: { $qty: 2 } });
    });

    it("keeps __proto__ as an ordinary field and never pollutes prototypes", async () => {
      const c = db.collection("proto");
      const doc = JSON.parse('{"_id": 1, "__proto__": {"polluted": true}, "ok": 1}') as Document;
      await c.insertOne(doc);
      const back = await c.findOne({ _id: 1 } as Document);
      expect(Object.keys(back ?? {})).toEqual(["_id", "__proto__", "ok"]);
      expect(Object.getOwnPropertyDescriptor(back, "__proto__")?.value).toEqual({ polluted: true });
      expect(({} as Document).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty("polluted");
    });

    it("refuses $push onto a non-array (code 2) and $set through a scalar (code 28 PathNotViable)", async () => {
      const c = db.collection("refuse");
      await c.insertOne({ _id: 1, s: "text", arr: [1, 2], n: null } as Document);
      const push = await serverError(c.updateOne({ _id: 1 } as Document, { $push: { s: 1 } } as Document));
      expect(push.code).toBe(2);
      expect(push.message).toBe("The field 's' must be an array but is of type string in document {_id: 1}");
      expect(
        (await serverError(c.updateOne({ _id: 1 } as Document, { $addToSet: { s: 1 } } as Document))).code,
      ).toBe(2);
      const through = await serverError(c.updateOne({ _id: 1 } as Document, { $set: { "arr.x": 1 } }));
      expect(through.code).toBe(28);
      expect(through.message).toBe("Cannot create field 'x' in element {arr: [ 1, 2 ]}");
      expect((await serverError(c.updateOne({ _id: 1 } as Document, { $set: { "s.y": 1 } }))).code).toBe(28);
      expect((await serverError(c.updateOne({ _id: 1 } as Document, { $set: { "n.y": 1 } }))).code).toBe(28);
      expect(await c.findOne({ _id: 1 } as Document)).toEqual({ _id: 1, s: "text", arr: [1, 2], n: null });
    });

    it("refuses documents over 16 MiB with BSONObjectTooLarge (code 10334)", async () => {
      const c = db.collection("big");
      const big = "x".repeat(16 * 1024 * 1024);
      expect((await serverError(c.insertOne({ big }))).code).toBe(10334);
      await c.insertOne({ _id: 1, half: "y".repeat(9 * 1024 * 1024) } as Document);
      const grow = await serverError(
        c.updateOne({ _id: 1 } as Document, { $set: { more: "z".repeat(8 * 1024 * 1024) } }),
      );
      expect(grow.code).toBe(10334);
      expect(await c.countDocuments()).toBe(1);
    });
  });

  describe("errors for unknown operators and stages, with or without the collection", () => {
    for (const coll of ["present", "absent"]) {
      it(`${coll} collection: unknown query operator (code 2) and pipeline stage (code 40324)`, async () => {
        if (coll === "present") await db.collection(coll).insertOne({ a: 1 });
        const op = await serverError(
          db
            .collection(coll)
            .find({ a: { $foo: 1 } })
            .toArray(),
        );
        expect([op.code, op.message]).toEqual([2, "unknown operator: $foo"]);
        const top = await serverError(db.collection(coll).find({ $foo: 1 }).toArray());
        expect(top.code).toBe(2);
        expect(top.message).toMatch(/^unknown top level operator: \$foo/);
        const stage = await serverError(
          db
            .collection(coll)
            .aggregate([{ $foo: {} }])
            .toArray(),
        );
        expect([stage.code, stage.message]).toEqual([40324, "Unrecognized pipeline stage name: '$foo'"]);
        expect((await serverError(db.collection(coll).countDocuments({ a: { $foo: 1 } }))).code).toBe(2);
        expect((await serverError(db.collection(coll).deleteMany({ a: { $foo: 1 } }))).code).toBe(2);
      });
    }
  });

  it("unknown expression (168) and group (15952) operators in a pipeline", async () => {
    await db.collection("exprs").insertOne({ a: 1 });
    const expr = await serverError(
      db
        .collection("exprs")
        .aggregate([{ $project: { x: { $foo: "$a" } } }])
        .toArray(),
    );
    expect([expr.code, expr.message]).toEqual([
      168,
      "Invalid $project :: caused by :: Unrecognized expression '$foo'",
    ]);
    const group = await serverError(
      db
        .collection("exprs")
        .aggregate([{ $group: { _id: null, x: { $foo: "$a" } } }])
        .toArray(),
    );
    expect([group.code, group.message]).toEqual([15952, "unknown group operator '$foo'"]);
  });

  describe("hint and explain (https://www.mongodb.com/docs/manual/reference/explain-results/)", () => {
    beforeAll(async () => {
      const c = db.collection("ex");
      await c.insertMany(
        Array.from({ length: 50 }, (_, i) => ({ _id: i, email: `u${i}@x`, group: i % 5 }) as Document),
      );
      await c.createIndex({ email: 1 }, { unique: true });
    });

    const ixscan = (plan: Document): Document | undefined => {
      let p: Document | undefined = plan;
      while (p && p.stage !== "IXSCAN") p = p.inputStage as Document | undefined;
      return p;
    };

    it("reports the index used and what it examined (executionStats)", async () => {
      const e = await db.collection("ex").find({ email: "u7@x" }).explain("executionStats");
      expect(ixscan(e.queryPlanner.winningPlan as Document)).toMatchObject({
        indexName: "email_1",
        keyPattern: { email: 1 },
      });
      expect(e.executionStats).toMatchObject({ nReturned: 1, totalKeysExamined: 1, totalDocsExamined: 1 });
    });

    it("reports a collection scan when no index applies", async () => {
      const e = await db.collection("ex").find({ group: 3 }).explain("executionStats");
      expect(e.queryPlanner.winningPlan).toMatchObject({ stage: "COLLSCAN" });
      expect(e.executionStats).toMatchObject({ nReturned: 10, totalKeysExamined: 0, totalDocsExamined: 50 });
    });

    it("reports IDHACK for an _id equality and explains aggregate and count", async () => {
      const id = await db
        .collection("ex")
        .find({ _id: 4 } as Document)
        .explain("executionStats");
      expect(id.queryPlanner.winningPlan.stage).toBe("IDHACK");
      expect(id.executionStats.totalDocsExamined).toBe(1);
      const agg = await db
        .collection("ex")
        .aggregate([{ $match: { email: "u1@x" } }, { $project: { _id: 1 } }])
        .explain("executionStats");
      const cursorStage = (agg.stages as Document[] | undefined)?.[0]?.$cursor as Document | undefined;
      expect(ixscan((cursorStage ?? agg).queryPlanner.winningPlan as Document)?.indexName).toBe("email_1");
      const count = await db.command({
        explain: { count: "ex", query: { email: "u2@x" } },
        verbosity: "queryPlanner",
      });
      expect(ixscan(count.queryPlanner.winningPlan as Document)?.indexName).toBe("email_1");
      expect(count.executionStats).toBeUndefined();
    });

    it("hint: by name or key pattern uses that index; an unknown index fails with BadValue (code 2)", async () => {
      const c = db.collection("ex");
      expect(await c.find({ email: "u3@x" }).hint("email_1").toArray()).toHaveLength(1);
      const byKey = await c.find({ group: 1 }).hint({ email: 1 }).explain("executionStats");
      expect(ixscan(byKey.queryPlanner.winningPlan as Document)?.indexName).toBe("email_1");
      expect(byKey.executionStats.nReturned).toBe(10);
      const natural = await c.find({ email: "u3@x" }).hint({ $natural: 1 }).explain("queryPlanner");
      expect(natural.queryPlanner.winningPlan.stage).toBe("COLLSCAN");
      const err = await serverError(c.find({}).hint({ nope: 1 }).toArray());
      expect(err.code).toBe(2);
      expect(err.message).toMatch(/hint provided does not correspond to an existing index/);
    });
  });

  describe("handshake (https://www.mongodb.com/docs/manual/reference/command/hello/)", () => {
    it("advertises the wire version devdb implements (7.0: 21); 8.0's bulkWrite is an unknown command", async () => {
      const hello = await db.admin().command({ hello: 1 });
      if (!server.external) expect(hello.maxWireVersion).toBe(21);
      if (hello.maxWireVersion < 25) {
        const err = await client
          .bulkWrite([{ namespace: `${dbName}.bw`, name: "insertOne", document: { a: 1 } as Document }])
          .catch((e: unknown) => e);
        expect(JSON.stringify(err)).toMatch(/no such command: 'bulkWrite'|CommandNotFound|"code":59/);
      }
    });
  });
});

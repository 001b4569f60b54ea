import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { BSON, Double, Int32, Long, MongoClient, type Db, type Document } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exportDatabase, startDevDb } from "../index.js";
import { type TestServer, closeDriverDb, openDriverDb, uniqueDbName } from "./harness.js";

/**
 * BSON numeric types come back as stored (https://www.mongodb.com/docs/manual/reference/bson-types/):
 * an integral Double is a Double, an Int64 a Long, whatever the JavaScript number looks like.
 * The clients here read with `promoteValues: false` (or `promoteLongs: false`, `useBigInt64`) so
 * the test can tell the types apart; a default client would turn all of them into numbers.
 */
const exact = { promoteValues: false } as const;

type NumDoc = Document & { _id: number };

function typeOf(v: unknown): string {
  if (v instanceof Double) return "double";
  if (v instanceof Int32) return "int";
  if (v instanceof Long) return "long";
  return typeof v;
}

const sample = (): NumDoc => ({
  _id: 1,
  d: new Double(1),
  i: 1,
  l: Long.fromNumber(5),
  f: 1.5,
  nested: { d: new Double(2), l: Long.fromNumber(-7) },
  arr: [new Double(3), 4, Long.fromNumber(8)],
});

describe("BSON numeric types (bson-types, query/type, update/inc)", () => {
  let server: TestServer;
  let client: MongoClient;
  let db: Db;
  const dbName = uniqueDbName("compat_numeric");

  beforeAll(async () => {
    ({ server, client, db } = await openDriverDb(dbName));
    await db.collection<NumDoc>("n").insertOne(sample());
  });
  afterAll(() => closeDriverDb({ server, client, db }));

  it("an integral Double, an Int32 and a Long keep their types on a round trip (bson-types)", async () => {
    const doc = (await db.collection<NumDoc>("n").findOne({ _id: 1 }, exact)) as Document;
    expect(typeOf(doc.d)).toBe("double");
    expect(typeOf(doc.i)).toBe("int");
    expect(typeOf(doc.l)).toBe("long");
    expect(typeOf(doc.f)).toBe("double");
    expect([typeOf(doc.nested.d), typeOf(doc.nested.l)]).toEqual(["double", "long"]);
    expect((doc.arr as unknown[]).map(typeOf)).toEqual(["double", "int", "long"]);
    expect(Number(doc.d)).toBe(1);
    expect(Number(doc.l)).toBe(5);
  });

  it("Long(5) comes back as a Long with promoteLongs: false and a bigint with useBigInt64", async () => {
    const c = db.collection<NumDoc>("n");
    const asLong = (await c.findOne({ _id: 1 }, { promoteLongs: false })) as Document;
    expect(asLong.l).toBeInstanceOf(Long);
    expect((asLong.l as Long).toNumber()).toBe(5);
    const asBig = (await c.findOne({ _id: 1 }, { useBigInt64: true })) as Document;
    expect(asBig.l).toBe(5n);
    // A default client promotes it to a number, as with a real server.
    expect((await c.findOne({ _id: 1 }))?.l).toBe(5);
  });

  it("$type answers by the stored type, by name and by number (query/type)", async () => {
    const c = db.collection<NumDoc>("n");
    const ids = async (filter: Document) => (await c.find(filter).toArray()).map((d) => d._id);
    expect(await ids({ d: { $type: "double" } })).toEqual([1]);
    expect(await ids({ d: { $type: 1 } })).toEqual([1]);
    expect(await ids({ d: { $type: "int" } })).toEqual([]);
    expect(await ids({ l: { $type: "long" } })).toEqual([1]);
    expect(await ids({ l: { $type: 18 } })).toEqual([1]);
    expect(await ids({ l: { $type: "int" } })).toEqual([]);
    expect(await ids({ i: { $type: 16 } })).toEqual([1]);
    expect(await ids({ i: { $type: "double" } })).toEqual([]);
    expect(await ids({ "nested.d": { $type: "double" } })).toEqual([1]);
    expect(await ids({ arr: { $type: "long" } })).toEqual([1]);
    // Numbers still compare by value across types (bson-type-comparison-order).
    expect(await ids({ d: 1, l: 5, i: { $lt: 1.5 } })).toEqual([1]);
  });

  it("projections, findAndModify and aggregate $match return the stored types", async () => {
    const c = db.collection<NumDoc>("n");
    const projected = (await c.findOne(
      { _id: 1 },
      { ...exact, projection: { d: 1, "nested.l": 1 } },
    )) as Document;
    expect([typeOf(projected.d), typeOf(projected.nested.l)]).toEqual(["double", "long"]);
    const [matched] = await c.aggregate([{ $match: { _id: 1 } }], exact).toArray();
    expect([typeOf(matched.d), typeOf(matched.l)]).toEqual(["double", "long"]);
    // A value an aggregation stage writes over a Double has the type of the value written.
    const [computed] = await c
      .aggregate([{ $match: { _id: 1 } }, { $set: { "nested.d": 5 } }], exact)
      .toArray();
    expect(typeOf(computed.nested.d)).toBe("int");
    const before = await c.findOneAndUpdate({ _id: 1 }, { $set: { x: 1 } }, exact);
    expect(typeOf(before?.d)).toBe("double");
  });

  it("$inc and $mul promote int → long → double as mongod does (update/inc, update/mul)", async () => {
    const c = db.collection<NumDoc>("inc");
    await c.insertOne({
      _id: 1,
      int: 1,
      max: 2147483647,
      long: Long.fromNumber(5),
      dbl: new Double(1),
      mixed: 2,
      mul: 3,
    });
    await c.updateOne(
      { _id: 1 },
      {
        $inc: {
          int: 1,
          max: 1,
          long: 1,
          dbl: 1,
          mixed: new Double(0),
          missing: Long.fromNumber(1),
        },
        $mul: { mul: new Double(2) },
      },
    );
    const doc = (await c.findOne({ _id: 1 }, exact)) as Document;
    expect(typeOf(doc.int)).toBe("int"); // int + int stays int
    expect(typeOf(doc.max)).toBe("long"); // int32 overflow becomes a long
    expect(Number(doc.max)).toBe(2147483648);
    expect(typeOf(doc.long)).toBe("long"); // long + int is a long
    expect(typeOf(doc.dbl)).toBe("double"); // double + int is a double, even when integral
    expect(Number(doc.dbl)).toBe(2);
    expect(typeOf(doc.mixed)).toBe("double"); // int + double is a double
    expect(typeOf(doc.missing)).toBe("long"); // a missing field takes the operand's type
    expect(typeOf(doc.mul)).toBe("double");
    expect(Number(doc.mul)).toBe(6);
  });

  it("$min/$max take the operand's type when they replace, $rename keeps it (update/min, update/max, update/rename)", async () => {
    const c = db.collection<NumDoc>("minmax");
    await c.insertOne({ _id: 1, a: new Double(5), b: 3, k: new Double(1), r: Long.fromNumber(7) });
    await c.updateOne({ _id: 1 }, { $min: { a: 2, k: 4 }, $max: { b: new Double(9) }, $rename: { r: "s" } });
    const doc = (await c.findOne({ _id: 1 }, exact)) as Document;
    expect([typeOf(doc.a), typeOf(doc.b), typeOf(doc.k), typeOf(doc.s)]).toEqual([
      "int",
      "double",
      "double",
      "long",
    ]);
    expect(doc.r).toBeUndefined();
  });

  it("a pipeline update keeps the types of the fields it leaves alone (update/#update-with-aggregation-pipeline)", async () => {
    const c = db.collection<NumDoc>("pipeline");
    await c.insertOne({ _id: 1, d: new Double(1), l: Long.fromNumber(2), n: { d: new Double(3) } });
    await c.updateOne({ _id: 1 }, [{ $set: { x: 1, "n.e": 2 } }]);
    const doc = (await c.findOne({ _id: 1 }, exact)) as Document;
    expect([typeOf(doc.d), typeOf(doc.l), typeOf(doc.n.d), typeOf(doc.x), typeOf(doc.n.e)]).toEqual([
      "double",
      "long",
      "double",
      "int",
      "int",
    ]);
  });

  it("$set and replacement take the given value's type; a type change is a modification (update/set)", async () => {
    const c = db.collection<NumDoc>("set");
    await c.insertOne({ _id: 1, v: new Double(1), w: Long.fromNumber(2) });
    const r = await c.updateOne({ _id: 1 }, { $set: { v: 1, w: new Double(2) } });
    expect(r.modifiedCount).toBe(1);
    let doc = (await c.findOne({ _id: 1 }, exact)) as Document;
    expect([typeOf(doc.v), typeOf(doc.w)]).toEqual(["int", "double"]);
    await c.replaceOne({ _id: 1 }, { v: Long.fromNumber(1) });
    doc = (await c.findOne({ _id: 1 }, exact)) as Document;
    expect(typeOf(doc.v)).toBe("long");
    await c.updateOne({ _id: 2 }, { $set: { v: new Double(3) } }, { upsert: true });
    expect(typeOf(((await c.findOne({ _id: 2 }, exact)) as Document).v)).toBe("double");
  });
});

describe("BSON numeric types in storage", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });
  const tempDir = (): string => {
    const d = fs.mkdtempSync(path.join(os.tmpdir(), "devdb-numeric-"));
    dirs.push(d);
    return d;
  };

  async function withDb<T>(dataDir: string, fn: (db: Db) => Promise<T>, compactBytes?: number): Promise<T> {
    const server = await startDevDb({ dataDir, compactBytes });
    const client = await MongoClient.connect(server.uri);
    try {
      return await fn(client.db("app"));
    } finally {
      await client.close();
      await server.stop();
    }
  }

  it.each([
    ["the journal", undefined],
    ["a compacted snapshot", 1],
  ])("types survive a restart from %s", async (_what, compactBytes) => {
    const dir = tempDir();
    await withDb(
      dir,
      async (db) => {
        await db.collection<NumDoc>("n").insertOne(sample());
        await db.collection<NumDoc>("n").updateOne({ _id: 1 }, { $inc: { d: 1, l: 1 } });
      },
      compactBytes,
    );
    const doc = await withDb(dir, (db) => db.collection<NumDoc>("n").findOne({ _id: 1 }, exact));
    expect(doc && [typeOf(doc.d), typeOf(doc.l), typeOf(doc.i)]).toEqual(["double", "long", "int"]);
    expect(doc && [Number(doc.d), Number(doc.l)]).toEqual([2, 6]);
    expect(doc && (doc.arr as unknown[]).map(typeOf)).toEqual(["double", "int", "long"]);
  });

  it("an export writes the stored types into the .bson file", async () => {
    const dir = tempDir();
    const dumpDir = path.join(tempDir(), "dump");
    await withDb(dir, async (db) => {
      await db.collection<NumDoc>("n").insertOne(sample());
      await exportDatabase(db, dumpDir);
    });
    const buf = fs.readFileSync(path.join(dumpDir, "app", "n.bson"));
    const doc = BSON.deserialize(buf, { promoteValues: false });
    expect([typeOf(doc.d), typeOf(doc.i), typeOf(doc.l)]).toEqual(["double", "int", "long"]);
  });
});

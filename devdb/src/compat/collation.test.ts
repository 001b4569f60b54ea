import { MongoClient, MongoServerError, type CollationOptions, type Db, type Document } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, closeDriverDb, openDriverDb, uniqueDbName } from "./harness.js";

// Collation (https://www.mongodb.com/docs/manual/reference/collation/): locale rules for string
// comparison; strength 1 compares base letters only, 2 adds accents, 3 (default) adds case.
describe("collation", () => {
  let server: TestServer;
  let client: MongoClient;
  let db: Db;
  const dbName = uniqueDbName("compat_collation");
  const names = ["b", "A", "a", "é", "E", "z"];

  beforeAll(async () => {
    ({ server, client, db } = await openDriverDb(dbName));
    await db.collection("w").insertMany(names.map((n) => ({ n })));
  });
  afterAll(() => closeDriverDb({ server, client, db }));

  const find = async (filter: Document, collation?: CollationOptions): Promise<string[]> =>
    (await db.collection("w").find(filter, { collation }).toArray()).map((d) => d.n as string).sort();

  it("equality by strength: 3 exact, 2 case-insensitive, 1 case- and accent-insensitive", async () => {
    expect(await find({ n: "a" }, { locale: "en" })).toEqual(["a"]);
    expect(await find({ n: "a" }, { locale: "en", strength: 2 })).toEqual(["A", "a"]);
    expect(await find({ n: "e" }, { locale: "en", strength: 2 })).toEqual(["E"]);
    expect(await find({ n: "e" }, { locale: "en", strength: 1 })).toEqual(["E", "é"]);
    expect(await find({ n: { $in: ["A", "Z"] } }, { locale: "en", strength: 2 })).toEqual(["A", "a", "z"]);
    expect(await find({ n: { $ne: "a" } }, { locale: "en", strength: 2 })).toEqual(["E", "b", "z", "é"]);
    // Without collation: binary comparison.
    expect(await find({ n: "a" })).toEqual(["a"]);
  });

  it("sorts by the locale (lowercase first at strength 3, accents after their base letter)", async () => {
    const sorted = await db.collection("w").find({}).sort({ n: 1 }).collation({ locale: "en" }).toArray();
    expect(sorted.map((d) => d.n)).toEqual(["a", "A", "b", "E", "é", "z"]);
    const binary = await db.collection("w").find({}).sort({ n: 1 }).toArray();
    expect(binary.map((d) => d.n)).toEqual(["A", "E", "a", "b", "z", "é"]);
  });

  it("compares ranges by the locale, numericOrdering included", async () => {
    const c = db.collection("nums");
    await c.insertMany([{ v: "10" }, { v: "9" }, { v: "2" }]);
    const numeric = await c
      .find({ v: { $gt: "9" } }, { collation: { locale: "en", numericOrdering: true } })
      .toArray();
    expect(numeric.map((d) => d.v)).toEqual(["10"]);
    expect((await c.find({ v: { $gt: "9" } }).toArray()).map((d) => d.v)).toEqual([]);
  });

  it("applies to aggregate ($match and $sort), count, updates and deletes", async () => {
    const agg = await db
      .collection("w")
      .aggregate(
        [{ $match: { n: { $in: ["a", "e"] } } }, { $sort: { n: -1 } }, { $project: { _id: 0, n: 1 } }],
        {
          collation: { locale: "en", strength: 1 },
        },
      )
      .toArray();
    expect(agg.map((d) => d.n)).toEqual(["é", "E", "A", "a"]);
    expect(
      await db.collection("w").countDocuments({ n: "A" }, { collation: { locale: "en", strength: 2 } }),
    ).toBe(2);
    const c = db.collection("upd");
    await c.insertMany([{ n: "Ani" }, { n: "ANI" }, { n: "Budi" }]);
    const u = await c.updateMany(
      { n: "ani" },
      { $set: { hit: true } },
      { collation: { locale: "id", strength: 2 } },
    );
    expect(u.modifiedCount).toBe(2);
    const d = await c.deleteMany({ n: "ani" }, { collation: { locale: "id", strength: 2 } });
    expect(d.deletedCount).toBe(2);
    expect(await c.countDocuments()).toBe(1);
  });

  it("a unique index with strength 2 refuses values differing only by case (E11000)", async () => {
    const c = db.collection("emails");
    await c.createIndex({ email: 1 }, { unique: true, collation: { locale: "en", strength: 2 } });
    await c.insertOne({ email: "Ani@Pemda.go.id" });
    const err = await c.insertOne({ email: "ani@pemda.go.id" }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(11000);
    await c.insertOne({ email: "budi@pemda.go.id" });
    const ix = (await c.listIndexes().toArray())[1];
    expect(ix.collation).toMatchObject({ locale: "en", strength: 2 });
  });

  it("refuses an unknown locale with BadValue (code 2)", async () => {
    const err = await db
      .collection("w")
      .find({ n: "a" }, { collation: { locale: "xx_NOPE" } })
      .toArray()
      .catch((e: unknown) => e);
    expect((err as MongoServerError).code).toBe(2);
  });
});

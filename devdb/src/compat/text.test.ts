import { MongoClient, MongoServerError, type Db, type Document } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, closeDriverDb, openDriverDb, uniqueDbName } from "./harness.js";

// $text (https://www.mongodb.com/docs/manual/reference/operator/query/text/) over a text index
// (https://www.mongodb.com/docs/manual/core/indexes/index-types/index-text/), with
// `{$meta: "textScore"}` (https://www.mongodb.com/docs/manual/reference/operator/aggregation/meta/).
describe("$text search", () => {
  let server: TestServer;
  let client: MongoClient;
  let db: Db;
  const dbName = uniqueDbName("compat_text");

  beforeAll(async () => {
    ({ server, client, db } = await openDriverDb(dbName));
    const c = db.collection("posts");
    await c.insertMany([
      { _id: 1, title: "Flood response plan", body: "Coordinating the flood response across districts" },
      { _id: 2, title: "Budget planning", body: "Planned budgets for schools" },
      { _id: 3, title: "School meals", body: "Meals for schools and flooding shelters" },
    ] as Document[]);
    await c.createIndex({ title: "text", body: "text" }, { weights: { title: 3 }, name: "search" });
  });
  afterAll(() => closeDriverDb({ server, client, db }));

  const ids = async (filter: Document): Promise<number[]> =>
    (await db.collection("posts").find(filter).toArray()).map((d) => d._id as unknown as number).sort();

  it("matches any term, stemmed, case- and diacritic-insensitive, ignoring stop words", async () => {
    expect(await ids({ $text: { $search: "flood" } })).toEqual([1, 3]); // "flooding" stems to flood
    expect(await ids({ $text: { $search: "FLÓOD budget" } })).toEqual([1, 2, 3]);
    // planned, planning and plan share the stem "plan".
    expect(await ids({ $text: { $search: "planned" } })).toEqual([1, 2]);
    expect(await ids({ $text: { $search: "the" } })).toEqual([]);
  });

  it("phrases must appear, negated terms must not", async () => {
    expect(await ids({ $text: { $search: '"flood response"' } })).toEqual([1]);
    expect(await ids({ $text: { $search: "flood -shelters" } })).toEqual([1]);
    expect(await ids({ $text: { $search: 'schools -"school meals"' } })).toEqual([2]);
  });

  it("combines with other conditions", async () => {
    expect(await ids({ $text: { $search: "flood" }, title: /School/ })).toEqual([3]);
  });

  it("scores with the field weights and sorts by { $meta: 'textScore' }", async () => {
    const found = await db
      .collection("posts")
      .find({ $text: { $search: "flood" } }, { projection: { score: { $meta: "textScore" } } })
      .sort({ score: { $meta: "textScore" } })
      .toArray();
    expect(found.map((d) => d._id)).toEqual([1, 3]);
    // title: 3 × (0.5 · 1/3 + 0.5) = 2; body: 1 × (0.5 · 1/5 + 0.5) = 0.6 (mongod's formula).
    expect(found[0].score).toBeCloseTo(2.6, 6);
    expect(found[0].title).toBe("Flood response plan"); // a $meta projection keeps the other fields
  });

  it("works in aggregate: $match first, $meta in $project and $sort", async () => {
    const out = await db
      .collection("posts")
      .aggregate([
        { $match: { $text: { $search: "school" } } },
        { $project: { title: 1, score: { $meta: "textScore" } } },
        { $sort: { score: { $meta: "textScore" } } },
      ])
      .toArray();
    expect(out.map((d) => d._id)).toEqual([3, 2]);
    expect(out[0].score).toBeGreaterThan(out[1].score as number);
    expect(Object.keys(out[0]).sort()).toEqual(["_id", "score", "title"]);
  });

  it("needs a text index (code 27 IndexNotFound), with or without the collection", async () => {
    await db.collection("plain").insertOne({ t: "flood" });
    for (const name of ["plain", "missing"]) {
      const err = await db
        .collection(name)
        .find({ $text: { $search: "flood" } })
        .toArray()
        .catch((e: unknown) => e);
      expect(err).toBeInstanceOf(MongoServerError);
      expect((err as MongoServerError).code).toBe(27);
    }
  });
});

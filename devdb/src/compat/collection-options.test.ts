import { MongoClient, type Db, type Document } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, closeDriverDb, openDriverDb, serverError, uniqueDbName } from "./harness.js";

/** The write error of a failed single-document write (insertOne/updateOne report it as the error). */
const codeOf = async (p: Promise<unknown>): Promise<number | undefined> =>
  (await serverError(p)).code as number;

describe("collection options (https://www.mongodb.com/docs/manual/reference/command/create/)", () => {
  let server: TestServer;
  let client: MongoClient;
  let db: Db;
  const dbName = uniqueDbName("compat_options");

  beforeAll(async () => {
    ({ server, client, db } = await openDriverDb(dbName));
  });
  afterAll(() => closeDriverDb({ server, client, db }));

  const info = async (name: string): Promise<Document> => {
    const [entry] = await db.listCollections({ name }).toArray();
    return entry as Document;
  };

  it("capped: keeps insertion order and drops the oldest past max (capped collections)", async () => {
    const c = await db.createCollection("capped", { capped: true, size: 4096, max: 3 });
    for (let i = 0; i < 5; i++) await c.insertOne({ i });
    expect((await c.find({}).toArray()).map((d) => d.i)).toEqual([2, 3, 4]);
    expect((await info("capped")).options).toMatchObject({ capped: true, size: 4096, max: 3 });
    const stats = await c.find({}).sort({ $natural: -1 }).toArray();
    expect(stats.map((d) => d.i)).toEqual([4, 3, 2]);
  });

  it("capped: drops the oldest when the byte size is exceeded", async () => {
    const c = await db.createCollection("cappedBytes", { capped: true, size: 4096 });
    for (let i = 0; i < 20; i++) await c.insertOne({ i, pad: "x".repeat(900) });
    const left = (await c.find({}).toArray()).map((d) => d.i as number);
    expect(left.length).toBeGreaterThan(0);
    expect(left.length).toBeLessThan(5); // 4096 bytes hold at most four ~930-byte documents
    expect(left).toEqual(Array.from({ length: left.length }, (_, k) => 20 - left.length + k));
  });

  it("the size field is required for a capped collection (code 72 InvalidOptions)", async () => {
    expect(await codeOf(db.command({ create: "cappedNoSize", capped: true }))).toBe(72);
  });

  describe("schema validation (https://www.mongodb.com/docs/manual/core/schema-validation/)", () => {
    const schema = {
      $jsonSchema: {
        bsonType: "object",
        required: ["name"],
        properties: {
          name: { bsonType: "string", minLength: 2 },
          age: { bsonType: "int", minimum: 0 },
          tags: { bsonType: "array", items: { bsonType: "string" }, maxItems: 3 },
        },
      },
    };

    it("refuses invalid inserts and updates with code 121 DocumentValidationFailure", async () => {
      const c = await db.createCollection("people", { validator: schema });
      await c.insertOne({ _id: 1, name: "Ani", age: 30 } as Document);
      const missing = await serverError(c.insertOne({ age: 3 }));
      expect([missing.code, missing.message]).toEqual([121, "Document failed validation"]);
      expect(await codeOf(c.insertOne({ name: "Bo", age: -1 }))).toBe(121);
      expect(await codeOf(c.insertOne({ name: "Bo", tags: ["a", 1] }))).toBe(121);
      expect(await codeOf(c.updateOne({ _id: 1 } as Document, { $set: { name: "A" } }))).toBe(121);
      expect(await codeOf(c.updateOne({ _id: 1 } as Document, { $unset: { name: "" } }))).toBe(121);
      await c.updateOne({ _id: 1 } as Document, { $set: { age: 31 } });
      expect(await c.find({}).toArray()).toEqual([{ _id: 1, name: "Ani", age: 31 }]);
      expect((await info("people")).options).toEqual({ validator: schema });
      // $jsonSchema also works as a query operator.
      expect(await c.countDocuments({ $jsonSchema: { required: ["age"] } })).toBe(1);
    });

    it("bypassDocumentValidation lets an insert or update skip the validator", async () => {
      const c = await db.createCollection("bypass", { validator: schema });
      await c.insertOne({ age: -1 }, { bypassDocumentValidation: true });
      await c.updateMany({}, { $set: { age: -2 } }, { bypassDocumentValidation: true });
      expect(await c.find({}, { projection: { _id: 0 } }).toArray()).toEqual([{ age: -2 }]);
      expect(await codeOf(c.updateMany({}, { $set: { age: -3 } }))).toBe(121);
    });

    it("query-operator validators, validationAction warn and validationLevel moderate", async () => {
      const stock = await db.createCollection("stock", { validator: { qty: { $gte: 0 } } });
      expect(await codeOf(stock.insertOne({ qty: -1 }))).toBe(121);
      const warned = await db.createCollection("warned", { validator: schema, validationAction: "warn" });
      await warned.insertOne({ nameless: true });
      expect(await warned.countDocuments()).toBe(1);
      expect((await info("warned")).options).toMatchObject({ validationAction: "warn" });

      const legacy = await db.createCollection("legacy");
      await legacy.insertOne({ _id: "old", age: -5 } as Document);
      await db.command({ collMod: "legacy", validator: schema, validationLevel: "moderate" });
      // moderate: an already-invalid document may still be updated; valid ones must stay valid.
      await legacy.updateOne({ _id: "old" } as Document, { $set: { age: -6 } });
      await legacy.insertOne({ _id: "new", name: "Baru" } as Document);
      expect(await codeOf(legacy.updateOne({ _id: "new" } as Document, { $set: { name: 5 } }))).toBe(121);
      await db.command({ collMod: "legacy", validationLevel: "strict" });
      expect(await codeOf(legacy.updateOne({ _id: "old" } as Document, { $set: { age: -7 } }))).toBe(121);
      expect((await info("legacy")).options).toMatchObject({ validationLevel: "strict" });
    });
  });

  it("clusteredIndex with expireAfterSeconds: reported, and expires on the _id date", async () => {
    const c = await db.createCollection("events", {
      clusteredIndex: { key: { _id: 1 }, unique: true },
      expireAfterSeconds: 60,
    });
    const entry = await info("events");
    expect(entry.options).toMatchObject({
      clusteredIndex: { key: { _id: 1 }, unique: true },
      expireAfterSeconds: 60,
    });
    expect(entry.idIndex).toBeUndefined();
    if (server.external) return; // a real server's TTL monitor runs once a minute
    const past = new Date(0);
    const future = new Date(Date.now() + 365 * 24 * 3600 * 1000);
    await c.insertMany([{ _id: past }, { _id: future }] as Document[]);
    for (let i = 0; i < 100 && (await c.countDocuments()) > 1; i++)
      await new Promise((r) => setTimeout(r, 50));
    expect((await c.find({}).toArray()).map((d) => d._id)).toEqual([future]);
  });

  it("expireAfterSeconds without a clustered index is refused (code 72)", async () => {
    expect(await codeOf(db.command({ create: "plainTtl", expireAfterSeconds: 10 }))).toBe(72);
  });

  it("refuses unknown create options (code 40415)", async () => {
    expect(await codeOf(db.command({ create: "weird", notAnOption: 1 }))).toBe(40415);
  });

  describe("collMod (https://www.mongodb.com/docs/manual/reference/command/collMod/)", () => {
    it("hides and unhides an index: a hidden index is not used by the planner", async () => {
      const c = db.collection("hide");
      await c.insertMany(Array.from({ length: 20 }, (_, i) => ({ k: i })));
      await c.createIndex({ k: 1 });
      const plan = async (): Promise<string> =>
        JSON.stringify((await c.find({ k: 3 }).explain("queryPlanner")).queryPlanner.winningPlan);
      expect(await plan()).toContain('"indexName":"k_1"');
      const hidden = await db.command({ collMod: "hide", index: { keyPattern: { k: 1 }, hidden: true } });
      expect(hidden).toMatchObject({ hidden_old: false, hidden_new: true });
      expect(await plan()).toContain("COLLSCAN");
      expect((await c.listIndexes().toArray())[1]).toMatchObject({ name: "k_1", hidden: true });
      expect(await c.countDocuments({ k: 3 })).toBe(1);
      await db.command({ collMod: "hide", index: { name: "k_1", hidden: false } });
      expect(await plan()).toContain('"indexName":"k_1"');
    });

    it("changes a TTL index's expireAfterSeconds", async () => {
      const c = db.collection("ttlmod");
      await c.createIndex({ at: 1 }, { expireAfterSeconds: 100 });
      const r = await db.command({
        collMod: "ttlmod",
        index: { keyPattern: { at: 1 }, expireAfterSeconds: 200 },
      });
      expect(r).toMatchObject({ expireAfterSeconds_old: 100, expireAfterSeconds_new: 200 });
      expect((await c.listIndexes().toArray())[1]).toMatchObject({ expireAfterSeconds: 200 });
    });

    it("fails on a missing collection (26) and a missing index (27)", async () => {
      expect(await codeOf(db.command({ collMod: "nope", validator: {} }))).toBe(26);
      await db.createCollection("noidx");
      expect(await codeOf(db.command({ collMod: "noidx", index: { name: "x_1", hidden: true } }))).toBe(27);
    });
  });
});

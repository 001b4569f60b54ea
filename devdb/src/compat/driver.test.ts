import { Long, MongoClient, MongoServerError, ObjectId, type Db } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, closeDriverDb, openDriverDb, serverError, uniqueDbName } from "./harness.js";

describe("raw driver compatibility", () => {
  let server: TestServer;
  let client: MongoClient;
  let db: Db;
  const dbName = uniqueDbName("compat_driver");

  beforeAll(async () => {
    ({ server, client, db } = await openDriverDb(dbName));
  });

  afterAll(() => closeDriverDb({ server, client, db }));

  it("answers ping, buildInfo and serverStatus", async () => {
    expect(await db.command({ ping: 1 })).toMatchObject({ ok: 1 });
    const info = await db.admin().buildInfo();
    expect(typeof info.version).toBe("string");
    const status = await db.admin().serverStatus();
    expect(status.ok).toBe(1);
    const hello = await db.admin().command({ hello: 1 });
    expect(hello).toMatchObject({
      isWritablePrimary: true,
      minWireVersion: 0,
      logicalSessionTimeoutMinutes: 30,
    });
    expect(hello.maxWireVersion).toBeGreaterThanOrEqual(21);
  });

  it("runs distinct and count", async () => {
    const c = db.collection("distinct");
    await c.insertMany([
      { city: "Bandung", tags: ["a", "b"] },
      { city: "Medan", tags: ["b"] },
      { city: "Bandung", tags: [] },
      { tags: ["c"] },
    ]);
    expect((await c.distinct("city")).sort()).toEqual(["Bandung", "Medan"]);
    expect((await c.distinct("tags")).sort()).toEqual(["a", "b", "c"]);
    expect(await c.distinct("city", { tags: "b" })).toHaveLength(2);
    expect(await db.command({ count: "distinct" })).toMatchObject({ n: 4, ok: 1 });
    expect(await db.command({ count: "distinct", query: { city: "Bandung" } })).toMatchObject({ n: 2 });
    expect(await db.command({ count: "distinct", query: {}, skip: 1, limit: 2 })).toMatchObject({ n: 2 });
    expect(await c.estimatedDocumentCount()).toBe(4);
    expect(await c.countDocuments({ city: { $exists: false } })).toBe(1);
  });

  it("lists databases and collections, creates and drops", async () => {
    await db.collection("listed").insertOne({ x: 1 });
    const { databases } = await db.admin().listDatabases();
    expect(databases.map((d) => d.name)).toContain(dbName);
    const names = (await db.listCollections().toArray()).map((c) => c.name);
    expect(names).toContain("listed");
    await db.createCollection("made");
    const again = await serverError(db.createCollection("made"));
    expect(again.code).toBe(48);
    expect((await db.listCollections({ name: "made" }).toArray()).map((c) => c.name)).toEqual(["made"]);
    expect(await db.collection("made").drop()).toBe(true);
    expect(await db.listCollections({ name: "made" }, { nameOnly: true }).toArray()).toEqual([]);
  });

  it("pages through getMore and kills cursors", async () => {
    const c = db.collection("cursors");
    await c.insertMany(Array.from({ length: 10 }, (_, i) => ({ i })));
    const all = await c.find({}, { batchSize: 3 }).sort({ i: 1 }).toArray();
    expect(all.map((d) => d.i)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);

    const first = await db.command({ find: "cursors", filter: {}, batchSize: 2 }, { promoteLongs: false });
    const id = first.cursor.id as Long;
    expect(first.cursor.firstBatch).toHaveLength(2);
    expect(Long.isLong(id) && !id.isZero()).toBe(true);
    const killed = await db.command({ killCursors: "cursors", cursors: [id] }, { promoteLongs: false });
    expect(killed.cursorsKilled.map(String)).toEqual([id.toString()]);
    const gone = await serverError(db.command({ getMore: id, collection: "cursors" }));
    expect(gone.code).toBe(43);

    const agg = await c
      .aggregate([{ $match: { i: { $gte: 2 } } }, { $sort: { i: -1 } }], { batchSize: 2 })
      .toArray();
    expect(agg.map((d) => d.i)).toEqual([9, 8, 7, 6, 5, 4, 3, 2]);
  });

  it("drops a database", async () => {
    const other = client.db(`${dbName}_drop`);
    await other.collection("a").insertOne({ a: 1 });
    await other.dropDatabase();
    expect(await other.listCollections().toArray()).toEqual([]);
    const { databases } = await db.admin().listDatabases();
    expect(databases.map((d) => d.name)).not.toContain(`${dbName}_drop`);
  });

  it("keeps databases separate", async () => {
    const a = client.db(`${dbName}_a`);
    const b = client.db(`${dbName}_b`);
    await a.collection("same").insertOne({ from: "a" });
    expect(await b.collection("same").countDocuments()).toBe(0);
    await a.dropDatabase();
  });

  it("rejects unknown commands with code 59", async () => {
    const err = await serverError(db.command({ definitelyNotACommand: 1 }));
    expect(err.code).toBe(59);
    expect(err.codeName).toBe("CommandNotFound");
  });

  it("rejects transactions like a standalone server (code 20)", async () => {
    const raw = await serverError(
      db.command({
        insert: "txn",
        documents: [{ a: 1 }],
        txnNumber: Long.fromNumber(1),
        autocommit: false,
        startTransaction: true,
      }),
    );
    expect(raw.code).toBe(20);
    expect(raw.codeName).toBe("IllegalOperation");
    expect(raw.message).toMatch(/Transaction numbers are only allowed on a replica set member or mongos/);

    const session = client.startSession();
    try {
      session.startTransaction();
      // The driver rewraps code 20 as "does not support retryable writes"; the original is kept.
      const err = await serverError(db.collection("txn").insertOne({ a: 1 }, { session }));
      const original = (err as MongoServerError & { originalError?: MongoServerError }).originalError ?? err;
      expect(original.code).toBe(20);
      await session.abortTransaction().catch(() => undefined);
    } finally {
      await session.endSession();
    }
    expect(await db.collection("txn").countDocuments()).toBe(0);
  });

  it("updates array elements with arrayFilters and the positional $", async () => {
    const c = db.collection("arrays");
    const { insertedId } = await c.insertOne({
      grades: [
        { score: 70, ok: false },
        { score: 85, ok: false },
        { score: 95, ok: false },
      ],
      items: [
        { sku: "a", qty: 1 },
        { sku: "b", qty: 1 },
      ],
    });
    await c.updateOne(
      { _id: insertedId },
      { $set: { "grades.$[g].ok": true } },
      { arrayFilters: [{ "g.score": { $gte: 80 } }] },
    );
    await c.updateOne({ _id: insertedId, "items.sku": "b" }, { $inc: { "items.$.qty": 5 } });
    const doc = await c.findOne({ _id: insertedId });
    expect(doc?.grades.map((g: { ok: boolean }) => g.ok)).toEqual([false, true, true]);
    expect(doc?.items).toEqual([
      { sku: "a", qty: 1 },
      { sku: "b", qty: 6 },
    ]);
  });

  it("applies pipeline updates", async () => {
    const c = db.collection("pipeline");
    await c.insertMany([
      { a: 1, b: 2 },
      { a: 10, b: 20 },
    ]);
    const r = await c.updateMany({}, [{ $set: { total: { $add: ["$a", "$b"] } } }, { $unset: "b" }]);
    expect(r.modifiedCount).toBe(2);
    const docs = await c
      .find({}, { projection: { _id: 0 } })
      .sort({ a: 1 })
      .toArray();
    expect(docs).toEqual([
      { a: 1, total: 3 },
      { a: 10, total: 30 },
    ]);
  });

  it("uses $setOnInsert only when inserting, and keeps _id immutable", async () => {
    const c = db.collection("soi");
    await c.updateOne({ key: "k" }, { $set: { v: 1 }, $setOnInsert: { created: "first" } }, { upsert: true });
    await c.updateOne(
      { key: "k" },
      { $set: { v: 2 }, $setOnInsert: { created: "second" } },
      { upsert: true },
    );
    expect(await c.findOne({ key: "k" }, { projection: { _id: 0 } })).toEqual({
      key: "k",
      v: 2,
      created: "first",
    });
    const unchanged = await c.updateOne({ key: "k" }, { $set: { v: 2 } });
    expect(unchanged).toMatchObject({ matchedCount: 1, modifiedCount: 0 });
    const err = await serverError(c.updateOne({ key: "k" }, { $set: { _id: new ObjectId() } }));
    expect(err.code).toBe(66);
    // Setting _id to the value it already has is a no-op MongoDB accepts (connect-mongo relies on it).
    const doc = await c.findOne({ key: "k" });
    const same = await c.updateOne({ key: "k" }, { $set: { _id: doc?._id, v: 3 } });
    expect(same).toMatchObject({ matchedCount: 1, modifiedCount: 1 });
    expect(await c.findOne({ _id: doc?._id })).toMatchObject({ key: "k", v: 3 });
    expect((await serverError(c.updateOne({ key: "k" }, { $inc: { key: 1 } }))).code).toBe(14);
    const replaced = await c.replaceOne({ key: "k" }, { key: "k", replaced: true });
    expect(replaced.modifiedCount).toBe(1);
    expect(await c.findOne({ key: "k" }, { projection: { _id: 0 } })).toEqual({ key: "k", replaced: true });
  });

  it("reports write errors for ordered and unordered batches", async () => {
    const c = db.collection("batches");
    await c.createIndex({ u: 1 }, { unique: true });
    const ordered = await db.command({
      insert: "batches",
      documents: [{ u: 1 }, { u: 1 }, { u: 2 }],
      ordered: true,
    });
    expect(ordered.n).toBe(1);
    expect(ordered.writeErrors).toHaveLength(1);
    expect(ordered.writeErrors[0]).toMatchObject({
      index: 1,
      code: 11000,
      keyPattern: { u: 1 },
      keyValue: { u: 1 },
    });
    expect(ordered.writeErrors[0].errmsg).toMatch(
      /E11000 duplicate key error collection: .*\.batches index: u_1 dup key: \{ u: 1 \}/,
    );
    const unordered = await db.command({
      insert: "batches",
      documents: [{ u: 1 }, { u: 3 }, { u: 2 }, { u: 4 }],
      ordered: false,
    });
    expect(unordered.n).toBe(3);
    expect(unordered.writeErrors.map((e: { index: number }) => e.index)).toEqual([0]);
    expect(await c.countDocuments()).toBe(4);
  });

  it("fails findAndModify as a whole on a duplicate key", async () => {
    const c = db.collection("fam");
    await c.createIndex({ e: 1 }, { unique: true });
    await c.insertMany([{ e: "x" }, { e: "y" }]);
    const err = await serverError(c.findOneAndUpdate({ e: "y" }, { $set: { e: "x" } }));
    expect(err.code).toBe(11000);
    expect(err.keyPattern).toEqual({ e: 1 });
    expect(err.keyValue).toEqual({ e: "x" });
    const removed = await c.findOneAndDelete({ e: "y" });
    expect(removed?.e).toBe("y");
    const upserted = await c.findOneAndUpdate(
      { e: "z" },
      { $inc: { n: 1 } },
      { upsert: true, returnDocument: "after", projection: { _id: 0 } },
    );
    expect(upserted).toEqual({ e: "z", n: 1 });
    const sorted = await c.findOneAndUpdate(
      {},
      { $set: { touched: true } },
      { sort: { e: -1 }, returnDocument: "before" },
    );
    expect(sorted?.e).toBe("z");
  });

  it("lists indexes exactly as created and drops them", async () => {
    const c = db.collection("ix");
    await c.createIndex({ a: 1 }, { name: "a_1", unique: true, sparse: true });
    await c.createIndex({ b: -1, c: 1 }, { partialFilterExpression: { b: { $gt: 5 } } });
    await c.createIndex({ at: 1 }, { expireAfterSeconds: 60 });
    const list = await c.listIndexes().toArray();
    expect(list).toEqual([
      { v: 2, key: { _id: 1 }, name: "_id_" },
      { v: 2, key: { a: 1 }, name: "a_1", unique: true, sparse: true },
      { v: 2, key: { b: -1, c: 1 }, name: "b_-1_c_1", partialFilterExpression: { b: { $gt: 5 } } },
      { v: 2, key: { at: 1 }, name: "at_1", expireAfterSeconds: 60 },
    ]);
    await c.createIndex({ a: 1 }, { name: "a_1", unique: true, sparse: true });
    const conflict = await serverError(c.createIndex({ z: 1 }, { name: "a_1" }));
    expect([85, 86]).toContain(conflict.code);
    await c.dropIndex("a_1");
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(["_id_", "b_-1_c_1", "at_1"]);
    expect((await serverError(c.dropIndex("_id_"))).code).toBe(72);
    expect((await serverError(c.dropIndex("nope"))).code).toBe(27);
    await c.dropIndexes();
    expect((await c.listIndexes().toArray()).map((i) => i.name)).toEqual(["_id_"]);
    expect((await serverError(db.collection("missing").listIndexes().toArray())).code).toBe(26);
  });

  it("serves a connect-mongo style session store, expiring via TTL", async () => {
    const c = db.collection("sessions");
    await c.createIndex({ expires: 1 }, { expireAfterSeconds: 0 });
    const sid = "sess-1";
    const future = new Date(Date.now() + 60_000);
    await c.updateOne(
      { _id: sid as unknown as ObjectId },
      { $set: { session: '{"u":1}', expires: future } },
      { upsert: true },
    );
    const live = {
      _id: sid as unknown as ObjectId,
      $or: [{ expires: { $exists: false } }, { expires: { $gt: new Date() } }],
    };
    expect(await c.findOne(live)).toMatchObject({ session: '{"u":1}' });
    await c.updateOne(
      { _id: sid as unknown as ObjectId },
      { $set: { expires: new Date(Date.now() + 120_000) } },
    );
    await c.deleteOne({ _id: sid as unknown as ObjectId });
    expect(await c.findOne(live)).toBeNull();

    if (server.external) return; // a real server's TTL monitor runs only once a minute
    await c.insertOne({ _id: "old" as unknown as ObjectId, expires: new Date(Date.now() - 1000) });
    await c.insertOne({ _id: "new" as unknown as ObjectId, expires: future });
    const deadline = Date.now() + 5000;
    while ((await c.countDocuments({ _id: "old" as unknown as ObjectId })) > 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
    }
    expect(await c.countDocuments()).toBe(1);
  });

  it("never lets projections, $lookup or pipelines change stored documents", async () => {
    const parents = db.collection("parents");
    const kids = db.collection("kids");
    await parents.insertOne({ _id: "p" as unknown as ObjectId, meta: { n: 1 }, list: [1, 2] });
    await kids.insertMany([
      { parent: "p", name: "k1" },
      { parent: "p", name: "k2" },
    ]);
    await parents
      .aggregate([
        { $lookup: { from: "kids", localField: "_id", foreignField: "parent", as: "kids" } },
        { $unwind: "$kids" },
        { $set: { "kids.name": "mutated", "meta.n": 99 } },
        { $project: { "meta.n": 1, kids: 1, list: { $slice: ["$list", 1] } } },
      ])
      .toArray();
    await parents.find({}, { projection: { "meta.n": 0 } }).toArray();
    await parents.find({}, { projection: { list: { $slice: 1 } } }).toArray();
    await kids
      .aggregate([{ $group: { _id: "$parent", names: { $push: "$name" } } }, { $set: { names: [] } }])
      .toArray();
    expect(await parents.findOne({ _id: "p" as unknown as ObjectId })).toEqual({
      _id: "p",
      meta: { n: 1 },
      list: [1, 2],
    });
    expect(
      await kids
        .find({}, { projection: { _id: 0, name: 1 } })
        .sort({ name: 1 })
        .toArray(),
    ).toEqual([{ name: "k1" }, { name: "k2" }]);
  });

  it("joins with $lookup on array and missing local fields", async () => {
    const orders = db.collection("orders");
    const products = db.collection("products");
    await products.insertMany([
      { _id: "p1" as unknown as ObjectId, name: "one" },
      { _id: "p2" as unknown as ObjectId, name: "two" },
      { _id: "p3" as unknown as ObjectId, name: "three" },
    ]);
    const people = db.collection("people");
    await people.insertMany([{ name: "nobody-ref" }, { name: "has-ref", ref: "x" }]);
    await orders.insertMany([
      { _id: "o1" as unknown as ObjectId, items: ["p1", "p3"] },
      { _id: "o2" as unknown as ObjectId, items: ["p2"] },
      { _id: "o3" as unknown as ObjectId },
    ]);
    const joined = await orders
      .aggregate([
        { $lookup: { from: "products", localField: "items", foreignField: "_id", as: "products" } },
        { $project: { names: "$products.name" } },
        { $sort: { _id: 1 } },
      ])
      .toArray();
    expect(joined.map((o) => [...(o.names as string[])].sort())).toEqual([["one", "three"], ["two"], []]);
    // A missing local field joins foreign documents whose field is missing or null.
    const missing = await orders
      .aggregate([
        { $match: { _id: "o3" } },
        { $lookup: { from: "people", localField: "ref", foreignField: "ref", as: "p" } },
      ])
      .toArray();
    expect(missing[0].p.map((p: { name: string }) => p.name)).toEqual(["nobody-ref"]);
  });

  it("performs unacknowledged (w:0, moreToCome) writes", async () => {
    const c = db.collection("w0");
    await c.insertOne({ quiet: true }, { writeConcern: { w: 0 } });
    await c.updateOne({ quiet: true }, { $set: { seen: 1 } }, { writeConcern: { w: 0 } });
    const deadline = Date.now() + 3000;
    while ((await c.countDocuments({ seen: 1 })) === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(await c.countDocuments({ quiet: true, seen: 1 })).toBe(1);
  });

  it("filters, sorts, skips, limits and projects", async () => {
    const c = db.collection("query");
    await c.insertMany(
      Array.from({ length: 20 }, (_, i) => ({
        i,
        even: i % 2 === 0,
        tags: i % 3 === 0 ? ["three"] : [],
        when: new Date(2020, 0, i + 1),
      })),
    );
    await c.createIndex({ i: 1 });
    const r = await c
      .find({ even: true, i: { $gt: 3, $lte: 15 } }, { projection: { _id: 0, i: 1 } })
      .sort({ i: -1 })
      .skip(1)
      .limit(3)
      .toArray();
    expect(r).toEqual([{ i: 12 }, { i: 10 }, { i: 8 }]);
    expect(await c.countDocuments({ i: { $in: [1, 2, 300] } })).toBe(2);
    expect(await c.countDocuments({ tags: "three" })).toBe(7);
    expect(await c.countDocuments({ $or: [{ i: 1 }, { i: 19 }, { even: true, i: { $lt: 4 } }] })).toBe(4);
    expect(await c.countDocuments({ when: { $gte: new Date(2020, 0, 10) } })).toBe(11);
    expect(
      (
        await c
          .find({ i: { $lt: 3 } })
          .sort({ i: 1 })
          .toArray()
      ).map((d) => d.i),
    ).toEqual([0, 1, 2]);
    expect(await c.countDocuments({}, { skip: 2, limit: 5 })).toBe(5);
    expect(await c.aggregate([{ $match: { i: { $gt: 100 } } }, { $count: "n" }]).toArray()).toEqual([]);
    expect(await c.aggregate([{ $match: { even: true } }, { $count: "n" }]).toArray()).toEqual([{ n: 10 }]);
    expect(await c.aggregate([{ $group: { _id: null, total: { $sum: 1 } } }]).toArray()).toEqual([
      { _id: null, total: 20 },
    ]);
    const skipped = await c
      .aggregate([{ $sort: { i: -1 } }, { $skip: 2 }, { $limit: 2 }, { $project: { _id: 0, i: 1 } }])
      .toArray();
    expect(skipped).toEqual([{ i: 17 }, { i: 16 }]);
    const limitThenSkip = await c
      .aggregate([{ $sort: { i: 1 } }, { $limit: 3 }, { $skip: 2 }, { $project: { _id: 0, i: 1 } }])
      .toArray();
    expect(limitThenSkip).toEqual([{ i: 2 }]);
  });
});

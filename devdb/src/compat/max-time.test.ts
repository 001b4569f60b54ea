import { MongoClient, MongoServerError, type Db } from "mongodb";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { type TestServer, closeDriverDb, openDriverDb, uniqueDbName } from "./harness.js";

async function code(p: Promise<unknown>): Promise<number | undefined> {
  try {
    await p;
    return undefined;
  } catch (err) {
    if (err instanceof MongoServerError) return typeof err.code === "number" ? err.code : undefined;
    throw err;
  }
}

// maxTimeMS (https://www.mongodb.com/docs/manual/reference/method/cursor.maxTimeMS/): an
// operation past its budget fails with code 50 MaxTimeMSExpired. Made deterministic with
// mongod's own `maxTimeAlwaysTimeOut` fail point (needs enableTestCommands on a real server).
describe("maxTimeMS", () => {
  let server: TestServer;
  let client: MongoClient;
  let db: Db;
  const dbName = uniqueDbName("compat_maxtime");

  beforeAll(async () => {
    ({ server, client, db } = await openDriverDb(dbName));
    await db.collection("c").insertMany(Array.from({ length: 50 }, (_, i) => ({ i })));
  });
  afterEach(async () => {
    await client.db("admin").command({ configureFailPoint: "maxTimeAlwaysTimeOut", mode: "off" });
  });
  afterAll(() => closeDriverDb({ server, client, db }));

  it("expires find, aggregate, count and distinct that carry maxTimeMS (code 50)", async () => {
    await client.db("admin").command({ configureFailPoint: "maxTimeAlwaysTimeOut", mode: "alwaysOn" });
    const c = db.collection("c");
    expect(
      await code(
        c
          .find({ i: { $gt: 3 } })
          .maxTimeMS(1000)
          .toArray(),
      ),
    ).toBe(50);
    expect(await code(c.aggregate([{ $match: {} }], { maxTimeMS: 1000 }).toArray())).toBe(50);
    expect(await code(c.countDocuments({}, { maxTimeMS: 1000 }))).toBe(50);
    expect(await code(c.distinct("i", {}, { maxTimeMS: 1000 }))).toBe(50);
    const err = await c
      .find({})
      .maxTimeMS(1000)
      .toArray()
      .catch((e: unknown) => e);
    expect(err).toMatchObject({ codeName: "MaxTimeMSExpired", message: "operation exceeded time limit" });
    // Without a budget the same operations run.
    expect(await c.countDocuments({})).toBe(50);
  });

  it("runs operations within their budget", async () => {
    expect(await db.collection("c").find({}).maxTimeMS(60_000).toArray()).toHaveLength(50);
  });

  it("refuses a negative maxTimeMS with BadValue (code 2)", async () => {
    expect(await code(db.command({ find: "c", filter: {}, maxTimeMS: -1 }))).toBe(2);
  });
});

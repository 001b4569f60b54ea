import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MongoClient } from "mongodb";
import { afterAll, describe, expect, it } from "vitest";
import { startDevDb } from "../index.js";
import { frameRecord, readRecords } from "./records.js";

const dirs: string[] = [];
function tempDir(): string {
  const d = fs.mkdtempSync(path.join(os.tmpdir(), "devdb-journal-"));
  dirs.push(d);
  return d;
}

async function withDb<T>(
  dataDir: string,
  fn: (c: MongoClient) => Promise<T>,
  compactBytes?: number,
): Promise<T> {
  const db = await startDevDb({ dataDir, compactBytes });
  const client = await MongoClient.connect(db.uri);
  try {
    return await fn(client);
  } finally {
    await client.close();
    await db.stop();
  }
}

function journalFile(dir: string): string {
  const name = fs.readdirSync(dir).find((n) => n.startsWith("journal-"));
  if (!name) throw new Error("no journal");
  return path.join(dir, name);
}

describe("journal records", () => {
  it("stops at a torn or corrupt record", () => {
    const a = frameRecord({ n: 1 });
    const b = frameRecord({ n: 2 });
    const corrupt = Buffer.from(b);
    corrupt[corrupt.length - 2] ^= 0xff;
    expect(readRecords(Buffer.concat([a, b])).records).toEqual([{ n: 1 }, { n: 2 }]);
    expect(readRecords(Buffer.concat([a, b.subarray(0, 10)]))).toEqual({
      records: [{ n: 1 }],
      validLength: a.length,
    });
    expect(readRecords(Buffer.concat([a, corrupt, a])).validLength).toBe(a.length);
  });
});

describe("durability", () => {
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it("survives restart with indexes and data, and reopens after garbage is appended", async () => {
    const dir = tempDir();
    await withDb(dir, async (c) => {
      const coll = c.db("d").collection("people");
      await coll.createIndex({ email: 1 }, { unique: true });
      await coll.insertMany(Array.from({ length: 50 }, (_, i) => ({ email: `p${i}`, n: i })));
      await coll.updateOne({ email: "p1" }, { $set: { n: 100 } });
      await coll.deleteOne({ email: "p2" });
    });

    const file = journalFile(dir);
    const whole = frameRecord({ op: "put", db: "d", c: "people", doc: { _id: "half", email: "half" } });
    fs.appendFileSync(file, whole.subarray(0, whole.length - 7)); // torn final record
    fs.appendFileSync(file, Buffer.from("garbage that is not a record at all"));

    await withDb(dir, async (c) => {
      const coll = c.db("d").collection("people");
      expect(await coll.countDocuments()).toBe(49);
      expect(await coll.findOne({ email: "half" })).toBeNull();
      expect((await coll.findOne({ email: "p1" }))?.n).toBe(100);
      expect(
        (await coll.insertOne({ email: "p1" }).catch((e: { code: number }) => e)) as { code: number },
      ).toMatchObject({ code: 11000 });
      await coll.insertOne({ email: "after-repair" });
    });

    // The torn tail was truncated, so records written after the repair replay too.
    await withDb(dir, async (c) => {
      const coll = c.db("d").collection("people");
      expect(await coll.countDocuments()).toBe(50);
      expect(await coll.findOne({ email: "after-repair" })).not.toBeNull();
    });
  });

  it("compacts into a snapshot and a fresh journal", async () => {
    const dir = tempDir();
    await withDb(
      dir,
      async (c) => {
        const coll = c.db("d").collection("bulk");
        await coll.createIndex({ k: 1 });
        for (let i = 0; i < 20; i++) {
          await coll.insertMany(
            Array.from({ length: 50 }, (_, j) => ({ k: i * 50 + j, pad: "y".repeat(200) })),
          );
          await coll.updateMany({ k: { $lt: 10 } }, { $inc: { touched: 1 } });
        }
        await coll.deleteMany({ k: { $gte: 900 } });
      },
      32 * 1024,
    );
    const files = fs.readdirSync(dir).sort();
    expect(files.some((f) => /^snapshot-\d+\.bson$/.test(f))).toBe(true);
    expect(files.filter((f) => f.startsWith("journal-"))).toHaveLength(1);
    await withDb(dir, async (c) => {
      const coll = c.db("d").collection("bulk");
      expect(await coll.countDocuments()).toBe(900);
      expect(await coll.countDocuments({ touched: 20 })).toBe(10);
      expect((await coll.indexes()).map((i) => i.name)).toEqual(["_id_", "k_1"]);
    });
  });

  it("refuses a second server on the same directory", async () => {
    const dir = tempDir();
    const db = await startDevDb({ dataDir: dir });
    try {
      await expect(startDevDb({ dataDir: dir })).rejects.toThrow(/in use/);
    } finally {
      await db.stop();
    }
  });
});

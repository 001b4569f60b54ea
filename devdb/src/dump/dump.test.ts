import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { Binary, BSON, Decimal128, EJSON, Long, ObjectId, type Document } from "bson";
import { MongoClient } from "mongodb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevDb, type DevDb } from "../index.js";
import { exportDatabase } from "./export.js";
import { importDatabase } from "./import.js";

const WRITERS = 10;
const tmp = (prefix: string): string => fs.mkdtempSync(path.join(os.tmpdir(), prefix));

interface Pair {
  w: number;
  i: number;
  p: number;
  gen?: number;
}

/**
 * Each writer w, for i = 0, 1, …: one insertMany of the pair {w,i,p:0},{w,i,p:1}, then one
 * updateMany setting gen = i on all of w's documents. At any single point in time, for each
 * writer with highest pair I: pairs 0..I are all complete, and either every document has gen I,
 * or pairs < I have gen I-1 and pair I has none yet. A half-applied write breaks this.
 */
function checkConsistent(docs: Pair[]): number {
  const byWriter = new Map<number, Pair[]>();
  for (const d of docs) byWriter.set(d.w, [...(byWriter.get(d.w) ?? []), d]);
  let pairs = 0;
  for (const [w, ds] of byWriter) {
    const top = Math.max(...ds.map((d) => d.i));
    expect(ds.length, `writer ${w}: pairs 0..${top} complete`).toBe(2 * (top + 1));
    for (let i = 0; i <= top; i++) {
      expect(
        ds
          .filter((d) => d.i === i)
          .map((d) => d.p)
          .sort(),
        `writer ${w} pair ${i}`,
      ).toEqual([0, 1]);
    }
    const updated = ds.every((d) => d.gen === top);
    const between = ds.every((d) => (d.i < top ? d.gen === top - 1 : d.gen === undefined));
    expect(updated || between, `writer ${w}: gen is one point in time`).toBe(true);
    pairs += top + 1;
  }
  return pairs;
}

const typed: Document = {
  _id: "types",
  long: Long.fromString("9007199254740993"),
  dec: Decimal128.fromString("12.3400"),
  uuid: new Binary(Buffer.from("0123456789abcdef0123456789abcdef", "hex"), 4),
  bin: new Binary(Buffer.from([1, 2, 3]), 0),
  when: new Date(Date.UTC(2024, 0, 2)),
  oid: new ObjectId("65a1b2c3d4e5f60718293a4b"),
  nested: { list: [1, "two", { three: null }] },
};

describe("db export / import (mongodump layout)", () => {
  let source: DevDb;
  let target: DevDb;
  let src: MongoClient;
  let dst: MongoClient;
  const sourceDir = tmp("devdb-export-src-");
  const targetDir = tmp("devdb-export-dst-");
  const dumpDir = tmp("devdb-dump-");

  beforeAll(async () => {
    source = await startDevDb({ dataDir: sourceDir });
    target = await startDevDb({ dataDir: targetDir });
    src = await MongoClient.connect(source.uri, { maxPoolSize: WRITERS + 2 });
    dst = await MongoClient.connect(target.uri);
  });

  afterAll(async () => {
    await src?.close();
    await dst?.close();
    await source?.stop();
    await target?.stop();
    for (const d of [sourceDir, targetDir, dumpDir]) fs.rmSync(d, { recursive: true, force: true });
  });

  it("exports one consistent point while 10 writers write, and imports it with its indexes", async () => {
    const app = src.db("app");
    await app.collection("pairs").createIndex({ w: 1, i: 1, p: 1 }, { unique: true, name: "pair_unique" });
    await app.collection("pairs").createIndex({ gen: -1 }, { sparse: true });
    await app.collection("typed").insertOne(typed);
    // A TTL index on a field the document lacks, so the TTL monitor never removes it.
    await app.collection("typed").createIndex({ expiresAt: 1 }, { expireAfterSeconds: 3600 });

    let stop = false;
    const done = Array.from({ length: WRITERS }, () => 0);
    const writers = Array.from({ length: WRITERS }, async (_, w) => {
      for (let i = 0; !stop; i++) {
        await app.collection<Pair>("pairs").insertMany([
          { w, i, p: 0 },
          { w, i, p: 1 },
        ]);
        await app.collection<Pair>("pairs").updateMany({ w }, { $set: { gen: i } });
        // A second collection, written after the first: an export that read the collections at
        // different moments would find log entries newer than the pairs.
        await app.collection("log").insertOne({ w, i });
        done[w] = i + 1;
      }
    });
    const progress = async (atLeast: number): Promise<void> => {
      while (done.some((n) => n < atLeast)) await new Promise((r) => setTimeout(r, 5));
    };
    await progress(20);
    const before = [...done];
    const summary = await exportDatabase(app, dumpDir);
    await progress(Math.max(...before) + 5); // still writing after the export: it didn't stop them
    stop = true;
    await Promise.all(writers);

    expect(summary.pointInTime).toBe("devdb-snapshot");
    expect(summary.dir).toBe(path.join(dumpDir, "app"));

    // The files parse with the bson package, in mongodump's layout.
    expect(fs.readdirSync(summary.dir).sort()).toEqual([
      "log.bson",
      "log.metadata.json",
      "pairs.bson",
      "pairs.metadata.json",
      "typed.bson",
      "typed.metadata.json",
    ]);
    const buf = fs.readFileSync(path.join(summary.dir, "pairs.bson"));
    const dumped: Pair[] = [];
    for (let at = 0; at < buf.length; at += buf.readInt32LE(at)) {
      dumped.push(BSON.deserialize(buf.subarray(at, at + buf.readInt32LE(at))) as Pair);
    }
    const exportedPairs = checkConsistent(dumped);
    const logBuf = fs.readFileSync(path.join(summary.dir, "log.bson"));
    const logTop = new Map<number, number>();
    for (let at = 0; at < logBuf.length; at += logBuf.readInt32LE(at)) {
      const e = BSON.deserialize(logBuf.subarray(at, at + logBuf.readInt32LE(at))) as {
        w: number;
        i: number;
      };
      logTop.set(e.w, Math.max(logTop.get(e.w) ?? -1, e.i));
    }
    for (let w = 0; w < WRITERS; w++) {
      const top = Math.max(...dumped.filter((d) => d.w === w).map((d) => d.i));
      expect([top - 1, top], `writer ${w}: log entry ${logTop.get(w)} vs pairs ${top}`).toContain(
        logTop.get(w),
      );
    }
    expect(exportedPairs).toBeGreaterThanOrEqual(20 * WRITERS);
    expect(exportedPairs).toBeLessThan(done.reduce((a, b) => a + b, 0)); // a point during the writes
    const meta = EJSON.parse(
      fs.readFileSync(path.join(summary.dir, "pairs.metadata.json"), "utf8"),
    ) as Document;
    expect(meta).toMatchObject({ collectionName: "pairs", type: "collection", options: {} });
    expect(meta.uuid).toMatch(/^[0-9a-f]{32}$/);
    expect((meta.indexes as Document[]).map((ix) => ix.name)).toEqual(["_id_", "pair_unique", "gen_-1"]);
    for (const f of fs.readdirSync(summary.dir)) {
      expect(fs.statSync(path.join(summary.dir, f)).mode & 0o777).toBe(0o600);
    }

    // Import into the fresh data directory: the same documents, types and indexes.
    const imported = await importDatabase(dst.db("app"), summary.dir);
    expect(imported.collections).toEqual([
      { name: "log", documents: expect.any(Number) as number, indexes: 0 },
      { name: "pairs", documents: dumped.length, indexes: 2 },
      { name: "typed", documents: 1, indexes: 1 },
    ]);
    const back = await dst
      .db("app")
      .collection<Pair>("pairs")
      .find({}, { projection: { _id: 0 } })
      .toArray();
    expect(checkConsistent(back)).toBe(exportedPairs);
    const key = (d: Pair): string => `${d.w}.${d.i}.${d.p}.${d.gen}`;
    expect(back.map(key).sort()).toEqual(dumped.map(key).sort());
    const exact = { promoteValues: false, promoteBuffers: false } as const;
    const typedBack = await dst
      .db("app")
      .collection<{ _id: string }>("typed")
      .findOne({ _id: "types" }, exact);
    expect(EJSON.stringify(typedBack, { relaxed: false })).toBe(EJSON.stringify(typed, { relaxed: false }));
    const indexes = await dst.db("app").collection("pairs").listIndexes().toArray();
    expect(indexes.map(({ name, key: k, unique, sparse }) => ({ name, k, unique, sparse }))).toEqual([
      { name: "_id_", k: { _id: 1 }, unique: undefined, sparse: undefined },
      { name: "pair_unique", k: { w: 1, i: 1, p: 1 }, unique: true, sparse: undefined },
      { name: "gen_-1", k: { gen: -1 }, unique: undefined, sparse: true },
    ]);
    const ttl = await dst.db("app").collection("typed").listIndexes().toArray();
    expect(ttl[1]).toMatchObject({ key: { expiresAt: 1 }, expireAfterSeconds: 3600 });
    // The unique index is live after the import.
    await expect(dst.db("app").collection("pairs").insertOne({ w: 0, i: 0, p: 0 })).rejects.toMatchObject({
      code: 11000,
    });

    // Importing again would duplicate: refused before anything is written, unless --drop.
    await expect(importDatabase(dst.db("app"), summary.dir)).rejects.toThrow(
      /already has documents in log, pairs, typed/,
    );
    expect(await dst.db("app").collection("pairs").countDocuments()).toBe(dumped.length);
    await importDatabase(dst.db("app"), summary.dir, { drop: true });
    expect(await dst.db("app").collection("pairs").countDocuments()).toBe(dumped.length);
  });

  it("refuses to export into a directory that already holds that database's dump", async () => {
    await expect(exportDatabase(src.db("app"), dumpDir)).rejects.toThrow(/not empty/);
  });
});

import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { MongoClient, type Document } from "mongodb";
import { describe, expect, it } from "vitest";
import { startDevDb } from "../index.js";

describe("collection options survive a restart (journal and snapshot)", () => {
  for (const compact of [false, true]) {
    it(compact ? "from a snapshot" : "from the journal", async () => {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), "devdb-options-"));
      try {
        let db = await startDevDb({ dataDir: dir });
        let client = await MongoClient.connect(db.uri);
        const d = client.db("t");
        await d.createCollection("v", { validator: { n: { $gte: 0 } } });
        await d.createCollection("cap", { capped: true, size: 4096, max: 2 });
        await d.command({ collMod: "v", validationAction: "error", validationLevel: "strict" });
        for (let i = 0; i < 3; i++) await d.collection("cap").insertOne({ i });
        if (compact) await db.compact();
        await client.close();
        await db.stop();

        db = await startDevDb({ dataDir: dir });
        client = await MongoClient.connect(db.uri);
        const e = client.db("t");
        const opts = Object.fromEntries(
          (await e.listCollections().toArray()).map((c) => [c.name, (c as Document).options as Document]),
        );
        expect(opts).toEqual({
          v: { validator: { n: { $gte: 0 } }, validationAction: "error", validationLevel: "strict" },
          cap: { capped: true, size: 4096, max: 2 },
        });
        await expect(e.collection("v").insertOne({ n: -1 })).rejects.toMatchObject({ code: 121 });
        await e.collection("cap").insertOne({ i: 3 });
        expect((await e.collection("cap").find({}).toArray()).map((x) => x.i)).toEqual([2, 3]);
        await client.close();
        await db.stop();
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    });
  }
});

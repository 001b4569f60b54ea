import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startDevDb } from "@rembuk/devdb";
import mongoose from "mongoose";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { User } from "../features/users/user.model.js";
import { uniqueEmail } from "../test/factories.js";
import { startTestServer, type TestServer } from "../test/testServer.js";

const { BSON, MongoClient } = mongoose.mongo;
const { EJSON } = BSON;

const serverDir = fileURLToPath(new URL("../..", import.meta.url));

function run(args: string[], env: Record<string, string>) {
  const child = spawn(join(serverDir, "node_modules/.bin/tsx"), ["src/scripts/dbDump.ts", ...args], {
    cwd: serverDir,
    env: { PATH: process.env.PATH, LOG_LEVEL: "silent", NODE_ENV: "development", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  child.stdout.on("data", (c: Buffer) => (out += c.toString()));
  child.stderr.on("data", (c: Buffer) => (out += c.toString()));
  return new Promise<{ code: number | null; out: string }>((resolve) =>
    child.on("exit", (code) => resolve({ code, out })),
  );
}

describe("pnpm db:export / db:import", () => {
  let server: TestServer;
  const dataDir = mkdtempSync(join(tmpdir(), "rembuk-export-"));
  const dumpDir = join(mkdtempSync(join(tmpdir(), "rembuk-dump-")), "out");
  const email = uniqueEmail("ekspor");
  beforeAll(async () => {
    // A running server on a persistent embedded database: export must go through it.
    server = await startTestServer({ config: { dataDir, devdbInMemory: false } });
    await User.create({ email, name: "Ekspor Data", nameLower: "ekspor data", passwordHash: "x".repeat(20) });
  });
  afterAll(() => server.close());

  it("exports the running server's embedded database in mongodump's layout", async () => {
    const { code, out } = await run(["export", dumpDir], { DATA_DIR: dataDir });
    expect(out).toContain("Ekspor selesai");
    expect(code).toBe(0);
    expect(readdirSync(join(dumpDir, "rembuk"))).toEqual(
      expect.arrayContaining(["users.bson", "users.metadata.json"]),
    );
    // The server was not disturbed: it still owns and serves its database.
    expect(await User.countDocuments({ email })).toBe(1);
  });

  it("imports the dump into a fresh DATA_DIR with no server running, and refuses a second import", async () => {
    const fresh = mkdtempSync(join(tmpdir(), "rembuk-import-"));
    const first = await run(["import", dumpDir], { DATA_DIR: fresh });
    expect(first.out).toMatch(/rembuk\.users: 1 dokumen, \d+ indeks/);
    expect(first.code).toBe(0);
    expect(existsSync(join(fresh, "embedded-db.json"))).toBe(false); // the script closed its database
    const again = await run(["import", dumpDir], { DATA_DIR: fresh });
    expect(again.out).toMatch(/already has documents in .*users/);
    expect(again.code).toBe(1);
    const export2 = join(fresh, "check");
    const check = await run(["export", export2], { DATA_DIR: fresh });
    expect(check.out).toContain("rembuk.users: 1 dokumen");
  });

  it("explains usage mistakes with exit code 2", async () => {
    expect((await run(["expor"], { DATA_DIR: dataDir })).code).toBe(2);
  });
});

describe("db:export / db:import with MONGODB_URI (a standalone pnpm db or any MongoDB)", () => {
  it("exports from and imports into the server at MONGODB_URI, reading a mongodump directory", async () => {
    const devdb = await startDevDb({ inMemory: true });
    try {
      // A directory as mongodump writes it: prelude.json, admin/, and one application database.
      const dump = mkdtempSync(join(tmpdir(), "rembuk-mongodump-"));
      writeFileSync(join(dump, "prelude.json"), '{"ServerVersion":"7.0.14","ToolVersion":"100.10.0"}');
      mkdirSync(join(dump, "admin"));
      writeFileSync(
        join(dump, "admin", "system.version.bson"),
        BSON.serialize({ _id: "featureCompatibilityVersion" }),
      );
      mkdirSync(join(dump, "prod"));
      const docs = [
        { _id: 1, email: "a@x.id" },
        { _id: 2, email: "b@x.id" },
      ];
      writeFileSync(join(dump, "prod", "users.bson"), Buffer.concat(docs.map((d) => BSON.serialize(d))));
      const meta = {
        indexes: [
          { v: 2, key: { _id: 1 }, name: "_id_", ns: "prod.users" },
          { v: 2, key: { email: 1 }, name: "email_1", ns: "prod.users", unique: true },
        ],
        uuid: "3b0b4a0b6a2f4b1e9a55f3f0f6b0c1d2",
        collectionName: "users",
        type: "collection",
      };
      writeFileSync(join(dump, "prod", "users.metadata.json"), EJSON.stringify(meta, { relaxed: false }));

      const uri = devdb.uriFor("rembuk_restored");
      const imported = await run(["import", dump], { MONGODB_URI: uri });
      expect(imported.out).toContain("rembuk_restored.users: 2 dokumen, 1 indeks");
      expect(imported.code).toBe(0);
      const client = await MongoClient.connect(uri);
      try {
        const users = client.db().collection("users");
        expect(await users.find({}).sort({ _id: 1 }).toArray()).toEqual(docs);
        expect((await users.listIndexes().toArray()).map((ix) => ix.name)).toEqual(["_id_", "email_1"]);
      } finally {
        await client.close();
      }

      const out = join(mkdtempSync(join(tmpdir(), "rembuk-uri-export-")), "x");
      const exported = await run(["export", out], { MONGODB_URI: uri });
      expect(exported.code).toBe(0);
      expect(exported.out).not.toContain("Peringatan"); // devdb exports one point in time
      expect(readdirSync(join(out, "rembuk_restored")).sort()).toEqual(["users.bson", "users.metadata.json"]);
    } finally {
      await devdb.stop();
    }
  });
});

import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MongoClient, MongoServerError } from "mongodb";
import { afterEach, describe, expect, it } from "vitest";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const children: ChildProcess[] = [];
const dirs: string[] = [];

/** Starts `pnpm db` (src/cli.ts) and returns the URIs it prints. */
function startCli(env: Record<string, string>): Promise<{ uri: string; serverUri: string }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "devdb-cli-"));
  const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts"], {
    cwd: packageDir,
    env: { PATH: process.env.PATH, DATA_DIR: dataDir, PORT: "0", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  children.push(child);
  dirs.push(dataDir);
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout?.setEncoding("utf8").on("data", (s: string) => {
      out += s;
      const uri = /listening on (\S+)/.exec(out)?.[1];
      const serverUri = /MONGODB_URI=(\S+)/.exec(out)?.[1];
      if (uri && serverUri) resolve({ uri, serverUri });
    });
    child.stderr?.setEncoding("utf8").on("data", (s: string) => (out += s));
    child.on("exit", (code) => reject(new Error(`devdb exited (${code}): ${out}`)));
  });
}

afterEach(async () => {
  await Promise.all(
    children.splice(0).map(
      (c) =>
        new Promise<void>((resolve) => {
          if (c.exitCode !== null) return resolve();
          c.removeAllListeners("exit");
          c.once("exit", () => resolve());
          c.kill("SIGTERM");
        }),
    ),
  );
  for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
});

describe("pnpm db (src/cli.ts)", () => {
  it("generates credentials and prints them in its URI; strangers are refused", async () => {
    const { uri, serverUri } = await startCli({});
    expect(uri).toMatch(/^mongodb:\/\/devdb:[\w-]{32}@127\.0\.0\.1:\d+\/$/);
    expect(serverUri).toMatch(/\/rembuk\?authSource=admin$/);
    // Two clients on the printed server URI, as two server processes would be.
    const [a, b] = await Promise.all([MongoClient.connect(serverUri), MongoClient.connect(serverUri)]);
    await a.db().collection("c").insertOne({ from: "a" });
    expect(await b.db().collection("c").countDocuments({ from: "a" })).toBe(1);
    await Promise.all([a.close(), b.close()]);
    const stranger = await MongoClient.connect(uri.replace(/\/\/[^@]+@/, "//"));
    const err = await stranger
      .db("rembuk")
      .collection("c")
      .findOne({})
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(MongoServerError);
    expect((err as MongoServerError).code).toBe(13);
    await stranger.close();
  });

  it("takes DEVDB_USERNAME and DEVDB_PASSWORD from the environment", async () => {
    const { uri } = await startCli({ DEVDB_USERNAME: "ops", DEVDB_PASSWORD: "p@ss word" });
    expect(uri).toMatch(/^mongodb:\/\/ops:p%40ss%20word@/);
    const client = await MongoClient.connect(uri);
    expect((await client.db("admin").command({ listDatabases: 1 })).ok).toBe(1);
    await client.close();
  });
});

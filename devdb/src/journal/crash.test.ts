import { spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MongoClient } from "mongodb";
import { afterAll, describe, expect, it } from "vitest";
import { startDevDb } from "../index.js";

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, "../..");
const writer = path.join(here, "fixtures/crash-writer.ts");

interface Acked {
  ids: number[];
  counter: number;
}

/** Runs the writer until it has acknowledged some writes, then SIGKILLs it at a random moment. */
function runAndKill(dataDir: string, firstId: number): Promise<Acked> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", writer, dataDir, String(firstId)], {
      cwd: packageDir,
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    let killTimer: NodeJS.Timeout | undefined;
    const guard = setTimeout(() => child.kill("SIGKILL"), 15_000);
    child.stdout.setEncoding("utf8").on("data", (s: string) => {
      out += s;
      if (!killTimer && out.includes("\ni ")) {
        killTimer = setTimeout(() => child.kill("SIGKILL"), 150 + Math.random() * 500);
      }
    });
    child.stderr.setEncoding("utf8").on("data", (s: string) => (err += s));
    child.on("error", reject);
    child.on("exit", (_code, signal) => {
      clearTimeout(guard);
      clearTimeout(killTimer);
      if (signal !== "SIGKILL") return reject(new Error(`writer exited on its own: ${err}`));
      const lines = out.split("\n");
      lines.pop(); // a line cut off by the kill was never fully reported
      const ids: number[] = [];
      let counter = 0;
      for (const line of lines) {
        if (line.startsWith("i ")) ids.push(Number(line.slice(2)));
        else if (line.startsWith("c ")) counter = Math.max(counter, Number(line.slice(2)));
      }
      resolve({ ids, counter });
    });
  });
}

describe("crash safety", () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) fs.rmSync(d, { recursive: true, force: true });
  });

  it("keeps every acknowledged write across SIGKILL, twice over", { timeout: 60_000 }, async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "devdb-crash-"));
    dirs.push(dataDir);
    const acked: number[] = [];
    let counter = 0;
    for (let round = 1; round <= 2; round++) {
      const r = await runAndKill(dataDir, round * 1_000_000);
      expect(r.ids.length).toBeGreaterThan(0);
      acked.push(...r.ids);
      counter = Math.max(counter, r.counter);

      const db = await startDevDb({ dataDir });
      const client = await MongoClient.connect(db.uri);
      try {
        const coll = client
          .db("crash")
          .collection<{ _id: number | string; payload?: string; check?: number; n?: number }>("w");
        const docs = await coll.find({ _id: { $ne: "counter" } }).toArray();
        const stored = new Set(docs.map((d) => d._id));
        const missing = acked.filter((id) => !stored.has(id));
        expect(missing).toEqual([]);
        // Nothing half-written: every stored document is whole.
        for (const d of docs) {
          const id = d._id as number;
          expect(d.check).toBe(id * 7);
          expect(d.payload).toHaveLength(100 + (id % 300));
        }
        const c = await coll.findOne({ _id: "counter" });
        expect(c?.n ?? 0).toBeGreaterThanOrEqual(counter);
      } finally {
        await client.close();
        await db.stop();
      }
    }
  });
});

/**
 * devdb benchmark: `pnpm --filter @rembuk/devdb bench`.
 * The server runs as its own process (`src/cli.ts`, as `pnpm db` does) in persistent mode:
 * journal + fsync before every acknowledged write, with group commit. So write figures include
 * durability, and client and server don't share one event loop. Reads use 100,000 documents.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { MongoClient, ObjectId } from "mongodb";

const packageDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");

const SECONDS = Number(process.env.BENCH_SECONDS ?? 2);
const DOCS = 100_000;
const MAX_RATIO = 2;

interface Result {
  name: string;
  opsPerSec: number;
  /** The server process's CPU time per operation, when /proc tells it (Linux). */
  cpuMicros: number | null;
}

/** The server process's user+system CPU time in microseconds, from /proc (null elsewhere). */
let serverPid: number | undefined;
function serverCpuMicros(): number | null {
  try {
    const stat = fs.readFileSync(`/proc/${serverPid}/stat`, "utf8");
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    // utime and stime are fields 14 and 15 of stat, in clock ticks (100 per second on Linux).
    return ((Number(fields[11]) + Number(fields[12])) * 1_000_000) / 100;
  } catch {
    return null;
  }
}

async function measure(name: string, op: (i: number) => Promise<unknown>, concurrency = 1): Promise<Result> {
  for (let i = 0; i < 200; i++) await op(i); // warm-up: JIT, connection pool
  const deadline = performance.now() + SECONDS * 1000;
  const start = performance.now();
  const cpu0 = serverCpuMicros();
  let count = 0;
  const worker = async (): Promise<void> => {
    while (performance.now() < deadline) await op(count++);
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const opsPerSec = count / ((performance.now() - start) / 1000);
  const cpu1 = serverCpuMicros();
  const cpuMicros = cpu0 !== null && cpu1 !== null ? (cpu1 - cpu0) / count : null;
  const r = { name, opsPerSec, cpuMicros };
  // Server CPU per op doesn't depend on what else the machine is doing, unlike ops/s.
  const cpu = cpuMicros === null ? "" : `   server CPU ${cpuMicros.toFixed(1).padStart(6)} µs/op`;
  console.log(`${name.padEnd(52)} ${Math.round(opsPerSec).toString().padStart(8)} ops/s${cpu}`);
  return r;
}

function startServer(dataDir: string): Promise<{ child: ChildProcess; uri: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "src/cli.ts"], {
      cwd: packageDir,
      env: { ...process.env, DATA_DIR: dataDir, PORT: "0" },
      stdio: ["ignore", "pipe", "inherit"],
    });
    let out = "";
    child.stdout?.setEncoding("utf8").on("data", (s: string) => {
      out += s;
      const m = /mongodb:\/\/[^\s]+/.exec(out);
      if (m) resolve({ child, uri: m[0] });
    });
    child.on("error", reject);
    child.on("exit", (code) => reject(new Error(`devdb exited early (${code})`)));
  });
}

function stopServer(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    child.removeAllListeners("exit");
    child.on("exit", () => resolve());
    child.kill("SIGTERM");
  });
}

async function main(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "devdb-bench-"));
  const server = await startServer(dataDir);
  serverPid = server.child.pid;
  const client = await MongoClient.connect(server.uri, { maxPoolSize: 32 });
  try {
    console.log(
      `devdb benchmark: server process in persistent mode (fsync before every acknowledgement), data in ${dataDir}`,
    );
    console.log(`${os.cpus().length} CPUs, node ${process.version}, ${SECONDS}s per measurement\n`);
    const d = client.db("bench");
    const users = d.collection<{ _id: ObjectId; email: string; n: number; name: string }>("users");
    await users.createIndex({ email: 1 }, { unique: true });

    const t0 = performance.now();
    const ids: ObjectId[] = [];
    for (let b = 0; b < DOCS / 1000; b++) {
      const batch = Array.from({ length: 1000 }, (_, j) => {
        const i = b * 1000 + j;
        const _id = new ObjectId();
        ids.push(_id);
        return { _id, email: `user${i}@example.id`, n: 0, name: `User ${i}` };
      });
      await users.insertMany(batch);
    }
    console.log(
      `seeded ${DOCS} documents with insertMany(1000) in ${((performance.now() - t0) / 1000).toFixed(1)}s\n`,
    );

    // What the disk allows: every sequential acknowledged write pays at least one of these.
    const probe = fs.openSync(path.join(dataDir, "fsync-probe"), "a");
    const syncDeadline = performance.now() + 1000;
    let syncs = 0;
    while (performance.now() < syncDeadline) {
      fs.writeSync(probe, Buffer.alloc(300));
      fs.fdatasyncSync(probe);
      syncs++;
    }
    fs.closeSync(probe);
    console.log(
      `${"raw write+fdatasync on this disk (context)".padEnd(52)} ${String(syncs).padStart(8)} ops/s`,
    );

    const admin = d.admin();
    const ping = await measure("ping (driver round-trip baseline)", () => admin.command({ ping: 1 }));
    const scratch = d.collection("scratch");
    await measure("insertOne, sequential (fsync each)", () => scratch.insertOne({ v: 1, at: new Date() }));
    await measure("insertOne, 16 concurrent (fsync, group commit)", () => scratch.insertOne({ v: 2 }), 16);
    const rnd = (): number => Math.floor(Math.random() * DOCS);
    const byId = await measure("findOne by _id (100k docs)", () => users.findOne({ _id: ids[rnd()] }));
    const byIndex = await measure("find by indexed field email (100k docs)", () =>
      users.find({ email: `user${rnd()}@example.id` }).toArray(),
    );
    await measure("updateOne $inc by _id, sequential (fsync each)", () =>
      users.updateOne({ _id: ids[rnd()] }, { $inc: { n: 1 } }),
    );

    // Relative to the ping of this same run, so runs on differently loaded machines compare.
    console.log("\ntime per op relative to a ping (same run):");
    for (const r of [byId, byIndex]) {
      const cpu =
        r.cpuMicros !== null && ping.cpuMicros
          ? `, server CPU ${(r.cpuMicros / ping.cpuMicros).toFixed(2)}x a ping's`
          : "";
      console.log(`  ${r.name}: ${(ping.opsPerSec / r.opsPerSec).toFixed(2)}x${cpu}`);
    }

    const ratio = byId.opsPerSec / byIndex.opsPerSec;
    const pass = ratio <= MAX_RATIO;
    console.log(
      `\nindexed find vs findOne by _id: ${ratio.toFixed(2)}x the time per op (limit ${MAX_RATIO}x) ${pass ? "PASS" : "FAIL"}`,
    );
    if (!pass) process.exitCode = 1;
  } finally {
    await client.close();
    await stopServer(server.child);
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();

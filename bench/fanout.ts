/**
 * Fan-out benchmark (issue 4): N Socket.io clients in a separate process join one thread; posts are
 * made through REST at a steady rate; we measure, for every (post, client) delivery, the time from
 * the request's start to that client receiving `post:created` (p50/p95/p99), for N=100 and N=1,000;
 * the sustained posts/s the server completes with clients attached; and the server's memory per
 * 1,000 connected sockets. The same clients and poster then run against a bare Socket.io server that
 * broadcasts the same payload (no database, no auth) — the baseline — and the ratios are printed.
 *
 *   pnpm --filter @rembuk/bench bench:fanout        (or `pnpm bench`, which runs every bench)
 *   SECONDS=5 N=100,1000 RATE=20,10 pnpm --filter @rembuk/bench bench:fanout
 *
 * Exits non-zero if any delivery is missing or duplicated.
 */
import { cpus, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import type { ChildProcess } from "node:child_process";
import type { PostDto } from "@rembuk/shared";
import {
  benchBody,
  freePort,
  now,
  percentile,
  rssOf,
  spawnTs,
  stopChild,
  waitForHttp,
  type FromClients,
  type ToClients,
} from "./fanout/common.js";

const SIZES = (process.env.N ?? "100,1000").split(",").map(Number);
const RATES = (process.env.RATE ?? "20,10").split(",").map(Number);
const SECONDS = Number(process.env.SECONDS ?? 8);
const THROUGHPUT_SECONDS = Number(process.env.THROUGHPUT_SECONDS ?? 5);
const THROUGHPUT_CONCURRENCY = 8;
const repoRoot = resolve(import.meta.dirname, "..");
const ADMIN = { email: "admin.fanout@rembuk.id", password: "bench-rahasia-2026" };

interface Target {
  name: "rembuk" | "baseline";
  url: string;
  pid: number | undefined;
  /**
   * A fresh thread for each phase, so joins carry the same (empty) catch-up on both servers and
   * what is measured is the fan-out, not the first page a new reader receives.
   */
  newThread: () => Promise<string>;
  /** Sends one post; resolves when the HTTP answer is in. */
  post: (body: string, clientId: string) => Promise<PostDto | null>;
  stop: () => Promise<void>;
}

interface Latency {
  p50: number;
  p95: number;
  p99: number;
  max: number;
  deliveries: number;
  expected: number;
  duplicates: number;
  postsPerSecond: number;
}

interface Result {
  latency: Record<number, Latency>;
  throughput: { postsPerSecond: number; deliveredPerSecond: number; n: number };
  bytesPer1000Sockets: number;
}

// ---------------------------------------------------------------------------------------------
// The client process

class Clients {
  private waiting: ((msg: FromClients) => void) | null = null;
  constructor(readonly child: ChildProcess) {
    child.on("message", (msg: FromClients) => {
      const w = this.waiting;
      this.waiting = null;
      w?.(msg);
    });
  }
  private ask<T extends FromClients["type"]>(
    msg: ToClients,
    want: T,
  ): Promise<Extract<FromClients, { type: T }>> {
    return new Promise((ok, fail) => {
      this.waiting = (res) => {
        if (res.type === "error") fail(new Error(res.message));
        else if (isType(res, want)) ok(res);
        else fail(new Error(`expected ${want}, got ${res.type}`));
      };
      this.child.send(msg);
    });
  }
  connect = (url: string, n: number, threadId: string) =>
    this.ask({ type: "connect", url, n, threadId }, "ready");
  collect = () => this.ask({ type: "collect" }, "receipts");
  disconnect = () => this.ask({ type: "disconnect" }, "closed");
}

function isType<T extends FromClients["type"]>(
  msg: FromClients,
  type: T,
): msg is Extract<FromClients, { type: T }> {
  return msg.type === type;
}

// ---------------------------------------------------------------------------------------------
// Targets

function cookieJar() {
  let cookie = "";
  return {
    headers: (origin: string) => ({
      "content-type": "application/json",
      origin,
      ...(cookie ? { cookie } : {}),
    }),
    keep: (res: Response) => {
      const set = res.headers.getSetCookie().map((c) => c.split(";")[0]);
      if (set.length) cookie = set.join("; ");
    },
  };
}

async function startRembuk(): Promise<Target> {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), "rembuk-bench-fanout-"));
  const url = `http://127.0.0.1:${port}`;
  const { child, log } = spawnTs(
    join(repoRoot, "server/src/main.ts"),
    [],
    {
      PORT: String(port),
      DATA_DIR: dataDir,
      NODE_ENV: "development",
      DEMO_CONTENT: "false",
      ADMIN_EMAIL: ADMIN.email,
      ADMIN_PASSWORD: ADMIN.password,
      // One poster writes hundreds of posts a second and a thousand guests join from one address:
      // the per-user and per-address budgets are not what is measured here.
      RATE_LIMIT_SCALE: "1000",
      LOG_LEVEL: "warn",
    },
    join(repoRoot, "server"),
    false,
    // SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server during the run.
    (process.env.SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean),
  );
  await waitForHttp(url, child, log);
  const jar = cookieJar();
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const res = await fetch(`${url}${path}`, {
      method,
      headers: jar.headers(url),
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    jar.keep(res);
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return JSON.parse(text);
  };
  await call("POST", "/api/auth/login", ADMIN);
  await call("POST", "/api/rooms", { slug: "bench-fanout", name: { id: "Uji sebaran", en: "Fan-out test" } });
  let threadId = "";
  return {
    name: "rembuk",
    url,
    pid: child.pid,
    newThread: async () => {
      const { thread } = await call<{ thread: { id: string } }>("POST", "/api/rooms/bench-fanout/threads", {
        title: "Uji sebaran pesan ke seribu pembaca",
        body: "Utas untuk mengukur sebaran postingan.",
      });
      threadId = thread.id;
      return threadId;
    },
    post: async (body, clientId) =>
      (await call<{ post: PostDto }>("POST", `/api/threads/${threadId}/posts`, { body, clientId })).post,
    stop: async () => {
      await stopChild(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

async function startBaseline(template: PostDto): Promise<Target> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { child, log } = spawnTs(
    join(import.meta.dirname, "fanout/baseline.ts"),
    [],
    { PORT: String(port), POST_TEMPLATE: JSON.stringify(template) },
    import.meta.dirname,
  );
  await waitForHttp(url, child, log);
  let threads = 0;
  let threadId = template.threadId;
  return {
    name: "baseline",
    url,
    pid: child.pid,
    newThread: async () => {
      threads += 1;
      threadId = `${threads.toString(16).padStart(8, "0")}${template.threadId.slice(8)}`;
      return threadId;
    },
    post: async (body) => {
      const res = await fetch(`${url}/api/threads/${threadId}/posts`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ body }),
      });
      const parsed: { post: PostDto } = JSON.parse(await res.text());
      return parsed.post;
    },
    stop: () => stopChild(child),
  };
}

// ---------------------------------------------------------------------------------------------
// Phases

/** Open loop: post i starts at t0 + i/rate whatever the previous ones are doing (no coordinated omission). */
async function steadyPosts(
  target: Target,
  run: string,
  rate: number,
  seconds: number,
): Promise<Map<number, number>> {
  const starts = new Map<number, number>();
  const total = Math.round(rate * seconds);
  const t0 = now() + 50;
  const sends: Promise<unknown>[] = [];
  for (let i = 0; i < total; i++) {
    const wait = t0 + (i * 1000) / rate - now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    starts.set(i, now());
    sends.push(target.post(benchBody(run, i), `fan-${run}-${i}`));
  }
  await Promise.all(sends);
  return starts;
}

async function measureLatency(target: Target, clients: Clients, n: number, rate: number): Promise<Latency> {
  const run = `${target.name}-${n}`;
  const started = now();
  const starts = await steadyPosts(target, run, rate, SECONDS);
  const elapsed = (now() - started) / 1000;
  // Let the last broadcasts land before collecting.
  await new Promise((r) => setTimeout(r, 1500));
  const { receipts, duplicates } = await clients.collect();
  const latencies: number[] = [];
  for (const [i, t] of receipts) {
    const s = starts.get(i);
    if (s !== undefined) latencies.push(t - s);
  }
  latencies.sort((a, b) => a - b);
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: latencies.at(-1) ?? NaN,
    deliveries: latencies.length,
    expected: starts.size * n,
    duplicates,
    postsPerSecond: starts.size / elapsed,
  };
}

/** Closed loop: a few posters back to back for a while; posts/s the server completes. */
async function measureThroughput(target: Target, clients: Clients, n: number) {
  const deadline = now() + THROUGHPUT_SECONDS * 1000;
  let done = 0;
  const started = now();
  await Promise.all(
    Array.from({ length: THROUGHPUT_CONCURRENCY }, async (_x, w) => {
      for (let i = 0; now() < deadline; i++) {
        await target.post(benchBody(`${target.name}-tp`, w * 1_000_000 + i), `tp-${target.name}-${w}-${i}`);
        done++;
      }
    }),
  );
  const seconds = (now() - started) / 1000;
  await new Promise((r) => setTimeout(r, 1500));
  const { receipts } = await clients.collect();
  return { postsPerSecond: done / seconds, deliveredPerSecond: receipts.length / seconds, n };
}

/** One latency phase: N clients join a fresh thread, posts at a steady rate, receipts collected. */
async function latencyPhase(target: Target, clients: Clients, n: number, rate: number, result: Result) {
  await new Promise((r) => setTimeout(r, 500));
  const threadId = await target.newThread();
  const before = rssOf(target.pid);
  const ready = await clients.connect(target.url, n, threadId);
  await new Promise((r) => setTimeout(r, 2000));
  const after = rssOf(target.pid);
  if (n >= 1000) result.bytesPer1000Sockets = ((after - before) / n) * 1000;
  process.stdout.write(
    `  ${target.name}: ${n} clients joined in ${(ready.ms / 1000).toFixed(1)} s; posting ${rate}/s for ${SECONDS} s…\n`,
  );
  result.latency[n] = await measureLatency(target, clients, n, rate);
  await clients.disconnect();
}

async function throughputPhase(target: Target, clients: Clients, result: Result) {
  const n = SIZES[0] ?? 100;
  await clients.connect(target.url, n, await target.newThread());
  process.stdout.write(`  ${target.name}: throughput with ${n} clients for ${THROUGHPUT_SECONDS} s…\n`);
  result.throughput = await measureThroughput(target, clients, n);
  await clients.disconnect();
}

const emptyResult = (): Result => ({
  latency: {},
  throughput: { postsPerSecond: NaN, deliveredPerSecond: NaN, n: 0 },
  bytesPer1000Sockets: NaN,
});

// ---------------------------------------------------------------------------------------------
// Report

const ms = (v: number) => (Number.isFinite(v) ? `${v.toFixed(1)} ms` : "—");
const ratio = (a: number, b: number) =>
  Number.isFinite(a) && Number.isFinite(b) && b > 0 ? `${(a / b).toFixed(2)}×` : "—";
const mib = (v: number) => (Number.isFinite(v) ? `${(v / 1024 / 1024).toFixed(1)} MiB` : "—");

function report(rembuk: Result, baseline: Result): boolean {
  const rows: string[][] = [["N", "metric", "Rembuk", "bare Socket.io", "ratio"]];
  let ok = true;
  for (const n of SIZES) {
    const r = rembuk.latency[n];
    const b = baseline.latency[n];
    if (!r || !b) continue;
    for (const key of ["p50", "p95", "p99", "max"] as const)
      rows.push([String(n), key, ms(r[key]), ms(b[key]), ratio(r[key], b[key])]);
    rows.push([String(n), "posts/s offered", r.postsPerSecond.toFixed(1), b.postsPerSecond.toFixed(1), ""]);
    rows.push([
      String(n),
      "deliveries",
      `${r.deliveries}/${r.expected}`,
      `${b.deliveries}/${b.expected}`,
      "",
    ]);
    if (r.deliveries !== r.expected || r.duplicates > 0) ok = false;
  }
  rows.push([
    String(rembuk.throughput.n),
    "sustained posts/s",
    rembuk.throughput.postsPerSecond.toFixed(0),
    baseline.throughput.postsPerSecond.toFixed(0),
    ratio(rembuk.throughput.postsPerSecond, baseline.throughput.postsPerSecond),
  ]);
  rows.push([
    String(rembuk.throughput.n),
    "deliveries/s",
    rembuk.throughput.deliveredPerSecond.toFixed(0),
    baseline.throughput.deliveredPerSecond.toFixed(0),
    "",
  ]);
  rows.push([
    "1000",
    "server RSS per 1,000 sockets",
    mib(rembuk.bytesPer1000Sockets),
    mib(baseline.bytesPer1000Sockets),
    ratio(rembuk.bytesPer1000Sockets, baseline.bytesPer1000Sockets),
  ]);
  const widths = rows[0].map((_c, i) => Math.max(...rows.map((r) => r[i].length)));
  const line = (r: string[]) => `| ${r.map((c, i) => c.padEnd(widths[i])).join(" | ")} |`;
  process.stdout.write(
    `\n${line(rows[0])}\n| ${widths.map((w) => "-".repeat(w)).join(" | ")} |\n${rows.slice(1).map(line).join("\n")}\n`,
  );
  const big = SIZES.at(-1) ?? 0;
  const r99 = rembuk.latency[big]?.p99 ?? NaN;
  const b99 = baseline.latency[big]?.p99 ?? NaN;
  process.stdout.write(
    `\nGoal: at N=${big}, p99 within 1.5× of bare Socket.io → ${ratio(r99, b99)} (${r99 / b99 <= 1.5 ? "met" : "not met"})\n`,
  );
  process.stdout.write(
    `Machine: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}\n`,
  );
  if (!ok) process.stdout.write("FAILED: a delivery was missing or duplicated\n");
  return ok;
}

async function main() {
  const t0 = Date.now();
  const { child } = spawnTs(
    join(import.meta.dirname, "fanout/clients.ts"),
    [],
    {},
    import.meta.dirname,
    true,
  );
  const clients = new Clients(child);
  let rembuk: Target | null = null;
  let baseline: Target | null = null;
  try {
    process.stdout.write("starting the Rembuk server (embedded database) and the bare Socket.io baseline…\n");
    rembuk = await startRembuk();
    await rembuk.newThread();
    const sample = await rembuk.post(benchBody("warmup", 0), "fan-warmup-0");
    if (!sample) throw new Error("no sample post");
    baseline = await startBaseline(sample);
    // Both servers stay up and take turns, phase by phase: on a shared machine a burst of outside
    // load then lands on both sides of a ratio rather than on one of them.
    const rembukResult = emptyResult();
    const baselineResult = emptyResult();
    for (const [k, n] of SIZES.entries()) {
      const rate = RATES[k] ?? RATES.at(-1) ?? 10;
      await latencyPhase(rembuk, clients, n, rate, rembukResult);
      await latencyPhase(baseline, clients, n, rate, baselineResult);
    }
    // Throughput last: its burst of writes must not disturb the latency runs.
    await throughputPhase(rembuk, clients, rembukResult);
    await throughputPhase(baseline, clients, baselineResult);
    await rembuk.stop();
    rembuk = null;
    await baseline.stop();
    baseline = null;

    const ok = report(rembukResult, baselineResult);
    process.stdout.write(`(fan-out bench took ${((Date.now() - t0) / 1000).toFixed(0)} s)\n`);
    process.exitCode = ok ? 0 : 1;
  } finally {
    await rembuk?.stop();
    await baseline?.stop();
    await stopChild(child);
  }
}

main().catch((err: unknown) => {
  process.stderr.write(`${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  process.exit(1);
});

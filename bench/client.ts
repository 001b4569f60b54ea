/**
 * Client delivery benchmark (issue 15): what a first visit costs a phone on a weak connection. The
 * real server (built client, embedded database, demo content) serves three pages — home, a demo
 * thread, the practice directory — each opened in a fresh Chromium context (empty cache, no service
 * worker yet) under Lighthouse's "Fast 3G" (562.5 ms RTT, 1.6 Mbps × 0.9 down, 750 kbps × 0.9 up,
 * applied through CDP) and a 4× slower CPU. For each page it prints the bytes transferred (headers
 * and compressed bodies, as DevTools counts them), the requests, first contentful paint and largest
 * contentful paint, against the goals: ≤ 250 KB for home and thread, FCP ≤ 2.0 s, LCP ≤ 2.5 s.
 * Then a repeat visit of each page (HTTP cache and service worker warm) for comparison.
 *
 *   pnpm --filter @rembuk/bench bench:client        (or `pnpm bench`, which runs every bench)
 *   RUNS=3 pnpm --filter @rembuk/bench bench:client  (medians of three)
 *
 * Needs the built client (`pnpm --filter @rembuk/client build`; built here when missing) and
 * Chromium at /usr/bin/chromium (or CHROMIUM_PATH). Exits non-zero only when a page fails to load.
 */
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { cpus, tmpdir, totalmem } from "node:os";
import { join, resolve } from "node:path";
import { chromium, type Browser, type CDPSession, type Page } from "playwright-core";
import { freePort, spawnTs, stopChild, waitForHttp } from "./fanout/common.js";

const repoRoot = resolve(import.meta.dirname, "..");
const dist = join(repoRoot, "client", "dist");
const RUNS = Number(process.env.RUNS ?? 1);
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Lighthouse's devtools throttling for "Fast 3G" (its mobile default): RTT and throughput adjusted as DevTools does. */
const FAST_3G = {
  offline: false,
  latency: 150 * 3.75,
  downloadThroughput: (1.6 * 1024 * 1024 * 0.9) / 8,
  uploadThroughput: (750 * 1024 * 0.9) / 8,
};
const CPU_SLOWDOWN = 4;
const GOALS = { firstVisitKB: 250, fcpMs: 2000, lcpMs: 2500 };
/** The page has settled when nothing new was asked for in this long after `load`. */
const QUIET_MS = 2500;
const MAX_WAIT_MS = 90_000;

interface Measure {
  bytes: number;
  requests: number;
  fcp: number;
  lcp: number;
  api: string[];
}

async function startServer() {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), "rembuk-bench-client-"));
  const { child, log } = spawnTs(
    join(repoRoot, "server/src/main.ts"),
    [],
    {
      PORT: String(port),
      DATA_DIR: dataDir,
      NODE_ENV: "development",
      DEMO_CONTENT: "true",
      LOG_LEVEL: "warn",
      PUBLIC_URL: `http://127.0.0.1:${port}`,
    },
    join(repoRoot, "server"),
  );
  const url = `http://127.0.0.1:${port}`;
  await waitForHttp(url, child, log);
  return {
    url,
    stop: async () => {
      await stopChild(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** A demo discussion thread with posts, found the way a visitor would: a room's thread list. */
async function pickThread(url: string): Promise<string> {
  const { rooms } = (await (await fetch(`${url}/api/rooms`)).json()) as { rooms: { slug: string }[] };
  for (const room of rooms) {
    const res = await fetch(`${url}/api/rooms/${room.slug}/threads?sort=activity&limit=10`);
    if (!res.ok) continue;
    const { threads } = (await res.json()) as { threads: { id: string; kind: string; replyCount: number }[] };
    const thread = threads.find((t) => t.kind === "discussion" && t.replyCount > 0);
    if (thread) return thread.id;
  }
  throw new Error("no demo thread with replies");
}

async function throttle(page: Page): Promise<CDPSession> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  await cdp.send("Network.emulateNetworkConditions", FAST_3G);
  await cdp.send("Emulation.setCPUThrottlingRate", { rate: CPU_SLOWDOWN });
  return cdp;
}

/** Opens `path` in `page` and counts what crossed the (throttled) wire until the page settles. */
async function measure(
  page: Page,
  cdp: CDPSession,
  origin: string,
  path: string,
  ready: string,
): Promise<Measure> {
  const urls = new Map<string, string>();
  let bytes = 0;
  let lastActivity = Date.now();
  let inFlight = 0;
  cdp.on("Network.requestWillBeSent", (e: { requestId: string; request: { url: string } }) => {
    if (e.request.url.startsWith("data:")) return;
    if (!urls.has(e.requestId)) inFlight++;
    urls.set(e.requestId, e.request.url);
    lastActivity = Date.now();
  });
  const done = (e: { requestId: string; encodedDataLength?: number }) => {
    if (!urls.has(e.requestId)) return;
    bytes += e.encodedDataLength ?? 0;
    inFlight = Math.max(0, inFlight - 1);
    lastActivity = Date.now();
  };
  cdp.on("Network.loadingFinished", done);
  cdp.on("Network.loadingFailed", (e: { requestId: string }) => done({ requestId: e.requestId }));
  // A WebSocket frame counts as traffic too (Socket.io's handshake and first messages).
  cdp.on("Network.webSocketFrameReceived", (e: { response: { payloadData: string } }) => {
    bytes += e.response.payloadData.length;
  });

  const started = Date.now();
  await page.goto(`${origin}${path}`, { waitUntil: "load", timeout: MAX_WAIT_MS });
  // The page's own content, not just its code: a slow CPU can keep the network quiet meanwhile.
  await page.waitForSelector(ready, { timeout: MAX_WAIT_MS });
  while (Date.now() - started < MAX_WAIT_MS && (inFlight > 0 || Date.now() - lastActivity < QUIET_MS)) {
    await new Promise((r) => setTimeout(r, 100));
  }
  const paints = await page.evaluate<{ fcp: number; lcp: number }>(PAINT_TIMES);
  const api = [...urls.values()]
    .map((u) => new URL(u))
    .filter((u) => u.pathname.startsWith("/api/"))
    .map((u) => u.pathname + u.search);
  return { bytes, requests: urls.size, fcp: paints.fcp, lcp: paints.lcp, api };
}

/** Runs in the page (as a string: the bench has no DOM types): FCP, and the latest LCP candidate. */
const PAINT_TIMES = `new Promise((ok) => {
  const fcp = performance.getEntriesByName("first-contentful-paint")[0]?.startTime ?? NaN;
  new PerformanceObserver((list) => {
    const entries = list.getEntries();
    ok({ fcp, lcp: entries[entries.length - 1]?.startTime ?? NaN });
  }).observe({ type: "largest-contentful-paint", buffered: true });
  setTimeout(() => ok({ fcp, lcp: NaN }), 1000);
})`;

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;

async function visit(
  browser: Browser,
  origin: string,
  { path, ready }: { path: string; ready: string },
  repeat: boolean,
): Promise<Measure> {
  const context = await browser.newContext({
    viewport: { width: 412, height: 823 },
    deviceScaleFactor: 1.75,
  });
  try {
    const page = await context.newPage();
    if (repeat) {
      // The first visit, unthrottled, leaves the HTTP cache and the service worker behind.
      await page.goto(`${origin}${path}`, { waitUntil: "load" });
      await page
        .waitForFunction("navigator.serviceWorker?.controller != null", null, { timeout: 20_000 })
        .catch(() => undefined);
      await page.waitForTimeout(1500);
    }
    const cdp = await throttle(page);
    return await measure(page, cdp, origin, path, ready);
  } finally {
    await context.close();
  }
}

/** What the service worker fetches in the background after a first visit: its precache list, compressed. */
function precacheKB(): number {
  const sw = readFileSync(join(dist, "sw.js"), "utf8");
  const files = new Set([...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1] ?? ""));
  let bytes = 0;
  for (const file of files) {
    const path = join(dist, file);
    bytes += existsSync(`${path}.br`)
      ? statSync(`${path}.br`).size
      : existsSync(path)
        ? statSync(path).size
        : 0;
  }
  return bytes / 1024;
}

const kb = (n: number) => (n / 1024).toFixed(1);
const sec = (ms: number) => (Number.isFinite(ms) ? (ms / 1000).toFixed(2) : "n/a");
const mark = (ok: boolean) => (ok ? "ok" : "MISS");

async function main() {
  if (!existsSync(join(dist, "index.html"))) {
    process.stdout.write("Building the client…\n");
    const built = spawnSync("pnpm", ["--filter", "@rembuk/client", "build"], {
      cwd: repoRoot,
      stdio: "inherit",
    });
    if (built.status !== 0) throw new Error("client build failed");
  }
  const server = await startServer();
  const browser = await chromium.launch({
    executablePath,
    args: ["--no-sandbox", "--disable-dev-shm-usage"],
  });
  try {
    const thread = await pickThread(server.url);
    const pages = [
      { name: "home", path: "/", ready: '[data-testid="home-register"]', goalBytes: true },
      { name: "thread", path: `/threads/${thread}`, ready: '[data-testid="post"]', goalBytes: true },
      {
        name: "practice directory",
        path: "/practices",
        ready: '[data-testid="directory-count"]',
        goalBytes: false,
      },
    ];
    process.stdout.write(
      `Client delivery: ${cpus().length} × ${cpus()[0]?.model ?? "cpu"}, ${(totalmem() / 2 ** 30).toFixed(0)} GiB; ` +
        `Chromium, Fast 3G (562.5 ms RTT, 1.44 Mbps down, 675 kbps up), CPU ${CPU_SLOWDOWN}× slower, 412×823 phone; ` +
        `median of ${RUNS} run(s)\n\n`,
    );
    const header = "page                 visit    transferred  requests    FCP      LCP     goals\n";
    process.stdout.write(header + "-".repeat(header.length - 1) + "\n");
    let apiReport = "";
    for (const repeat of [false, true]) {
      for (const p of pages) {
        const runs: Measure[] = [];
        for (let i = 0; i < RUNS; i++) runs.push(await visit(browser, server.url, p, repeat));
        const m = {
          bytes: median(runs.map((r) => r.bytes)),
          requests: median(runs.map((r) => r.requests)),
          fcp: median(runs.map((r) => r.fcp)),
          lcp: median(runs.map((r) => r.lcp)),
        };
        const goals = [
          !repeat && p.goalBytes
            ? `${mark(m.bytes <= GOALS.firstVisitKB * 1024)} ≤${GOALS.firstVisitKB} KB`
            : "",
          `${mark(m.fcp <= GOALS.fcpMs)} FCP`,
          `${mark(m.lcp <= GOALS.lcpMs)} LCP`,
        ]
          .filter(Boolean)
          .join(", ");
        process.stdout.write(
          `${p.name.padEnd(20)} ${(repeat ? "repeat" : "first").padEnd(7)} ${`${kb(m.bytes)} KB`.padStart(11)}  ${String(m.requests).padStart(8)}  ${`${sec(m.fcp)} s`.padStart(7)}  ${`${sec(m.lcp)} s`.padStart(7)}   ${goals}\n`,
        );
        if (!repeat) apiReport += `  ${p.name}: ${runs[0]?.api.join(", ") || "none"}\n`;
      }
    }
    process.stdout.write(`\nAPI requests of a first visit:\n${apiReport}`);
    process.stdout.write(
      `Service worker precache after a first visit (in the background, once idle): ${precacheKB().toFixed(1)} KB compressed; ` +
        `most of it is already in the HTTP cache from the visit itself.\n`,
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});

/**
 * Q&A for a national audience (issue 17): 5,000 guest participants without accounts join one live
 * session by its code, in a separate process (`qa-crowd/crowd.ts`), each on its own Socket.io
 * connection with its own signed guest cookie. Then:
 *
 * - **paced**: 100 votes/s for 10 s, open loop (vote i leaves at t₀ + i/100 s whatever happens);
 * - **storm**: all 5,000 vote at once, twice each, back to back;
 * - **poll**: a multiple-choice poll answered by all 5,000 within 10 s (results shown live).
 *
 * Reported: p50/p95/p99 from sending a vote to the moment the *last* of the 5,000 clients had a
 * count at or past it; how long after the storm's last vote every client's view equalled the
 * server's; whether every count is exact (each question's count = the guests whose last action on
 * it was a vote; the poll's counts = the answers sent); the server's RSS per 1,000 participants.
 * Goals: paced p99 ≤ 250 ms, storm converged within 2 s of its end, counts exact. Exit 1 when a
 * count is wrong; a missed latency goal is printed with the margin.
 *
 *   pnpm --filter @rembuk/bench bench:crowd          (also part of `pnpm bench`)
 *   PARTICIPANTS=1000 PACED_SECONDS=5 pnpm --filter @rembuk/bench bench:crowd
 *   SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" …   profiles the server
 */
import type { ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, cpus, totalmem } from "node:os";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import type { QaSessionDto, QuestionDto } from "@rembuk/shared";
import { freePort, rssOf, spawnTs, stopChild, waitForHttp } from "./fanout/common.js";
import type { CrowdConfig, CrowdResult, FromCrowd, ToCrowd } from "./qa-crowd/protocol.js";

const PARTICIPANTS = Number(process.env.PARTICIPANTS ?? 5000);
const QUESTIONS = Number(process.env.QUESTIONS ?? 20);
const PACED_RATE = Number(process.env.PACED_RATE ?? 100);
const PACED_SECONDS = Number(process.env.PACED_SECONDS ?? 10);
/** BASELINE=0 skips the bare Socket.io run (half the bench time). */
const BASELINE = process.env.BASELINE !== "0";
const STORM_VOTES_EACH = Number(process.env.STORM_VOTES_EACH ?? 2);
const POLL_SECONDS = Number(process.env.POLL_SECONDS ?? 10);
const repoRoot = resolve(import.meta.dirname, "..");
const ADMIN = { email: "admin.crowd@rembuk.id", password: "bench-rahasia-2026" };

async function startServer() {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), "rembuk-bench-crowd-"));
  const url = `http://127.0.0.1:${port}`;
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
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
      // 5,000 guests join from one address here; per-address budgets are not under test.
      RATE_LIMIT_SCALE: "1000",
      LOG_LEVEL: "warn",
    },
    join(repoRoot, "server"),
    false,
    nodeArgs,
  );
  await waitForHttp(url, child, log);
  return {
    url,
    child,
    async stop() {
      await stopChild(child);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

class HostHttp {
  cookie = "";
  constructor(readonly base: string) {}
  async must<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await fetch(`${this.base}${path}`, {
      method,
      headers: {
        "content-type": "application/json",
        origin: this.base,
        ...(this.cookie ? { cookie: this.cookie } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const set = res.headers.getSetCookie().map((c) => c.split(";")[0]);
    if (set.length) this.cookie = set.join("; ");
    const text = await res.text();
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${text}`);
    return (text ? JSON.parse(text) : null) as T;
  }
}

/** The crowd process and a one-message-at-a-time conversation with it. */
function startCrowd() {
  const { child, log } = spawnTs(
    join(import.meta.dirname, "qa-crowd/crowd.ts"),
    [],
    {},
    import.meta.dirname,
    true,
  );
  const inbox: FromCrowd[] = [];
  let waiter: (() => void) | null = null;
  child.on("message", (msg: FromCrowd) => {
    if (msg.type === "progress") return void process.stdout.write(`  … ${msg.message}\n`);
    inbox.push(msg);
    waiter?.();
  });
  const next = async (): Promise<FromCrowd> => {
    while (inbox.length === 0) {
      if (child.exitCode !== null) throw new Error(`crowd exited:\n${log()}`);
      await new Promise<void>((r) => {
        waiter = r;
        setTimeout(r, 1000);
      });
    }
    const msg = inbox.shift();
    if (!msg) throw new Error("empty inbox");
    if (msg.type === "error") throw new Error(`crowd: ${msg.message}`);
    return msg;
  };
  return { child: child as ChildProcess, send: (m: ToCrowd) => child.send(m), next };
}

interface Run {
  joinSeconds: number;
  rssBefore: number;
  rssAfter: number;
  loadWhileJoined: number;
  result: CrowdResult;
}

/** One crowd process against one server: join everyone, sample the server's memory, run the phases. */
async function runCrowd(config: CrowdConfig, server: ChildProcess): Promise<Run> {
  const rssBefore = rssOf(server.pid);
  const crowd = startCrowd();
  try {
    crowd.send({ type: "run", config });
    const joined = await crowd.next();
    if (joined.type !== "joined") throw new Error(`expected joined, got ${joined.type}`);
    const rssAfter = rssOf(server.pid);
    const loadWhileJoined = loadavg()[0];
    crowd.send({ type: "continue" });
    const done = await crowd.next();
    if (done.type !== "result") throw new Error(`expected result, got ${done.type}`);
    crowd.send({ type: "disconnect" });
    return { joinSeconds: joined.seconds, rssBefore, rssAfter, loadWhileJoined, result: done.result };
  } finally {
    await stopChild(crowd.child);
  }
}

async function startBaseline(sessionId: string, questionIds: string[]) {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const { child, log } = spawnTs(
    join(import.meta.dirname, "qa-crowd/baseline.ts"),
    [],
    { PORT: String(port), SESSION_ID: sessionId, QUESTION_IDS: JSON.stringify(questionIds) },
    import.meta.dirname,
  );
  await waitForHttp(url, child, log);
  return { url, child };
}

const mib = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
const goal = (ok: boolean, miss: string) => (ok ? "met" : `MISSED (${miss})`);

const lat = (l: { p50: number; p95: number; p99: number }) => `${l.p50} / ${l.p95} / ${l.p99} ms`;

function printTable(rembuk: Run, base: Run | null, started: number, load0: number): void {
  const r = rembuk.result;
  const b = base?.result ?? null;
  const perThousand = (run: Run) => mib(((run.rssAfter - run.rssBefore) / PARTICIPANTS) * 1000);
  const pacedOk = r.paced.everyClientMs.p99 <= 250 && r.paced.everyClientMs.missed === 0;
  const stormOk = r.storm.convergedMsAfterEnd <= 2000 && r.clientsConverged === PARTICIPANTS;
  const exact = r.countsExact && (r.poll?.countsExact ?? false);
  const rows: [string, string, string][] = [
    ["", "Rembuk", "bare Socket.io (baseline)"],
    [
      "joined (REST join by code + socket + qa:join)",
      `${PARTICIPANTS} in ${rembuk.joinSeconds} s`,
      base ? `${PARTICIPANTS} in ${base.joinSeconds} s` : "—",
    ],
    ["server RSS per 1,000 participants", perThousand(rembuk), base ? perThousand(base) : "—"],
    [
      `paced ${PACED_RATE}/s × ${PACED_SECONDS} s: vote → every client p50/p95/p99`,
      `${lat(r.paced.everyClientMs)} (${r.paced.votesPerSecond}/s, ${r.paced.failed} failed, ${r.paced.everyClientMs.missed} unseen)`,
      b ? `${lat(b.paced.everyClientMs)} (${b.paced.votesPerSecond}/s)` : "—",
    ],
    [
      `storm ${PARTICIPANTS} × ${STORM_VOTES_EACH}: vote → every client p50/p95/p99`,
      `${lat(r.storm.everyClientMs)} (${r.storm.votes} in ${r.storm.seconds} s = ${r.storm.votesPerSecond}/s, ${r.storm.failed} failed)`,
      b
        ? `${lat(b.storm.everyClientMs)} (${b.storm.votes} in ${b.storm.seconds} s = ${b.storm.votesPerSecond}/s)`
        : "—",
    ],
    [
      "storm: all views equal the server, after its last vote",
      `${r.storm.convergedMsAfterEnd} ms (${r.clientsConverged}/${PARTICIPANTS})`,
      b ? `${b.storm.convergedMsAfterEnd} ms (${b.clientsConverged}/${PARTICIPANTS})` : "—",
    ],
    [
      r.poll ? `poll: ${r.poll.answers} answers in ${r.poll.seconds} s, ack p50/p95/p99` : "poll",
      r.poll
        ? `${lat(r.poll.ackMs)} (${r.poll.failed} failed); all clients saw all ${r.poll.everyClientMsAfterLast} ms after the last`
        : "—",
      "—",
    ],
    [
      "counts exact (votes; poll)",
      `${r.countsExact ? "yes" : "NO"}${r.uncheckedQuestions ? ` (${r.uncheckedQuestions} questions unchecked: acks timed out)` : ""}; ${r.poll?.countsExact ? "yes" : "NO"}`,
      b ? (b.countsExact ? "yes" : "NO") : "—",
    ],
    [
      "load average (start / Rembuk joined / baseline joined)",
      `${load0.toFixed(1)} / ${rembuk.loadWhileJoined.toFixed(1)} / ${base ? base.loadWhileJoined.toFixed(1) : "—"}`,
      "",
    ],
    ["goal: paced p99 ≤ 250 ms", goal(pacedOk, `${r.paced.everyClientMs.p99 - 250} ms over`), ""],
    [
      "goal: storm converged ≤ 2 s after its end",
      goal(stormOk, `${r.storm.convergedMsAfterEnd - 2000} ms over`),
      "",
    ],
    ["goal: counts exact", exact ? "met" : "MISSED", ""],
  ];
  const w0 = Math.max(...rows.map((x) => x[0].length));
  const w1 = Math.max(...rows.map((x) => x[1].length));
  process.stdout.write(
    `\nQ&A crowd: ${PARTICIPANTS} guests, ${QUESTIONS} questions — ${cpus().length} × ${cpus()[0]?.model.trim() ?? "cpu"}, ${mib(totalmem())}, Node ${process.version}\n`,
  );
  for (const [k, v, x] of rows) process.stdout.write(`${k.padEnd(w0)}  ${v.padEnd(w1)}  ${x}\n`);
  process.stdout.write(`total bench time ${Math.round((Date.now() - started) / 1000)} s\n`);
  process.stdout.write(`\n${JSON.stringify({ rembuk, baseline: base })}\n`);
}

async function main() {
  const started = Date.now();
  const load0 = loadavg()[0];
  const server = await startServer();
  let stopped = false;
  try {
    const host = new HostHttp(server.url);
    await host.must("POST", "/api/auth/login", ADMIN);
    await host.must("POST", "/api/rooms", {
      slug: "bench-webinar-nasional",
      name: { id: "Webinar nasional", en: "National webinar" },
    });
    const { session } = await host.must<{ session: QaSessionDto }>(
      "POST",
      "/api/rooms/bench-webinar-nasional/qa",
      {
        title: "Webinar nasional: 5.000 peserta tamu",
        moderated: false,
        allowAnonymous: true,
        guests: "participate",
      },
    );
    await host.must("POST", `/api/qa/${session.id}/status`, { status: "live" });
    const questionIds: string[] = [];
    for (let i = 0; i < QUESTIONS; i++) {
      const { question } = await host.must<{ question: QuestionDto }>(
        "POST",
        `/api/qa/${session.id}/questions`,
        {
          text: `Pertanyaan webinar nomor ${i + 1}`,
          clientId: `crowd-q-${i}`,
        },
      );
      questionIds.push(question.id);
    }

    const config: CrowdConfig = {
      url: server.url,
      sessionId: session.id,
      joinCode: session.joinCode,
      hostCookie: host.cookie,
      questionIds,
      participants: PARTICIPANTS,
      pacedRate: PACED_RATE,
      pacedSeconds: PACED_SECONDS,
      stormVotesEach: STORM_VOTES_EACH,
      pollAnswers: PARTICIPANTS,
      pollSeconds: POLL_SECONDS,
    };
    process.stdout.write(`Rembuk: joining ${PARTICIPANTS} guests by code…\n`);
    const rembuk = await runCrowd(config, server.child);
    await server.stop();
    stopped = true;

    let base: Run | null = null;
    if (BASELINE) {
      const baseline = await startBaseline(session.id, questionIds);
      try {
        process.stdout.write(`bare Socket.io: joining ${PARTICIPANTS} clients…\n`);
        base = await runCrowd(
          { ...config, url: baseline.url, hostCookie: "", joinCode: "BASE23", pollAnswers: 0 },
          baseline.child,
        );
      } finally {
        await stopChild(baseline.child);
      }
    }
    printTable(rembuk, base, started, load0);
    const r = rembuk.result;
    if (!r.countsExact || !r.poll?.countsExact || r.clientsConverged !== PARTICIPANTS) process.exitCode = 1;
  } finally {
    if (!stopped) await server.stop();
  }
}

await main();

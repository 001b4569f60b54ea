/**
 * Q&A vote storm: 1,000 participants, 20 questions, 10 seconds of everyone voting and unvoting as
 * fast as the server acknowledges. Reports votes/s, the latency from sending a vote to an observer
 * seeing its count broadcast (p50/p95/p99), and checks that every final count is exact and that
 * every participant's view converged on the server's snapshot. Exits non-zero if a count is wrong.
 *
 *   pnpm --filter @rembuk/bench bench:qa            (or `pnpm bench`, which runs every bench)
 *   PARTICIPANTS=300 SECONDS=5 pnpm --filter @rembuk/bench bench:qa
 *
 * The server is the real one (`server/src/main.ts`, embedded database) in its own process on
 * 127.0.0.1, so the clients here do not share its event loop.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { io, type Socket } from "socket.io-client";
import {
  applyVoteCounts,
  snapshotToMap,
  upsertQuestion,
  type ClientToServerEvents,
  type QaSnapshotDto,
  type QuestionDto,
  type QuestionMap,
  type ServerToClientEvents,
} from "@rembuk/shared";

const PARTICIPANTS = Number(process.env.PARTICIPANTS ?? 1000);
const QUESTIONS = Number(process.env.QUESTIONS ?? 20);
const SECONDS = Number(process.env.SECONDS ?? 10);
const OBSERVERS = 5;
const repoRoot = resolve(import.meta.dirname, "..");

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

// ---------------------------------------------------------------------------------------------
// A real server in its own process

async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.once("error", fail);
    srv.listen(0, "127.0.0.1", () => {
      const address = srv.address();
      srv.close(() => ok(typeof address === "object" && address ? address.port : 0));
    });
  });
}

async function startServer(admin: { email: string; password: string }) {
  const port = await freePort();
  const dataDir = await mkdtemp(join(tmpdir(), "rembuk-bench-qa-"));
  let log = "";
  // SERVER_NODE_ARGS="--cpu-prof --cpu-prof-dir=/tmp/prof" profiles the server during the storm.
  const nodeArgs = (process.env.SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child: ChildProcess = spawn(
    process.execPath,
    [...nodeArgs, "--import", "tsx", join(repoRoot, "server/src/main.ts")],
    {
      cwd: join(repoRoot, "server"),
      env: {
        ...process.env,
        PORT: String(port),
        DATA_DIR: dataDir,
        NODE_ENV: "development",
        DEMO_CONTENT: "false",
        ADMIN_EMAIL: admin.email,
        ADMIN_PASSWORD: admin.password,
        // A thousand accounts register from one address; per-user vote budgets are not under test.
        RATE_LIMIT_SCALE: "1000",
        LOG_LEVEL: "warn",
      },
      stdio: ["ignore", "pipe", "pipe"],
    },
  );
  child.stdout?.on("data", (d: Buffer) => (log += d.toString()));
  child.stderr?.on("data", (d: Buffer) => (log += d.toString()));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited:\n${log}`);
    if (Date.now() > deadline) throw new Error(`server did not start:\n${log}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    async stop() {
      const exited = new Promise((r) => child.once("exit", r));
      child.kill("SIGTERM");
      await Promise.race([exited, new Promise((r) => setTimeout(r, 10_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** Cookie-keeping JSON client, one per signed-in person. */
class Http {
  cookie = "";
  constructor(readonly base: string) {}
  async send<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
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
    return { status: res.status, body: (text ? JSON.parse(text) : null) as T };
  }
  async must<T>(method: string, path: string, body?: unknown): Promise<T> {
    const res = await this.send<T>(method, path, body);
    if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${JSON.stringify(res.body)}`);
    return res.body;
  }
}

async function mapLimit<T, R>(
  items: readonly T[],
  limit: number,
  fn: (item: T, i: number) => Promise<R>,
): Promise<R[]> {
  const out: R[] = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await fn(items[i], i);
      }
    }),
  );
  return out;
}

function connect(url: string, cookie: string): Promise<Client> {
  const socket: Client = io(url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: { cookie, origin: url },
  });
  return new Promise((ok, fail) => {
    socket.once("connect", () => ok(socket));
    socket.once("connect_error", fail);
  });
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;

// ---------------------------------------------------------------------------------------------

async function main() {
  const admin = { email: "admin.bench@rembuk.id", password: "bench-rahasia-2026" };
  const t0 = Date.now();
  const server = await startServer(admin);
  const sockets: Client[] = [];
  try {
    const host = new Http(server.url);
    await host.must("POST", "/api/auth/login", admin);
    await host.must("POST", "/api/rooms", {
      slug: "bench-tanya-jawab",
      name: { id: "Uji beban tanya jawab", en: "Q&A load test" },
    });
    const { session } = await host.must<{ session: { id: string } }>(
      "POST",
      "/api/rooms/bench-tanya-jawab/qa",
      {
        title: "Badai suara: 1.000 peserta",
        moderated: false,
        allowAnonymous: true,
      },
    );
    await host.must("POST", `/api/qa/${session.id}/status`, { status: "live" });
    const questions: QuestionDto[] = [];
    for (let i = 0; i < QUESTIONS; i++) {
      const { question } = await host.must<{ question: QuestionDto }>(
        "POST",
        `/api/qa/${session.id}/questions`,
        {
          text: `Pertanyaan uji beban nomor ${i + 1}`,
          clientId: `bench-q-${i}`,
        },
      );
      questions.push(question);
    }

    process.stdout.write(`registering ${PARTICIPANTS + OBSERVERS} participants…\n`);
    const people = await mapLimit(Array.from({ length: PARTICIPANTS + OBSERVERS }), 8, async (_x, i) => {
      const http = new Http(server.url);
      await http.must("POST", "/api/auth/register", {
        email: `peserta.${i}@bench.rembuk.id`,
        password: "bench-rahasia-2026",
        name: `Peserta ${i + 1}`,
      });
      return http;
    });
    process.stdout.write(`connecting ${people.length} sockets…\n`);
    const connected = await mapLimit(people, 50, (p) => connect(server.url, p.cookie));
    sockets.push(...connected);

    // Every client keeps its view exactly as the web client does (shared fold by `rev`).
    const views = await mapLimit(sockets, 50, async (socket) => {
      const res = await socket.emitWithAck("qa:join", { sessionId: session.id });
      if (!res.ok) throw new Error(`join failed: ${res.error.code}`);
      const view: { questions: QuestionMap } = { questions: snapshotToMap(res.data.questions) };
      socket.on(
        "qa:question:updated",
        ({ question }) => (view.questions = upsertQuestion(view.questions, question)),
      );
      socket.on("qa:votes:updated", (batch) => (view.questions = applyVoteCounts(view.questions, batch)));
      return view;
    });

    // Observers record when each (question, rev) became visible to someone watching.
    const seen = new Map<string, Array<{ rev: number; at: number }>>();
    for (const socket of sockets.slice(PARTICIPANTS)) {
      socket.on("qa:votes:updated", (batch) => {
        const at = performance.now();
        for (const c of batch.counts) {
          const list = seen.get(c.id) ?? [];
          list.push({ rev: c.rev, at });
          seen.set(c.id, list);
        }
      });
    }

    const voted = Array.from({ length: PARTICIPANTS }, () => new Set<string>());
    let failures = 0;

    /**
     * One phase of voting. `paceMs` null: every participant votes again as soon as the previous
     * vote is acknowledged (saturation: the server's ceiling, with latency dominated by queueing).
     * Otherwise each participant waits a random 0–2×paceMs between votes (a steady offered load).
     */
    const phase = async (seconds: number, paceMs: number | null) => {
      const sent: Array<{ id: string; rev: number; at: number }> = [];
      const stopAt = performance.now() + seconds * 1000;
      const start = performance.now();
      await Promise.all(
        sockets.slice(0, PARTICIPANTS).map(async (socket, v) => {
          let k = v;
          // Paced voters start spread over one interval and never sleep past the end of the phase.
          const pause = (ms: number) =>
            new Promise((r) => setTimeout(r, Math.max(0, Math.min(ms, stopAt - performance.now()))));
          if (paceMs !== null) await pause(Math.random() * paceMs);
          while (performance.now() < stopAt) {
            const q = questions[(k = (k * 7 + 3) % QUESTIONS)];
            const up = !voted[v].has(q.id);
            const at = performance.now();
            const res = await socket.timeout(30_000).emitWithAck("qa:vote", { questionId: q.id, up });
            if (res.ok) {
              if (up) voted[v].add(q.id);
              else voted[v].delete(q.id);
              sent.push({ id: q.id, rev: res.data.rev, at });
            } else failures++;
            if (paceMs !== null) await pause(Math.random() * 2 * paceMs);
          }
        }),
      );
      const elapsed = (performance.now() - start) / 1000;
      await new Promise((r) => setTimeout(r, 500));
      const latencies: number[] = [];
      for (const v of sent) {
        const hit = seen.get(v.id)?.find((x) => x.rev >= v.rev && x.at >= v.at);
        if (hit) latencies.push(hit.at - v.at);
      }
      latencies.sort((a, b) => a - b);
      return {
        seconds: Number(elapsed.toFixed(1)),
        votes: sent.length,
        votesPerSecond: Math.round(sent.length / elapsed),
        broadcastMs: {
          p50: Math.round(percentile(latencies, 50)),
          p95: Math.round(percentile(latencies, 95)),
          p99: Math.round(percentile(latencies, 99)),
          measured: latencies.length,
        },
      };
    };

    process.stdout.write(`storm: ${PARTICIPANTS} voters, ${SECONDS} s flat out on ${QUESTIONS} questions…\n`);
    const storm = await phase(SECONDS, null);
    // Then the same crowd at half that rate: the vote-to-broadcast time a room actually feels.
    const target = Math.max(1, Math.round(storm.votesPerSecond / 2));
    const paceMs = (PARTICIPANTS / target) * 1000;
    process.stdout.write(`paced: ${PARTICIPANTS} voters offering ~${target} votes/s for ${SECONDS} s…\n`);
    const paced = await phase(SECONDS, paceMs);

    // Let the last batch land, then compare: counts against what the clients did, views against the server.
    await new Promise((r) => setTimeout(r, 500));
    const snap = await host.must<QaSnapshotDto>("GET", `/api/qa/${session.id}`);
    const truth = new Map(snap.questions.map((q) => [q.id, q.votes]));
    const wrongCounts = questions.filter((q) => truth.get(q.id) !== voted.filter((s) => s.has(q.id)).length);
    const unconverged = views.filter((view) =>
      questions.some((q) => view.questions[q.id]?.votes !== truth.get(q.id)),
    ).length;

    const result = {
      participants: PARTICIPANTS,
      questions: QUESTIONS,
      storm,
      paced,
      failedVotes: failures,
      finalCountsExact: wrongCounts.length === 0,
      clientsConverged: `${views.length - unconverged}/${views.length}`,
      totalSeconds: Math.round((Date.now() - t0) / 1000),
    };
    process.stdout.write(`\nQ&A vote storm\n${JSON.stringify(result, null, 2)}\n`);
    if (wrongCounts.length || unconverged || failures) {
      process.stdout.write(
        `FAILED: ${wrongCounts.length} wrong counts, ${unconverged} views not converged, ${failures} failed votes\n`,
      );
      process.exitCode = 1;
    }
  } finally {
    for (const s of sockets) s.disconnect();
    await server.stop();
  }
}

await main();

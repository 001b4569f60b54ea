/**
 * The crowd of the Q&A crowd bench, in its own process so the participants never share an event
 * loop with the server. It joins N guests by code over REST (each gets its signed cookie), opens one
 * Socket.io client per guest carrying that cookie, `qa:join`s, and keeps each client's view exactly
 * as the web client does (`@rembuk/shared` folds by `rev`). Then: a paced phase (open loop at a
 * fixed rate), a storm (everyone votes at once, back to back), and a poll answered by everyone.
 *
 * "Vote → every client's view": every client records when each (question, rev) batch arrived; the
 * latency of a vote acknowledged at rev R is the time the *last* client received that question's
 * first batch at or past R, minus the time the vote was sent (one process, one clock).
 */
import { io, type Socket } from "socket.io-client";
import {
  applyVoteCounts,
  snapshotToMap,
  upsertQuestion,
  type ClientToServerEvents,
  type PollDto,
  type QaSnapshotDto,
  type QuestionMap,
  type ServerToClientEvents,
} from "@rembuk/shared";
import { now, percentile } from "../fanout/common.js";
import type { CrowdConfig, CrowdResult, FromCrowd, Latency, PhaseResult, ToCrowd } from "./protocol.js";

type Client = Socket<ServerToClientEvents, ClientToServerEvents>;

interface Participant {
  socket: Client;
  view: QuestionMap;
  /** When this client's view last changed (convergence). */
  changedAt: number;
  voted: Set<string>;
  busy: boolean;
  pollTotal: number;
  pollSeenAllAt: number;
}

const send = (msg: FromCrowd) => process.send?.(msg);
let people: Participant[] = [];
let waitContinue: (() => void) | null = null;

/** Per question: rev → [clients that saw that batch, when the last of them did]. */
const arrivals = new Map<string, Map<number, [number, number]>>();

function record(id: string, rev: number, at: number) {
  let byRev = arrivals.get(id);
  if (!byRev) arrivals.set(id, (byRev = new Map()));
  const a = byRev.get(rev);
  if (a) {
    a[0]++;
    if (at > a[1]) a[1] = at;
  } else byRev.set(rev, [1, at]);
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

async function joinOne(cfg: CrowdConfig, i: number, pollAim: { total: number }): Promise<Participant> {
  const res = await fetch(`${cfg.url}/api/qa/code/${cfg.joinCode}/join`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: cfg.url },
    body: JSON.stringify(i % 5 === 0 ? { anonymous: true } : { name: `Tamu ${i + 1}` }),
  });
  if (res.status !== 201) throw new Error(`join ${i}: ${res.status} ${await res.text()}`);
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  const socket: Client = io(cfg.url, {
    transports: ["websocket"],
    forceNew: true,
    reconnection: false,
    extraHeaders: { origin: cfg.url, cookie },
  });
  await new Promise<void>((ok, fail) => {
    socket.once("connect", ok);
    socket.once("connect_error", fail);
  });
  const joined = await socket.timeout(120_000).emitWithAck("qa:join", { sessionId: cfg.sessionId });
  if (!joined.ok) throw new Error(`qa:join ${i}: ${joined.error.code}`);
  const p: Participant = {
    socket,
    view: snapshotToMap(joined.data.questions),
    changedAt: now(),
    voted: new Set(),
    busy: false,
    pollTotal: 0,
    pollSeenAllAt: 0,
  };
  socket.on("qa:votes:updated", (batch) => {
    const at = now();
    for (const c of batch.counts) record(c.id, c.rev, at);
    const next = applyVoteCounts(p.view, batch);
    if (next !== p.view) {
      p.view = next;
      p.changedAt = at;
    }
  });
  socket.on("qa:question:updated", ({ question }) => {
    p.view = upsertQuestion(p.view, question);
    p.changedAt = now();
  });
  socket.on("qa:poll:updated", ({ poll }: { poll: PollDto }) => {
    const total = poll.results?.total ?? 0;
    if (total > p.pollTotal) p.pollTotal = total;
    if (pollAim.total > 0 && p.pollTotal >= pollAim.total && !p.pollSeenAllAt) p.pollSeenAllAt = now();
  });
  return p;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, Math.max(0, ms)));

/** Latency from each acked vote to the moment every client held its count. */
function everyClient(sent: Array<{ id: string; rev: number; at: number }>): Latency {
  const sortedRevs = new Map<string, number[]>();
  for (const [id, byRev] of arrivals)
    sortedRevs.set(
      id,
      [...byRev.keys()].sort((a, b) => a - b),
    );
  const lat: number[] = [];
  let missed = 0;
  for (const v of sent) {
    const revs = sortedRevs.get(v.id) ?? [];
    const rev = revs.find((r) => r >= v.rev);
    const a = rev === undefined ? undefined : arrivals.get(v.id)?.get(rev);
    if (!a || a[0] < people.length) missed++;
    else lat.push(Math.max(0, a[1] - v.at));
  }
  lat.sort((a, b) => a - b);
  return {
    p50: Math.round(percentile(lat, 50)),
    p95: Math.round(percentile(lat, 95)),
    p99: Math.round(percentile(lat, 99)),
    measured: lat.length,
    missed,
  };
}

/** Questions with a vote whose ack never came (timed out): the server may or may not have counted it. */
const uncertain = new Set<string>();

async function vote(
  p: Participant,
  id: string,
  sent: Array<{ id: string; rev: number; at: number }>,
): Promise<boolean> {
  const up = !p.voted.has(id);
  const at = now();
  p.busy = true;
  try {
    const res = await p.socket.timeout(60_000).emitWithAck("qa:vote", { questionId: id, up });
    if (!res.ok) return false;
    if (up) p.voted.add(id);
    else p.voted.delete(id);
    sent.push({ id, rev: res.data.rev, at });
    return true;
  } catch {
    uncertain.add(id);
    return false;
  } finally {
    p.busy = false;
  }
}

/** Open loop: vote i leaves at t0 + i/rate whatever the earlier ones are doing. */
async function paced(cfg: CrowdConfig): Promise<PhaseResult> {
  const sent: Array<{ id: string; rev: number; at: number }> = [];
  const total = Math.round(cfg.pacedRate * cfg.pacedSeconds);
  const t0 = now();
  let failed = 0;
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < total; i++) {
    await sleep(t0 + (i * 1000) / cfg.pacedRate - now());
    let v = (i * 7919) % people.length;
    while (people[v].busy) v = (v + 1) % people.length;
    const id = cfg.questionIds[(i * 31 + v) % cfg.questionIds.length];
    inflight.push(vote(people[v], id, sent).then((ok) => void (ok || failed++)));
  }
  await Promise.all(inflight);
  const seconds = (now() - t0) / 1000;
  await sleep(1000);
  return {
    votes: sent.length,
    seconds: round1(seconds),
    votesPerSecond: Math.round(sent.length / seconds),
    failed,
    everyClientMs: everyClient(sent),
  };
}

/** Everyone votes at once, `stormVotesEach` times back to back. */
async function storm(cfg: CrowdConfig): Promise<PhaseResult & { end: number }> {
  const sent: Array<{ id: string; rev: number; at: number }> = [];
  const t0 = now();
  let failed = 0;
  let end = t0;
  await Promise.all(
    people.map(async (p, v) => {
      for (let k = 0; k < cfg.stormVotesEach; k++) {
        const id = cfg.questionIds[(v * 7 + k * 3) % cfg.questionIds.length];
        end = Math.max(end, now());
        if (!(await vote(p, id, sent))) failed++;
      }
    }),
  );
  const seconds = (now() - t0) / 1000;
  await sleep(2500);
  return {
    votes: sent.length,
    seconds: round1(seconds),
    votesPerSecond: Math.round(sent.length / seconds),
    failed,
    everyClientMs: everyClient(sent),
    end,
  };
}

const round1 = (x: number) => Math.round(x * 10) / 10;

async function host<T>(cfg: CrowdConfig, method: string, path: string, body?: unknown): Promise<T> {
  const res = await fetch(`${cfg.url}${path}`, {
    method,
    headers: { "content-type": "application/json", origin: cfg.url, cookie: cfg.hostCookie },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status >= 300) throw new Error(`${method} ${path} → ${res.status} ${await res.text()}`);
  return (await res.json()) as T;
}

async function pollPhase(cfg: CrowdConfig, aim: { total: number }): Promise<CrowdResult["poll"]> {
  const { poll } = await host<{ poll: PollDto }>(cfg, "POST", `/api/qa/${cfg.sessionId}/polls`, {
    kind: "choice",
    question: "Layanan mana yang paling dibutuhkan warga?",
    options: ["Akta kelahiran", "KTP elektronik", "Kartu keluarga", "Surat pindah"],
  });
  await host(cfg, "POST", `/api/polls/${poll.id}/status`, { status: "open", showResults: true });
  const n = Math.min(cfg.pollAnswers, people.length);
  aim.total = n;
  const acks: number[] = [];
  let failed = 0;
  let last = 0;
  const t0 = now();
  const inflight: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    await sleep(t0 + (i * cfg.pollSeconds * 1000) / n - now());
    const at = now();
    last = at;
    inflight.push(
      people[i].socket
        .timeout(60_000)
        .emitWithAck("qa:poll:answer", { pollId: poll.id, choices: [i % 4] })
        .then(
          (res) => (res.ok ? void acks.push(now() - at) : void failed++),
          () => void failed++,
        ),
    );
  }
  await Promise.all(inflight);
  const seconds = (now() - t0) / 1000;
  const deadline = now() + 10_000;
  while (now() < deadline && people.some((p) => !p.pollSeenAllAt)) await sleep(50);
  const seenAll = people.every((p) => p.pollSeenAllAt);
  const everyClientMsAfterLast = seenAll
    ? Math.round(Math.max(...people.map((p) => p.pollSeenAllAt)) - last)
    : NaN;
  const { polls } = await host<QaSnapshotDto>(cfg, "GET", `/api/qa/${cfg.sessionId}`);
  const counts = polls.find((p) => p.id === poll.id)?.results?.counts ?? [];
  const expected = [0, 1, 2, 3].map(
    (k) => Array.from({ length: n }, (_, i) => i % 4).filter((c) => c === k).length,
  );
  acks.sort((a, b) => a - b);
  return {
    answers: acks.length,
    seconds: round1(seconds),
    failed,
    ackMs: {
      p50: Math.round(percentile(acks, 50)),
      p95: Math.round(percentile(acks, 95)),
      p99: Math.round(percentile(acks, 99)),
    },
    everyClientMsAfterLast,
    countsExact: JSON.stringify(counts) === JSON.stringify(expected),
  };
}

async function run(cfg: CrowdConfig): Promise<void> {
  const aim = { total: 0 };
  const t0 = now();
  let joinedCount = 0;
  people = await mapLimit(
    Array.from({ length: cfg.participants }, (_, i) => i),
    40,
    async (_x, i) => {
      const p = await joinOne(cfg, i, aim);
      if (++joinedCount % 1000 === 0) send({ type: "progress", message: `${joinedCount} joined` });
      return p;
    },
  );
  send({ type: "joined", participants: people.length, seconds: round1((now() - t0) / 1000) });
  const joinSeconds = round1((now() - t0) / 1000);
  await new Promise<void>((r) => (waitContinue = r));

  send({ type: "progress", message: `paced: ${cfg.pacedRate} votes/s for ${cfg.pacedSeconds} s` });
  const pacedResult = await paced(cfg);
  send({ type: "progress", message: `storm: ${people.length} voters × ${cfg.stormVotesEach}` });
  const stormResult = await storm(cfg);

  const truth = await host<QaSnapshotDto>(cfg, "GET", `/api/qa/${cfg.sessionId}`);
  const truthCounts = new Map(truth.questions.map((q) => [q.id, q.votes]));
  const expected = (id: string) => people.filter((p) => p.voted.has(id)).length;
  // A vote that timed out may or may not have been counted: such questions cannot be checked.
  const countsExact = cfg.questionIds.every(
    (id) => uncertain.has(id) || truthCounts.get(id) === expected(id),
  );
  const converged = people.filter((p) =>
    cfg.questionIds.every((id) => p.view[id]?.votes === truthCounts.get(id)),
  );
  const lastChange = Math.max(...people.map((p) => p.changedAt));
  const { end, ...stormRest } = stormResult;

  let poll: CrowdResult["poll"] = null;
  if (cfg.pollAnswers > 0) {
    send({ type: "progress", message: `poll: ${cfg.pollAnswers} answers in ${cfg.pollSeconds} s` });
    poll = await pollPhase(cfg, aim);
  }
  send({
    type: "result",
    result: {
      joinSeconds,
      paced: pacedResult,
      storm: { ...stormRest, convergedMsAfterEnd: Math.max(0, Math.round(lastChange - end)) },
      countsExact,
      uncheckedQuestions: uncertain.size,
      clientsConverged: converged.length,
      poll,
    },
  });
}

process.on("message", (msg: ToCrowd) => {
  if (msg.type === "run")
    run(msg.config).catch((err: unknown) =>
      send({ type: "error", message: err instanceof Error ? (err.stack ?? err.message) : String(err) }),
    );
  else if (msg.type === "continue") waitContinue?.();
  else if (msg.type === "disconnect") {
    for (const p of people) p.socket.disconnect();
    send({ type: "closed" });
    setTimeout(() => process.exit(0), 100);
  }
});

/**
 * Notification fan-out benchmark (issue 14): one server on the embedded database; a thread watched
 * by WATCHERS people (10,000) and one watched by nobody. Replies are posted through REST, alternating
 * between the two threads, and we print the p50/p99 of the post request for each and their ratio
 * (goal: ≤ 1.2×, since the fan-out runs in the background worker), then the time from a post's answer
 * until every watcher's notification exists.
 *
 *   pnpm --filter @rembuk/bench bench:notify        (or `pnpm bench`, which runs every bench)
 *   WATCHERS=2000 POSTS=30 pnpm --filter @rembuk/bench bench:notify
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { AddressInfo } from "node:net";
import { createApp } from "../server/src/app.js";
import { loadConfig } from "../server/src/config.js";
import { createUser, User } from "../server/src/features/users/index.js";
import { toActor } from "../server/src/features/users/index.js";
import { createRoom } from "../server/src/features/rooms/index.js";
import { createThread } from "../server/src/features/posts/index.js";
import { Watch } from "../server/src/features/watching/index.js";
import { Notification } from "../server/src/features/notifications/index.js";
import { RoomCreateInput } from "@rembuk/shared";
import { percentile } from "./fanout/common.js";

const WATCHERS = Number(process.env.WATCHERS ?? 10_000);
const POSTS = Number(process.env.POSTS ?? 40);
const PASSWORD = "bench-rahasia-2026";

const dataDir = mkdtempSync(join(tmpdir(), "rembuk-bench-notify-"));
const config = { ...loadConfig({ NODE_ENV: "test", DEMO_CONTENT: "false" }), dataDir };
const rembuk = await createApp(config, { clientDist: null, rateLimitOverrides: { write: 1_000_000 } });
await new Promise<void>((r) => rembuk.httpServer.listen(0, "127.0.0.1", r));
const url = `http://127.0.0.1:${(rembuk.httpServer.address() as AddressInfo).port}`;
const { Types } = User.base;

try {
  const admin = toActor(
    await createUser({
      email: "admin.notify@rembuk.id",
      password: PASSWORD,
      name: "Admin",
      role: "admin",
      emailConfirmed: true,
    }),
  );
  const poster = await createUser({
    email: "penulis.notify@rembuk.id",
    password: PASSWORD,
    name: "Penulis",
    emailConfirmed: true,
  });
  const room = await createRoom(
    admin,
    RoomCreateInput.parse({ slug: "bench-notify", name: { id: "Uji", en: "Bench" } }),
  );
  const open = async (title: string) =>
    (await createThread(admin, { slug: room.slug }, { title, body: "Pembuka utas uji." })).thread.id;
  const watched = await open("Utas yang diikuti sepuluh ribu orang");
  const quiet = await open("Utas yang tidak diikuti siapa pun");

  process.stdout.write(`creating ${WATCHERS} watchers… `);
  const ids = Array.from({ length: WATCHERS }, () => new Types.ObjectId());
  for (let i = 0; i < ids.length; i += 1000) {
    const slice = ids.slice(i, i + 1000);
    await User.insertMany(
      slice.map((_id, k) => ({
        _id,
        email: `pengamat${i + k}@bench.rembuk.id`,
        passwordHash: "x",
        name: `Pengamat ${i + k}`,
        nameLower: `pengamat ${i + k}`,
        emailConfirmed: true,
      })),
    );
    await Watch.insertMany(
      slice.map((userId) => ({ userId, scope: "thread", key: watched, level: "watching" })),
    );
  }
  process.stdout.write("done\n");

  const login = await fetch(`${url}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", origin: url },
    body: JSON.stringify({ email: poster.email, password: PASSWORD }),
  });
  const cookie = login.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .join("; ");
  let n = 0;
  const post = async (threadId: string) => {
    const started = performance.now();
    const res = await fetch(`${url}/api/threads/${threadId}/posts`, {
      method: "POST",
      headers: { "content-type": "application/json", cookie, origin: url },
      body: JSON.stringify({ body: `Balasan uji ${++n}`, clientId: `bench-notify-${n}` }),
    });
    if (res.status !== 201) throw new Error(`post answered ${res.status}: ${await res.text()}`);
    const { post: dto } = (await res.json()) as { post: { id: string } };
    return { ms: performance.now() - started, id: dto.id };
  };

  // Warm up both paths, and let the first fan-out finish before measuring.
  await post(quiet);
  const first = await post(watched);
  await rembuk.notifyWorker!.drain();
  const ready = await Notification.countDocuments({ eventKeys: `post:${first.id}` });
  if (ready < WATCHERS) throw new Error(`only ${ready} of ${WATCHERS} watchers were notified`);

  const times: Record<"watched" | "quiet", number[]> = { watched: [], quiet: [] };
  let lastWatched = "";
  for (let i = 0; i < POSTS; i++) {
    times.quiet.push((await post(quiet)).ms);
    const w = await post(watched);
    times.watched.push(w.ms);
    lastWatched = w.id;
  }
  const answeredAt = performance.now();
  let everyone = NaN;
  for (;;) {
    const have = await Notification.countDocuments({ eventKeys: `post:${lastWatched}` });
    if (have >= WATCHERS) {
      everyone = performance.now() - answeredAt;
      break;
    }
    await new Promise((r) => setTimeout(r, 50));
  }

  const stats = (xs: number[]) => {
    const sorted = [...xs].sort((a, b) => a - b);
    return { p50: percentile(sorted, 50), p99: percentile(sorted, 99) };
  };
  const w = stats(times.watched);
  const q = stats(times.quiet);
  const ratio = w.p99 / q.p99;
  console.log(`\n| thread | posts | p50 (ms) | p99 (ms) |\n| --- | --- | --- | --- |`);
  console.log(
    `| ${WATCHERS.toLocaleString("en")} watchers | ${POSTS} | ${w.p50.toFixed(1)} | ${w.p99.toFixed(1)} |`,
  );
  console.log(`| no watchers | ${POSTS} | ${q.p50.toFixed(1)} | ${q.p99.toFixed(1)} |`);
  console.log(
    `\nGoal: p99 with watchers within 1.2× of none → ${ratio.toFixed(2)}× (${ratio <= 1.2 ? "met" : "not met"})`,
  );
  console.log(
    `Every watcher's notification of the last post existed ${(everyone / 1000).toFixed(1)} s after the last answer (the worker also had the ${POSTS} earlier posts to merge).`,
  );
} finally {
  await rembuk.close();
  rmSync(dataDir, { recursive: true, force: true });
}

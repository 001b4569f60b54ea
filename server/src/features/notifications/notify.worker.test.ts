import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAdmin, makeMember, type MadeUser } from "../../test/factories.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { clientId, makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { createPost } from "../posts/index.js";
import { autoWatch } from "../watching/index.js";
import { Notification } from "./notification.model.js";
import { NotifyJob } from "./notifyJob.model.js";
import { startWorker } from "./notify.worker.js";

/** A server without its own worker: these tests play the processes that come and go. */
let server: TestServer;
let admin: MadeUser;
let author: MadeUser;
let watchers: MadeUser[];

beforeAll(async () => {
  server = await startTestServer({ app: { notifyWorker: false } });
  admin = await makeAdmin();
  author = await makeMember();
  watchers = await Promise.all(Array.from({ length: 5 }, () => makeMember()));
});
afterAll(() => server?.close());

/** A thread every watcher watches, and a reply in it: one queued event for the watchers and the thread's author. */
async function queuedReply() {
  const room = await makeRoom(admin.actor);
  const thread = await makeThread(admin.actor, room.slug);
  await Promise.all(watchers.map((w) => autoWatch(w.id, thread.id)));
  const { post } = await createPost(author.actor, thread.id, { body: "Kabar baru", clientId: clientId() });
  return `post:${post.id}`;
}

const audience = () => watchers.length + 1;
const entriesFor = (eventKey: string) => Notification.find({ eventKeys: eventKey }).sort({ _id: 1 }).lean();

describe("the fan-out worker", () => {
  it("an event queued before a restart is delivered once by the next process, and a replay adds nothing", async () => {
    const key = await queuedReply();
    // The post request returned with the job stored and nothing fanned out yet.
    expect(await NotifyJob.findOne({ key }).lean()).toMatchObject({ status: "pending" });
    expect(await entriesFor(key)).toHaveLength(0);

    const next = startWorker({ pollMs: 60_000 });
    await next.drain();
    await next.stop();
    const first = await entriesFor(key);
    expect(first.map((n) => n.userId.toString()).sort()).toEqual(
      [admin, ...watchers].map((w) => w.id).sort(),
    );
    expect((await NotifyJob.findOne({ key }).lean())?.status).toBe("done");

    // The worker died after writing but before marking the job done: its lease ran out, another takes it.
    await NotifyJob.updateOne({ key }, { $set: { status: "pending", lockedUntil: new Date(0) } });
    const again = startWorker({ pollMs: 60_000 });
    await again.drain();
    await again.stop();
    const second = await entriesFor(key);
    expect(second).toHaveLength(audience());
    // Counts stay as they were: the replayed event is merged nowhere twice.
    expect(second.map((n) => n.count)).toEqual(first.map((n) => n.count));
    expect(second.every((n) => n.eventKeys.filter((k) => k === key).length === 1)).toBe(true);
  });

  it("a job whose lease is still held is left to its worker", async () => {
    const key = await queuedReply();
    await NotifyJob.updateOne({ key }, { $set: { lockedUntil: new Date(Date.now() + 60_000) } });
    const other = startWorker({ pollMs: 60_000 });
    await other.drain();
    await other.stop();
    expect(await entriesFor(key)).toHaveLength(0);
    await NotifyJob.updateOne({ key }, { $set: { lockedUntil: null } });
  });

  it("two workers draining at once deliver every event exactly once", async () => {
    const keys = await Promise.all([queuedReply(), queuedReply(), queuedReply(), queuedReply()]);
    const a = startWorker({ pollMs: 60_000 });
    const b = startWorker({ pollMs: 60_000 });
    await Promise.all([a.drain(), b.drain()]);
    await Promise.all([a.stop(), b.stop()]);
    for (const key of keys) {
      const rows = await entriesFor(key);
      expect(rows).toHaveLength(audience());
      expect(new Set(rows.map((r) => r.userId.toString())).size).toBe(audience());
      expect(await NotifyJob.findOne({ key }).lean()).toMatchObject({ status: "done", attempts: 1 });
    }
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { NotificationDto, NotificationList, ThreadDto } from "@rembuk/shared";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import type { Agent } from "../../test/http.js";
import { connectSocket, nextEvent } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { clientId, collect, makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { createPost } from "../posts/index.js";
import { moderatePost } from "../moderation/index.js";

let server: TestServer;
let admin: MadeUser;
type Person = MadeUser & { agent: Agent };
let alice: Person;
let budi: Person;
let citra: Person;

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  [alice, budi, citra] = await Promise.all([
    signedIn(server, "member", { name: "Alice Uji" }),
    signedIn(server, "member", { name: "Budi Uji" }),
    signedIn(server, "member", { name: "Citra Uji" }),
  ]);
});
afterAll(() => server?.close());

/** Wait for the background fan-out of everything queued so far. */
const settle = async () => {
  await server.rembuk.notifyWorker!.drain();
};

async function inbox(p: Person, query = ""): Promise<NotificationList> {
  const res = await p.agent.get<NotificationList>(`/api/notifications${query}`);
  expect(res.status).toBe(200);
  return res.body;
}

const reply = (p: MadeUser, threadId: string, body: string, replyTo?: string) =>
  createPost(p.actor, threadId, { body, clientId: clientId(), replyTo }).then((r) => r.post);

describe("notifications", () => {
  it("a reply in my thread reaches me (REST and live), not the replier, not a bystander", async () => {
    const room = await makeRoom(admin.actor);
    const thread = await makeThread(alice.actor, room.slug);
    const socket = await connectSocket(server.url, alice.agent);
    const bystander = await connectSocket(server.url, citra.agent);
    const theirs = collect<{ notification: NotificationDto }>(bystander, "notification:created");
    try {
      const live = nextEvent(socket, "notification:created");
      await reply(budi, thread.id, "Balasan pertama");
      await settle();
      const { notification } = (await live) as { notification: NotificationDto };
      expect(notification).toMatchObject({ kind: "reply", count: 1, readAt: null, actor: { id: budi.id } });
      expect(notification.target).toMatchObject({ type: "post", url: `/threads/${thread.id}#post-2` });
      const mine = await inbox(alice);
      expect(mine.notifications[0]).toEqual(notification);
      expect(
        (await inbox(budi)).notifications.some((n) => n.target.url.startsWith(`/threads/${thread.id}`)),
      ).toBe(false);
      expect(theirs.items).toHaveLength(0);
      theirs.stop();
    } finally {
      socket.disconnect();
      bystander.disconnect();
    }
  });

  it("several replies within minutes collapse into one entry with a count; reading resets it", async () => {
    const room = await makeRoom(admin.actor);
    const thread = await makeThread(alice.actor, room.slug, { title: "Utas yang ramai" });
    const before = (await inbox(alice)).unread;
    for (const n of [1, 2, 3]) await reply(budi, thread.id, `Balasan ${n}`);
    await settle();
    const list = await inbox(alice);
    const entries = list.notifications.filter((n) => n.target.url.startsWith(`/threads/${thread.id}`));
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ kind: "reply", count: 3, title: "Utas yang ramai" });
    expect(list.unread).toBe(before + 1);

    const read = await alice.agent.post<{ unread: number }>("/api/notifications/read", {
      ids: [entries[0]!.id],
    });
    expect(read.body.unread).toBe(before);
    await reply(budi, thread.id, "Balasan 4");
    await settle();
    const after = (await inbox(alice, "?unread=true")).notifications.filter((n) =>
      n.target.url.startsWith(`/threads/${thread.id}`),
    );
    expect(after).toHaveLength(1);
    expect(after[0]!.count).toBe(1);
  });

  it("mentions notify; a muted thread stops them; the thread shows my watch level", async () => {
    const room = await makeRoom(admin.actor);
    const thread = await makeThread(budi.actor, room.slug);
    await reply(budi, thread.id, `Halo @[Citra](${citra.id})`);
    await settle();
    expect((await inbox(citra)).notifications[0]).toMatchObject({ kind: "mention", actor: { id: budi.id } });

    const mute = await citra.agent.put<{ watch: { level: string } }>(`/api/threads/${thread.id}/watch`, {
      level: "muted",
    });
    expect(mute.status).toBe(200);
    expect(mute.body).toEqual({ watch: { level: "muted" } });
    const got = await citra.agent.get<{ thread: ThreadDto }>(`/api/threads/${thread.id}`);
    expect(got.body.thread.watch).toBe("muted");
    const count = (await inbox(citra)).notifications.length;
    await reply(budi, thread.id, `Sekali lagi @[Citra](${citra.id})`);
    await settle();
    expect((await inbox(citra)).notifications.length).toBe(count);
  });

  it("watching a room brings its new threads and posts; the author watches what they start", async () => {
    const room = await makeRoom(admin.actor);
    const res = await citra.agent.put(`/api/rooms/${room.slug}/watch`, { level: "watching" });
    expect(res.status).toBe(200);
    const thread = await makeThread(budi.actor, room.slug, { title: "Utas baru di ruang" });
    await settle();
    expect((await inbox(citra)).notifications[0]).toMatchObject({
      kind: "watched",
      detail: "thread.created",
    });
    const started = await budi.agent.get<{ thread: ThreadDto }>(`/api/threads/${thread.id}`);
    expect(started.body.thread.watch).toBe("watching");
  });

  it("watching a tag brings threads with that tag", async () => {
    const room = await makeRoom(admin.actor);
    await alice.agent.put(`/api/tags/sakip/watch`, { level: "watching" });
    const thread = await makeThread(budi.actor, room.slug, { tags: ["sakip"] });
    await settle();
    expect((await inbox(alice)).notifications[0]).toMatchObject({
      kind: "watched",
      target: { url: `/threads/${thread.id}#post-1` },
    });
  });

  it("nothing about content the recipient may not see", async () => {
    const room = await makeRoom(admin.actor, {
      visibility: "restricted",
      allowedAffiliations: [{ kind: "agency", name: "Badan Rahasia Uji" }],
    });
    const thread = await makeThread(admin.actor, room.slug);
    const count = (await inbox(citra)).notifications.length;
    await reply(admin, thread.id, `Rahasia untuk @[Citra](${citra.id})`);
    await settle();
    expect((await inbox(citra)).notifications.length).toBe(count);
    expect((await citra.agent.put(`/api/rooms/${room.slug}/watch`, { level: "watching" })).status).toBe(404);
  });

  it("a moderator's decision reaches the author, even in a muted thread", async () => {
    const room = await makeRoom(admin.actor);
    const thread = await makeThread(alice.actor, room.slug);
    const post = await reply(budi, thread.id, "Isi yang melanggar");
    await budi.agent.put(`/api/threads/${thread.id}/watch`, { level: "muted" });
    await moderatePost(admin.actor, post.id, { action: "hide", reason: "Tidak sopan" });
    await settle();
    expect((await inbox(budi)).notifications[0]).toMatchObject({
      kind: "moderation",
      detail: "post.hide",
      reason: "Tidak sopan",
      target: { type: "post", id: post.id },
    });
  });

  it("settings default to mentions on and a weekly digest; PATCH takes any subset", async () => {
    expect((await alice.agent.get("/api/notifications/settings")).body).toEqual({
      settings: { email: { mentions: true, digest: "weekly" } },
    });
    const res = await alice.agent.patch("/api/notifications/settings", { email: { digest: "daily" } });
    expect(res.body).toEqual({ settings: { email: { mentions: true, digest: "daily" } } });
    expect((await alice.agent.get("/api/notifications/unread")).status).toBe(200);
  });

  it("read all clears the count; pages follow the cursor", async () => {
    const all = await alice.agent.post<{ unread: number }>("/api/notifications/read", { all: true });
    expect(all.body.unread).toBe(0);
    const first = await inbox(alice, "?limit=1");
    expect(first.notifications).toHaveLength(1);
    expect(first.nextCursor).not.toBeNull();
    const second = await inbox(alice, `?limit=1&cursor=${first.nextCursor}`);
    expect(second.notifications[0]!.id).not.toBe(first.notifications[0]!.id);
    expect((await alice.agent.post("/api/notifications/read", {})).status).toBe(400);
  });
});

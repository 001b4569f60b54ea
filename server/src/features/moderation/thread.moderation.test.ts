import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostDto, RoomDto, ThreadDto, ThreadRemovedEvent } from "@rembuk/shared";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import { connectSocket, nextEvent, type ClientSocket } from "../../test/socket.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { ask, clientId, collect, makeRoom, makeThread, sleep } from "../rooms/forum.fixtures.js";
import { Thread } from "../threads/thread.model.js";
import { sweepExpiredPins } from "./pin.sweeper.js";
import { auditDelta, auditRows, raw } from "./test/fixtures.js";

let server: TestServer;
let admin: MadeUser;
let room: RoomDto;
let target: RoomDto;
let restricted: RoomDto;
let roomMod: Awaited<ReturnType<typeof signedIn>>;
let siti: Awaited<ReturnType<typeof signedIn>>;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  roomMod = await signedIn(server, "member", { name: "Moderator Ruang" });
  siti = await signedIn(server, "moderator", { name: "Siti Rahmawati" });
  room = await makeRoom(admin.actor, {
    moderators: [roomMod.id],
    name: { id: "Inovasi Pelayanan", en: "Service Innovation" },
  });
  target = await makeRoom(admin.actor, {
    moderators: [roomMod.id],
    name: { id: "Manajemen ASN", en: "Civil Service" },
  });
  restricted = await makeRoom(admin.actor, {
    visibility: "restricted",
    allowedAffiliations: [{ kind: "region", code: "33" }],
    name: { id: "Forum Jawa Tengah", en: "Central Java Forum" },
  });
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
});

async function open(agent?: Agent) {
  const s = await connectSocket(server.url, agent);
  sockets.push(s);
  return s;
}

const moderate = (agent: Agent, threadId: string, input: Record<string, unknown>) =>
  agent.post<{ thread: ThreadDto }>(`/api/threads/${threadId}/moderate`, input);
const reply = (agent: Agent, threadId: string, body: string) =>
  agent.post<{ post: PostDto }>(`/api/threads/${threadId}/posts`, { body, clientId: clientId() });

describe("lock", () => {
  it("a locked thread refuses posts over REST and sockets (LOCKED); moderators still post; unlock reopens it", async () => {
    const ani = await signedIn(server, "member", { verified: true });
    const thread = await makeThread(ani.actor, room.slug);
    const aniSocket = await open(ani.agent);
    await ask(aniSocket, "room:join", { roomId: room.id });
    const updated = nextEvent(aniSocket, "thread:updated");

    const rows = await auditDelta(thread.id, async () =>
      expect(
        (await moderate(roomMod.agent, thread.id, { action: "lock", reason: "Diskusi selesai" })).status,
      ).toBe(200),
    );
    expect(rows).toBe(1);
    expect(((await updated) as { thread: ThreadDto }).thread).toMatchObject({
      id: thread.id,
      locked: true,
      lockReason: "Diskusi selesai",
    });
    // Every reader learns why, guests included, in the thread and in the room's list.
    const asGuest = await new Agent(server.url).get<{ thread: ThreadDto }>(`/api/threads/${thread.id}`);
    expect(asGuest.body.thread).toMatchObject({ locked: true, lockReason: "Diskusi selesai" });
    const list = await ani.agent.get<{ threads: ThreadDto[] }>(`/api/rooms/${room.slug}/threads`);
    expect(list.body.threads.find((t) => t.id === thread.id)?.lockReason).toBe("Diskusi selesai");

    const rest = await reply(ani.agent, thread.id, "Satu lagi");
    expect(rest.status).toBe(409);
    expect(rest.body).toMatchObject({ error: { code: "LOCKED" } });
    const viaSocket = await ask(aniSocket, "post:create", {
      threadId: thread.id,
      body: "Lewat soket",
      clientId: clientId(),
    });
    expect(viaSocket).toMatchObject({ ok: false, error: { code: "LOCKED" } });
    expect((await reply(roomMod.agent, thread.id, "Catatan moderator")).status).toBe(201);

    // A second lock changes nothing and logs nothing.
    expect(
      await auditDelta(thread.id, async () =>
        expect((await moderate(siti.agent, thread.id, { action: "lock" })).status).toBe(200),
      ),
    ).toBe(0);
    expect(
      await auditDelta(thread.id, async () =>
        expect((await moderate(siti.agent, thread.id, { action: "unlock" })).body.thread).toMatchObject({
          locked: false,
          lockReason: null,
        }),
      ),
    ).toBe(1);
    // Locked again without a reason: none is shown (not the old one).
    expect((await moderate(siti.agent, thread.id, { action: "lock" })).body.thread).toMatchObject({
      locked: true,
      lockReason: null,
    });
    await moderate(siti.agent, thread.id, { action: "unlock" });
    expect((await reply(ani.agent, thread.id, "Terbuka lagi")).status).toBe(201);
  });

  it("members, authors and guests may not lock; other rooms' moderators may not either", async () => {
    const ani = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, room.slug);
    const otherMod = await signedIn(server, "member");
    await makeRoom(admin.actor, { moderators: [otherMod.id] });
    expect((await moderate(ani.agent, thread.id, { action: "lock" })).status).toBe(403);
    expect((await moderate(otherMod.agent, thread.id, { action: "lock" })).status).toBe(403);
    const guest = await fetch(`${server.url}/api/threads/${thread.id}/moderate`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: server.url },
      body: JSON.stringify({ action: "lock" }),
    });
    expect(guest.status).toBe(401);
    expect((await Thread.findById(thread.id).lean())?.locked).toBe(false);
    expect(await auditRows(thread.id)).toHaveLength(0);
  });
});

describe("move", () => {
  it("keeps every post and shows live in both rooms' lists", async () => {
    const ani = await signedIn(server, "member", { verified: true });
    const thread = await makeThread(ani.actor, room.slug, { title: "Salah ruang" });
    for (let i = 0; i < 4; i++) await reply(ani.agent, thread.id, `balasan ${i}`);
    const before = (await ani.agent.get<{ posts: PostDto[] }>(`/api/threads/${thread.id}/posts`)).body.posts;

    const oldWatcher = await open(ani.agent);
    await ask(oldWatcher, "room:join", { roomId: room.id });
    const newWatcher = await open((await signedIn(server, "member")).agent);
    await ask(newWatcher, "room:join", { roomId: target.id });
    const removed = nextEvent(oldWatcher, "thread:removed");
    const arrived = nextEvent(newWatcher, "thread:updated");

    const res = await moderate(roomMod.agent, thread.id, {
      action: "move",
      roomSlug: target.slug,
      reason: "Topik kepegawaian",
    });
    expect(res.status).toBe(200);
    expect(res.body.thread).toMatchObject({
      roomId: target.id,
      roomSlug: target.slug,
      postCount: 5,
      lastSeq: 5,
    });
    expect((await removed) as ThreadRemovedEvent).toEqual({
      threadId: thread.id,
      roomId: room.id,
      reason: "moved",
    });
    expect(((await arrived) as { thread: ThreadDto }).thread).toMatchObject({
      id: thread.id,
      roomId: target.id,
    });

    const after = (await ani.agent.get<{ posts: PostDto[] }>(`/api/threads/${thread.id}/posts`)).body.posts;
    expect(after.map((p) => [p.id, p.seq, p.body])).toEqual(before.map((p) => [p.id, p.seq, p.body]));
    expect(after.every((p) => p.roomId === target.id)).toBe(true);
    const oldList = (await ani.agent.get<{ threads: ThreadDto[] }>(`/api/rooms/${room.slug}/threads`)).body
      .threads;
    const newList = (await ani.agent.get<{ threads: ThreadDto[] }>(`/api/rooms/${target.slug}/threads`)).body
      .threads;
    expect(oldList.map((t) => t.id)).not.toContain(thread.id);
    expect(newList.map((t) => t.id)).toContain(thread.id);

    const [row] = await auditRows(thread.id, "thread.move");
    expect(row).toMatchObject({
      reason: "Topik kepegawaian",
      roomSlug: room.slug,
      after: { roomSlug: target.slug },
    });
    expect(row.roomIds.map(String)).toEqual([room.id, target.id]);
  });

  it("into a room its readers may not see: their sockets leave the thread and hear nothing more", async () => {
    const ani = await signedIn(server, "member", { verified: true });
    const thread = await makeThread(ani.actor, room.slug, { title: "Hanya untuk Jawa Tengah" });
    const reader = await signedIn(server, "member", { affiliation: { kind: "region", code: "35.10" } });
    const readerSocket = await open(reader.agent);
    await ask(readerSocket, "thread:join", { threadId: thread.id, afterSeq: 1 });
    const removed = nextEvent(readerSocket, "thread:removed");

    // Only those who moderate both rooms may move it: the room moderator does not moderate the restricted one.
    expect(
      (await moderate(roomMod.agent, thread.id, { action: "move", roomSlug: restricted.slug })).status,
    ).toBe(404);
    expect(
      (await moderate(siti.agent, thread.id, { action: "move", roomSlug: restricted.slug })).status,
    ).toBe(200);
    expect(((await removed) as ThreadRemovedEvent).reason).toBe("moved");

    const later = collect(readerSocket, "post:created");
    await reply(siti.agent, thread.id, "Rahasia provinsi");
    await sleep(200);
    expect(raw(later.items)).not.toContain("Rahasia provinsi");
    expect((await reader.agent.get(`/api/threads/${thread.id}`)).status).toBe(404);
    const rejoin = await ask(readerSocket, "thread:join", { threadId: thread.id });
    expect(rejoin).toMatchObject({ ok: false, error: { code: "NOT_FOUND" } });
  });
});

describe("pin, feature, edit", () => {
  it("pins until a date (then the sweeper unpins it, logged as the system), features into the home list, edits title and tags", async () => {
    const ani = await signedIn(server, "member", { verified: true });
    const thread = await makeThread(ani.actor, room.slug, { title: "Judul lama", tags: ["lama"] });
    const until = new Date(Date.now() + 60 * 60 * 1000).toISOString();
    const pinned = await moderate(siti.agent, thread.id, { action: "pin", until });
    expect(pinned.body.thread).toMatchObject({ pinned: true, pinnedUntil: until });
    expect(
      (
        await moderate(siti.agent, thread.id, {
          action: "pin",
          until: new Date(Date.now() - 1000).toISOString(),
        })
      ).status,
    ).toBe(400);
    const list = (await ani.agent.get<{ threads: ThreadDto[] }>(`/api/rooms/${room.slug}/threads`)).body
      .threads;
    expect(list[0].id).toBe(thread.id);

    // Time passes: the presenter already shows it unpinned, the sweeper writes it down once.
    await Thread.updateOne({ _id: thread.id }, { $set: { pinnedUntil: new Date(Date.now() - 1000) } });
    expect((await ani.agent.get<{ thread: ThreadDto }>(`/api/threads/${thread.id}`)).body.thread.pinned).toBe(
      false,
    );
    expect(await sweepExpiredPins()).toBeGreaterThanOrEqual(1);
    expect(await sweepExpiredPins()).toBe(0);
    const [sweep] = await auditRows(thread.id, "thread.unpin");
    expect(sweep).toMatchObject({ actorId: null, actorName: "Sistem" });

    expect(
      (await ani.agent.get<{ threads: ThreadDto[] }>(`/api/featured`)).body.threads.map((t) => t.id),
    ).not.toContain(thread.id);
    const featured = await moderate(roomMod.agent, thread.id, { action: "feature" });
    expect(featured.body.thread.featured).toBe(true);
    // The home page's list, as a guest sees it.
    const home = (await (await fetch(`${server.url}/api/featured`)).json()) as { threads: ThreadDto[] };
    expect(home.threads[0]).toMatchObject({ id: thread.id, featured: true });

    const edited = await moderate(roomMod.agent, thread.id, {
      action: "edit",
      title: "Judul baru yang jelas",
      tags: ["baru", "jelas"],
    });
    expect(edited.body.thread).toMatchObject({ title: "Judul baru yang jelas", tags: ["baru", "jelas"] });
    const [row] = await auditRows(thread.id, "thread.edit");
    expect(row).toMatchObject({
      before: { title: "Judul lama", tags: ["lama"] },
      after: { title: "Judul baru yang jelas", tags: ["baru", "jelas"] },
    });
    expect((await moderate(roomMod.agent, thread.id, { action: "edit" })).status).toBe(400);
    expect((await moderate(roomMod.agent, thread.id, { action: "pin", title: "x" })).status).toBe(400);
  });
});

describe("hide a thread", () => {
  it("takes it out of the room for members (404, gone from lists, readers told and removed); the author and moderators still see it", async () => {
    const ani = await signedIn(server, "member", { verified: true });
    const budi = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, room.slug, { title: "Utas bermasalah" });
    const budiSocket = await open(budi.agent);
    await ask(budiSocket, "room:join", { roomId: room.id });
    await ask(budiSocket, "thread:join", { threadId: thread.id, afterSeq: 1 });
    const heard: unknown[] = [];
    budiSocket.onAny((_e: string, p: unknown) => heard.push(p));
    const aniSocket = await open(ani.agent);
    const notice = nextEvent(aniSocket, "moderation:notice");

    expect((await moderate(siti.agent, thread.id, { action: "hide" })).status).toBe(400);
    const res = await moderate(siti.agent, thread.id, {
      action: "hide",
      reason: "Mengandung data pribadi warga",
    });
    expect(res.body.thread).toMatchObject({
      status: "hidden",
      moderation: { state: "hidden", reason: "Mengandung data pribadi warga" },
    });
    await sleep(200);
    expect(heard).toContainEqual({ threadId: thread.id, roomId: room.id, reason: "hidden" });
    expect(raw(heard)).not.toContain("data pribadi");
    expect((await budi.agent.get(`/api/threads/${thread.id}`)).status).toBe(404);
    const list = (await budi.agent.get<{ threads: ThreadDto[] }>(`/api/rooms/${room.slug}/threads`)).body
      .threads;
    expect(list.map((t) => t.id)).not.toContain(thread.id);
    expect((await ani.agent.get<{ thread: ThreadDto }>(`/api/threads/${thread.id}`)).body.thread.status).toBe(
      "hidden",
    );
    expect(((await notice) as { notice: { kind: string } }).notice.kind).toBe("thread.hidden");

    // Budi's socket left the thread: a post there does not reach him.
    heard.length = 0;
    await reply(ani.agent, thread.id, "Isi rahasia setelah disembunyikan");
    await sleep(200);
    expect(raw(heard)).not.toContain("Isi rahasia");

    const shown = await moderate(siti.agent, thread.id, { action: "unhide" });
    expect(shown.body.thread.status).toBe("published");
    expect((await budi.agent.get(`/api/threads/${thread.id}`)).status).toBe(200);
    expect((await auditRows(thread.id)).map((r) => r.action)).toEqual(["thread.hide", "thread.unhide"]);
  });

  it("a queued thread is rejected, not hidden; an approve of a published one is refused", async () => {
    const ani = await signedIn(server, "member", { verified: true });
    const thread = await makeThread(ani.actor, room.slug);
    const res = await moderate(siti.agent, thread.id, { action: "approve" });
    expect(res.status).toBe(409);
    expect(res.body).toMatchObject({ error: { code: "ILLEGAL_TRANSITION" } });
    expect(await auditRows(thread.id)).toHaveLength(0);
  });
});

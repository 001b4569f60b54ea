import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostDto, PresenceDto, ThreadDto } from "@rembuk/shared";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { connectSocket, nextEvent, type ClientSocket } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { ask, clientId, collect, makeRoom, makeThread, sleep } from "../rooms/forum.fixtures.js";

let server: TestServer;
let admin: MadeUser;
let roomSlug: string;
let roomId: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  const room = await makeRoom(admin.actor, {
    name: { id: "Inovasi Pelayanan Publik", en: "Public Service Innovation" },
  });
  roomSlug = room.slug;
  roomId = room.id;
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

describe("live posts between two real clients", () => {
  it("a REST post reaches the other client as post:created with its seq, and a thread:updated to the room", async () => {
    const ani = await signedIn(server, "member", { name: "Ani Wijaya" });
    const budi = await signedIn(server, "member", { name: "Budi Santoso" });
    const thread = await makeThread(ani.actor, roomSlug, { title: "Smart Kampung di Banyuwangi" });
    const budiSocket = await open(budi.agent);
    const joined = await ask(budiSocket, "thread:join", { threadId: thread.id, afterSeq: 1 });
    expect(joined).toMatchObject({ ok: true, data: { headSeq: 1, missed: [] } });
    expect(await ask(budiSocket, "room:join", { roomId })).toMatchObject({ ok: true });

    const created = nextEvent(budiSocket, "post:created");
    const updated = nextEvent(budiSocket, "thread:updated");
    const res = await ani.agent.post<{ post: PostDto }>(`/api/threads/${thread.id}/posts`, {
      body: "Kami mulai dari **balai desa**.",
      clientId: clientId(),
    });
    expect(res.status).toBe(201);
    expect(res.body.post).toMatchObject({ seq: 2, threadId: thread.id, author: { name: "Ani Wijaya" } });

    const event = (await created) as { post: PostDto };
    expect(event.post).toMatchObject({ id: res.body.post.id, seq: 2, threadId: thread.id });
    expect(event.post.html).toContain("<strong>balai desa</strong>");
    // Neutral broadcast: nobody else learns Ani's key or her reactions.
    expect(event.post.clientId).toBeUndefined();
    expect(event.post.myReactions).toBeUndefined();
    const upd = (await updated) as { thread: ThreadDto };
    expect(upd.thread).toMatchObject({ id: thread.id, lastSeq: 2, postCount: 2 });
    expect(upd.thread.unreadCount).toBeUndefined();
  });

  it("an invalid payload gives an error ack and no broadcast", async () => {
    const ani = await signedIn(server, "member");
    const budi = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, roomSlug);
    const aniSocket = await open(ani.agent);
    const budiSocket = await open(budi.agent);
    await ask(budiSocket, "thread:join", { threadId: thread.id });
    const seen = collect(budiSocket, "post:created");

    const empty = await ask(aniSocket, "post:create", {
      threadId: thread.id,
      body: "   ",
      clientId: clientId(),
    });
    expect(empty).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const badId = await ask(aniSocket, "post:create", {
      threadId: "nope",
      body: "Halo",
      clientId: clientId(),
    });
    expect(badId).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    const tooLong = await ask(aniSocket, "post:create", {
      threadId: thread.id,
      body: "x".repeat(20_001),
      clientId: clientId(),
    });
    expect(tooLong.ok).toBe(false);
    await sleep(200);
    expect(seen.items).toHaveLength(0);
    const posts = await ani.agent.get<{ posts: PostDto[]; headSeq: number }>(
      `/api/threads/${thread.id}/posts`,
    );
    expect(posts.body.headSeq).toBe(1);
    seen.stop();
  });

  it("a guest cannot write (REST 401, socket UNAUTHENTICATED) and nothing is broadcast", async () => {
    const ani = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, roomSlug);
    const guest = new Agent(server.url);
    const guestSocket = await open();
    const joined = await ask(guestSocket, "thread:join", { threadId: thread.id });
    expect(joined.ok).toBe(true); // guests may read public rooms
    const seen = collect(guestSocket, "post:created");

    const rest = await guest.post(`/api/threads/${thread.id}/posts`, { body: "Halo", clientId: clientId() });
    expect(rest.status).toBe(401);
    const sock = await ask(guestSocket, "post:create", {
      threadId: thread.id,
      body: "Halo",
      clientId: clientId(),
    });
    expect(sock).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    const typing = await ask(guestSocket, "typing:start", { threadId: thread.id });
    expect(typing).toMatchObject({ ok: false, error: { code: "UNAUTHENTICATED" } });
    await sleep(150);
    expect(seen.items).toHaveLength(0);
    seen.stop();
  });

  it("the same clientId over the socket gives one post", async () => {
    const ani = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, roomSlug);
    const s = await open(ani.agent);
    const key = clientId();
    const first = await ask(s, "post:create", { threadId: thread.id, body: "Sekali saja", clientId: key });
    const again = await ask(s, "post:create", { threadId: thread.id, body: "Sekali saja", clientId: key });
    expect(first.ok && again.ok).toBe(true);
    if (!first.ok || !again.ok) return;
    expect(again.data.id).toBe(first.data.id);
    expect(again.data.seq).toBe(2);
    expect(first.data.clientId).toBe(key);
    const list = await ani.agent.get<{ posts: PostDto[] }>(`/api/threads/${thread.id}/posts`);
    expect(list.body.posts.map((p) => p.seq)).toEqual([1, 2]);
  });

  it("presence: joins and disconnects reach the room as presence:changed, one entry per person", async () => {
    const ani = await signedIn(server, "member", { name: "Ani Presensi" });
    const budi = await signedIn(server, "member", { name: "Budi Presensi" });
    const room = await makeRoom(admin.actor);
    const a = await open(ani.agent);
    const first = await ask(a, "room:join", { roomId: room.id });
    expect(first.ok && first.data.presence).toMatchObject({
      scope: "room",
      id: room.id,
      count: 1,
      guests: 0,
    });

    const b1 = await open(budi.agent);
    const b2 = await open(budi.agent);
    const joined = waitPresence(a, (p) => p.count === 2);
    await ask(b1, "room:join", { roomId: room.id });
    await ask(b2, "room:join", { roomId: room.id });
    expect((await joined).users.map((u) => u.name).sort()).toEqual(["Ani Presensi", "Budi Presensi"]);

    const left = waitPresence(a, (p) => p.count === 1);
    b1.disconnect();
    b2.disconnect();
    expect((await left).users.map((u) => u.name)).toEqual(["Ani Presensi"]);
  });

  it("presence of a restricted room is not told to outsiders, even through leave", async () => {
    const room = await makeRoom(admin.actor, {
      visibility: "restricted",
      allowedAffiliations: [{ kind: "region", code: "33" }],
    });
    const outsider = await signedIn(server, "member");
    const s = await open(outsider.agent);
    expect(await ask(s, "room:leave", { roomId: room.id })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
  });
});

function waitPresence(socket: ClientSocket, match: (p: PresenceDto) => boolean): Promise<PresenceDto> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("no matching presence:changed")), 5000);
    const listener = (p: PresenceDto) => {
      if (!match(p)) return;
      clearTimeout(timer);
      socket.off("presence:changed", listener);
      resolve(p);
    };
    socket.on("presence:changed", listener);
  });
}

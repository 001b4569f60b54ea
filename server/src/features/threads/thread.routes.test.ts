import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostDto, ThreadDto } from "@rembuk/shared";
import { makeAdmin, makeMember, signedIn, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { connectSocket, nextEvent, type ClientSocket } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { createPost } from "../posts/post.service.js";
import { ask, clientId, collect, makeRoom, makeThread, sleep } from "../rooms/forum.fixtures.js";
import { Thread } from "./thread.model.js";

let server: TestServer;
let admin: MadeUser;
let room: { id: string; slug: string };
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  room = await makeRoom(admin.actor);
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
});

describe("POST /rooms/:slug/threads", () => {
  it("creates a thread whose body is post seq 1, idempotent by clientId (201 then 200)", async () => {
    const ani = await signedIn(server, "member", { name: "Ani Wijaya", title: "Bupati Banyuwangi" });
    const key = clientId();
    const body = {
      title: "Smart Kampung",
      body: "Layanan di **desa**.",
      tags: ["Desa", "desa", "layanan-publik"],
      clientId: key,
    };
    const first = await ani.agent.post<{ thread: ThreadDto }>(`/api/rooms/${room.slug}/threads`, body);
    expect(first.status).toBe(201);
    expect(first.body.thread).toMatchObject({
      roomId: room.id,
      roomSlug: room.slug,
      kind: "discussion",
      title: "Smart Kampung",
      author: { id: ani.id, name: "Ani Wijaya", title: "Bupati Banyuwangi", verified: false, role: "member" },
      tags: ["desa", "layanan-publik"],
      pinned: false,
      featured: false,
      locked: false,
      status: "published",
      lastSeq: 1,
      postCount: 1,
      replyCount: 0,
      reactionCount: 0,
      unreadCount: 0,
      lastReadSeq: 1,
    });
    expect(first.body.thread.author).not.toHaveProperty("email");
    const again = await ani.agent.post<{ thread: ThreadDto }>(`/api/rooms/${room.slug}/threads`, body);
    expect(again.status).toBe(200);
    expect(again.body.thread.id).toBe(first.body.thread.id);
    expect(await Thread.countDocuments({ authorId: ani.id })).toBe(1);
    const posts = await ani.agent.get<{ posts: PostDto[] }>(`/api/threads/${first.body.thread.id}/posts`);
    expect(posts.body.posts).toHaveLength(1);
    expect(posts.body.posts[0]).toMatchObject({ seq: 1, html: "<p>Layanan di <strong>desa</strong>.</p>\n" });
  });

  it("refuses bad input (400) and guests (401) without creating anything", async () => {
    const ani = await signedIn(server, "member");
    const before = await Thread.countDocuments();
    for (const body of [
      { title: "ab", body: "x" },
      { title: "x".repeat(201), body: "x" },
      { title: "Judul", body: "" },
      { title: "Judul", body: "x", kind: "qa-archive" },
      { title: "Judul", body: "x", tags: ["a"] },
      { title: "Judul", body: "x", clientId: "short" },
      { title: "Judul", body: "x", unknown: 1 },
    ]) {
      expect(
        (await ani.agent.post(`/api/rooms/${room.slug}/threads`, body)).status,
        JSON.stringify(body),
      ).toBe(400);
    }
    expect(
      (await new Agent(server.url).post(`/api/rooms/${room.slug}/threads`, { title: "Judul", body: "x" }))
        .status,
    ).toBe(401);
    expect((await ani.agent.post(`/api/rooms/tidak-ada/threads`, { title: "Judul", body: "x" })).status).toBe(
      404,
    );
    expect(await Thread.countDocuments()).toBe(before);
  });

  // The socket `thread:create` mirror is gone (no client sent it); the broadcast is the same from REST.
  it("a created thread goes live to the room as thread:created; an invalid one broadcasts nothing", async () => {
    const ani = await signedIn(server, "member");
    const budi = await signedIn(server, "member");
    const budiSocket = await connectSocket(server.url, budi.agent);
    sockets.push(budiSocket);
    await ask(budiSocket, "room:join", { roomId: room.id });
    const seen = collect(budiSocket, "thread:created");
    expect((await ani.agent.post(`/api/rooms/${room.slug}/threads`, { title: "x", body: "y" })).status).toBe(
      400,
    );
    await sleep(100);
    expect(seen.items).toHaveLength(0);
    seen.stop();
    const created = nextEvent(budiSocket, "thread:created");
    const res = await ani.agent.post(`/api/rooms/${room.slug}/threads`, {
      title: "Mal Pelayanan Publik",
      body: "Pelajaran tahun pertama",
    });
    expect(res.status).toBe(201);
    const event = (await created) as { thread: ThreadDto };
    expect(event.thread).toMatchObject({ title: "Mal Pelayanan Publik", lastSeq: 1 });
    expect(event.thread.unreadCount).toBeUndefined();
  });
});

describe("GET /rooms/:slug/threads", () => {
  it("pages by an opaque cursor, stable when threads are added meanwhile, per sort", async () => {
    const adm = await makeAdmin();
    const r = await makeRoom(adm.actor);
    const author = await makeMember();
    const made: ThreadDto[] = [];
    for (let i = 0; i < 7; i++)
      made.push(await makeThread(author.actor, r.slug, { title: `Utas nomor ${i}` }));
    // Replies make thread 2 the busiest and most recent; thread 5 is pinned.
    for (let i = 0; i < 3; i++)
      await createPost(author.actor, made[2].id, { body: `balas ${i}`, clientId: clientId() });
    await createPost(author.actor, made[4].id, { body: "satu", clientId: clientId() });
    await Thread.updateOne({ _id: made[5].id }, { $set: { pinned: true } });
    const guest = new Agent(server.url);
    type Page = { threads: ThreadDto[]; nextCursor: string | null };

    const all = async (sort: string, limit: number, between?: () => Promise<unknown>) => {
      const ids: string[] = [];
      let cursor: string | null = null;
      do {
        const qs: string = `sort=${sort}&limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ""}`;
        const res = await guest.get<Page>(`/api/rooms/${r.slug}/threads?${qs}`);
        expect(res.status).toBe(200);
        ids.push(...res.body.threads.map((t) => t.id));
        cursor = res.body.nextCursor;
        if (between) await between();
      } while (cursor);
      return ids;
    };

    const activity = await all("activity", 3);
    expect(activity[0]).toBe(made[5].id);
    expect(activity[1]).toBe(made[4].id);
    expect(activity[2]).toBe(made[2].id);
    expect(new Set(activity).size).toBe(7);

    const top = await all("top", 2);
    expect(top.slice(0, 2)).toEqual([made[2].id, made[4].id]);

    // New threads created while paging through "new" land before the cursor: no repeats, no skips.
    let extra = 0;
    const fresh = await all("new", 2, async () => {
      if (extra++ < 2) await makeThread(author.actor, r.slug, { title: `Baru ${extra}` });
    });
    expect(fresh).toEqual([...made].reverse().map((t) => t.id));
  });

  it("rejects forged cursors, cursors of another sort and bad queries with 400", async () => {
    const guest = new Agent(server.url);
    const page = await guest.get<{ nextCursor: string | null }>(
      `/api/rooms/${room.slug}/threads?sort=new&limit=1`,
    );
    const cursor = page.body.nextCursor;
    expect(cursor).toBeTruthy();
    expect((await guest.get(`/api/rooms/${room.slug}/threads?sort=top&cursor=${cursor}`)).status).toBe(400);
    expect((await guest.get(`/api/rooms/${room.slug}/threads?cursor=bm9wZQ`)).status).toBe(400);
    expect((await guest.get(`/api/rooms/${room.slug}/threads?sort=hot`)).status).toBe(400);
    expect((await guest.get(`/api/rooms/${room.slug}/threads?limit=1000`)).status).toBe(400);
  });

  it("lists only published threads to others; the author and moderators also see queued ones", async () => {
    const adm = await makeAdmin();
    const r = await makeRoom(adm.actor);
    const author = await signedIn(server, "member");
    const other = await signedIn(server, "member");
    const mod = await signedIn(server, "moderator");
    const visible = await makeThread(author.actor, r.slug);
    const queued = await makeThread(author.actor, r.slug);
    await Thread.updateOne({ _id: queued.id }, { $set: { status: "queued" } });
    const ids = async (agent: Agent) =>
      (await agent.get<{ threads: ThreadDto[] }>(`/api/rooms/${r.slug}/threads`)).body.threads
        .map((t) => t.id)
        .sort();
    expect(await ids(other.agent)).toEqual([visible.id]);
    expect(await ids(author.agent)).toEqual([visible.id, queued.id].sort());
    expect(await ids(mod.agent)).toEqual([visible.id, queued.id].sort());
    expect((await other.agent.get(`/api/threads/${queued.id}`)).status).toBe(404);
    expect((await author.agent.get(`/api/threads/${queued.id}`)).status).toBe(200);
  });
});

describe("GET /threads/:id and its posts", () => {
  it("400 for malformed ids, 404 for unknown ones", async () => {
    const guest = new Agent(server.url);
    for (const path of [
      "/api/threads/xyz",
      "/api/threads/xyz/posts",
      "/api/posts/123",
      "/api/posts/123/history",
    ]) {
      expect((await guest.get(path)).status, path).toBe(400);
    }
    const unknown = "64b7f0c2a1b2c3d4e5f60718";
    for (const path of [
      `/api/threads/${unknown}`,
      `/api/threads/${unknown}/posts`,
      `/api/posts/${unknown}`,
    ]) {
      expect((await guest.get(path)).status, path).toBe(404);
    }
  });

  it("pages posts forward with afterSeq and backward with beforeSeq", async () => {
    const ani = await makeMember();
    const thread = await makeThread(ani.actor, room.slug);
    for (let i = 0; i < 9; i++)
      await createPost(ani.actor, thread.id, { body: `b${i}`, clientId: clientId() });
    const guest = new Agent(server.url);
    type Page = { posts: PostDto[]; headSeq: number; hasMore: boolean };
    const first = await guest.get<Page>(`/api/threads/${thread.id}/posts?limit=4`);
    expect(first.body).toMatchObject({ headSeq: 10, hasMore: true });
    expect(first.body.posts.map((p) => p.seq)).toEqual([1, 2, 3, 4]);
    const next = await guest.get<Page>(`/api/threads/${thread.id}/posts?afterSeq=8&limit=4`);
    expect(next.body.posts.map((p) => p.seq)).toEqual([9, 10]);
    expect(next.body.hasMore).toBe(false);
    const back = await guest.get<Page>(`/api/threads/${thread.id}/posts?beforeSeq=10&limit=3`);
    expect(back.body.posts.map((p) => p.seq)).toEqual([7, 8, 9]);
    expect((await guest.get(`/api/threads/${thread.id}/posts?afterSeq=1&beforeSeq=5`)).status).toBe(400);
    expect((await guest.get(`/api/threads/${thread.id}/posts?afterSeq=-1`)).status).toBe(400);
  });
});

describe("read state", () => {
  it("marks read (REST and socket), clamps to the head, and counts others' posts as unread", async () => {
    const ani = await signedIn(server, "member");
    const budi = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, room.slug);
    for (let i = 0; i < 4; i++)
      await createPost(ani.actor, thread.id, { body: `r${i}`, clientId: clientId() });
    const get = async () =>
      (await budi.agent.get<{ thread: ThreadDto }>(`/api/threads/${thread.id}`)).body.thread;
    expect(await get()).toMatchObject({ lastReadSeq: 0, unreadCount: 5 });
    const res = await budi.agent.post<{ read: { lastReadSeq: number; unreadCount: number } }>(
      `/api/threads/${thread.id}/read`,
      { seq: 3 },
    );
    expect(res.body.read).toMatchObject({ lastReadSeq: 3, unreadCount: 2 });
    // Never backwards, never past the head.
    expect(
      (await budi.agent.post<{ read: { lastReadSeq: number } }>(`/api/threads/${thread.id}/read`, { seq: 1 }))
        .body.read.lastReadSeq,
    ).toBe(3);
    const s = await connectSocket(server.url, budi.agent);
    sockets.push(s);
    expect(await ask(s, "thread:read", { threadId: thread.id, seq: 999 })).toMatchObject({
      ok: true,
      data: { lastReadSeq: 5, unreadCount: 0 },
    });
    expect(await get()).toMatchObject({ lastReadSeq: 5, unreadCount: 0 });
    // Budi replying does not make his own post unread; Ani's next one is.
    await createPost(budi.actor, thread.id, { body: "balas", clientId: clientId() });
    await createPost(ani.actor, thread.id, { body: "lagi", clientId: clientId() });
    expect(await get()).toMatchObject({ lastReadSeq: 6, unreadCount: 1 });
    // Negative twins.
    expect((await new Agent(server.url).post(`/api/threads/${thread.id}/read`, { seq: 1 })).status).toBe(401);
    expect((await budi.agent.post(`/api/threads/${thread.id}/read`, { seq: -1 })).status).toBe(400);
    expect(await ask(s, "thread:read", { threadId: "nope", seq: 1 })).toMatchObject({
      ok: false,
      error: { code: "VALIDATION" },
    });
  });
});

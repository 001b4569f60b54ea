import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import type { PostDto, PostRevisionDto, ThreadDto } from "@rembuk/shared";
import { configureRateLimits } from "../../lib/rateLimit.js";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { connectSocket, nextEvent, type ClientSocket } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { ask, clientId, collect, makeRoom, makeThread, sleep } from "../rooms/forum.fixtures.js";
import { User } from "../users/user.model.js";
import { Thread } from "../threads/thread.model.js";
import { Post, PostRevision, Reaction } from "./post.model.js";

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

type One = { post: PostDto };
const send = (agent: Agent, threadId: string, body: string, extra: Record<string, unknown> = {}) =>
  agent.post<One>(`/api/threads/${threadId}/posts`, { body, clientId: clientId(), ...extra });

describe("replies, edits and history", () => {
  it("a reply quotes the post it answers; replyTo outside the thread is 400", async () => {
    const ani = await signedIn(server, "member", { name: "Ani" });
    const thread = await makeThread(ani.actor, room.slug, {
      body: "Kami memulai **Smart Kampung** pada 2016.",
    });
    const opening = (await ani.agent.get<{ posts: PostDto[] }>(`/api/threads/${thread.id}/posts`)).body
      .posts[0];
    const reply = await send(ani.agent, thread.id, "Menambahkan data.", { replyTo: opening.id });
    expect(reply.status).toBe(201);
    expect(reply.body.post.replyTo).toEqual({
      id: opening.id,
      seq: 1,
      author: expect.objectContaining({ name: "Ani" }),
      excerpt: "Kami memulai Smart Kampung pada 2016.",
      deleted: false,
    });
    const other = await makeThread(ani.actor, room.slug);
    expect((await send(ani.agent, other.id, "Salah utas", { replyTo: opening.id })).status).toBe(400);
    expect(
      (await send(ani.agent, other.id, "Tidak ada", { replyTo: "64b7f0c2a1b2c3d4e5f60718" })).status,
    ).toBe(400);
    expect(await Post.countDocuments({ threadId: other.id })).toBe(1);
  });

  it("the author edits (editedAt set, history kept); nobody else can; the edit goes live", async () => {
    const ani = await signedIn(server, "member");
    const budi = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, room.slug);
    const post = (await send(ani.agent, thread.id, "Versi pertama")).body.post;
    const watcher = await connectSocket(server.url, budi.agent);
    sockets.push(watcher);
    await ask(watcher, "thread:join", { threadId: thread.id, afterSeq: 2 });

    const live = nextEvent(watcher, "post:updated");
    const edited = await ani.agent.patch<One>(`/api/posts/${post.id}`, { body: "Versi **kedua**" });
    expect(edited.status).toBe(200);
    expect(edited.body.post).toMatchObject({
      id: post.id,
      seq: 2,
      body: "Versi **kedua**",
      html: "<p>Versi <strong>kedua</strong></p>\n",
    });
    expect(edited.body.post.editedAt).not.toBeNull();
    expect(((await live) as One).post.body).toBe("Versi **kedua**");
    const s = await connectSocket(server.url, ani.agent);
    sockets.push(s);
    expect(await ask(s, "post:update", { postId: post.id, body: "Versi ketiga" })).toMatchObject({
      ok: true,
      data: { body: "Versi ketiga" },
    });

    const history = await budi.agent.get<{ revisions: PostRevisionDto[] }>(`/api/posts/${post.id}/history`);
    expect(history.body.revisions.map((r) => [r.version, r.body])).toEqual([
      [1, "Versi pertama"],
      [2, "Versi **kedua**"],
    ]);

    const denied = await budi.agent.patch(`/api/posts/${post.id}`, { body: "Bukan punyaku" });
    expect(denied.status).toBe(403);
    expect((await new Agent(server.url).patch(`/api/posts/${post.id}`, { body: "x" })).status).toBe(401);
    expect((await ani.agent.patch(`/api/posts/${post.id}`, { body: "" })).status).toBe(400);
    expect(await PostRevision.countDocuments({ postId: post.id })).toBe(2);
    expect((await Post.findById(post.id).lean())?.body).toBe("Versi ketiga");
  });
});

describe("soft delete", () => {
  it("author deletes: the post keeps its seq as a tombstone, counters drop once, others see post:deleted", async () => {
    const ani = await signedIn(server, "member");
    const budi = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, room.slug);
    const post = (await send(ani.agent, thread.id, "Akan dihapus")).body.post;
    await send(ani.agent, thread.id, "Tetap ada");
    expect((await budi.agent.delete(`/api/posts/${post.id}`)).status).toBe(403);

    const watcher = await connectSocket(server.url, budi.agent);
    sockets.push(watcher);
    await ask(watcher, "thread:join", { threadId: thread.id, afterSeq: 3 });
    const live = nextEvent(watcher, "post:deleted");
    const res = await ani.agent.delete<One>(`/api/posts/${post.id}`);
    expect(res.status).toBe(200);
    expect(res.body.post).toMatchObject({ id: post.id, seq: 2, deleted: true, body: null, html: null });
    expect(await live).toEqual({ threadId: thread.id, postId: post.id, seq: 2 });
    expect((await ani.agent.delete<One>(`/api/posts/${post.id}`)).status).toBe(200); // idempotent

    const list = await budi.agent.get<{ posts: PostDto[] }>(`/api/threads/${thread.id}/posts`);
    expect(list.body.posts.map((p) => [p.seq, p.deleted])).toEqual([
      [1, false],
      [2, true],
      [3, false],
    ]);
    const t = (await budi.agent.get<{ thread: ThreadDto }>(`/api/threads/${thread.id}`)).body.thread;
    expect(t).toMatchObject({ postCount: 2, replyCount: 1, lastSeq: 3 });
    expect((await budi.agent.get(`/api/posts/${post.id}/history`)).status).toBe(404);
    expect((await ani.agent.patch(`/api/posts/${post.id}`, { body: "hidup lagi" })).status).toBe(409);
  });

  it("moderators delete others' posts over the socket", async () => {
    const ani = await signedIn(server, "member");
    const mod = await signedIn(server, "moderator");
    const thread = await makeThread(ani.actor, room.slug);
    const post = (await send(ani.agent, thread.id, "Melanggar aturan")).body.post;
    const s = await connectSocket(server.url, mod.agent);
    sockets.push(s);
    expect(await ask(s, "post:delete", { postId: post.id })).toMatchObject({
      ok: true,
      data: { deleted: true },
    });
  });
});

describe("reactions", () => {
  it("toggle on and off, set idempotently with active, and keep counts per kind", async () => {
    const ani = await signedIn(server, "member");
    const budi = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, room.slug);
    const post = (await send(ani.agent, thread.id, "Bagus?")).body.post;
    const react = (agent: Agent, body: Record<string, unknown>) =>
      agent.post<One>(`/api/posts/${post.id}/reactions`, body);

    const on = await react(budi.agent, { kind: "insightful" });
    expect(on.body.post.reactions).toEqual({ like: 0, insightful: 1, thanks: 0, agree: 0 });
    expect(on.body.post.myReactions).toEqual(["insightful"]);
    const off = await react(budi.agent, { kind: "insightful" });
    expect(off.body.post.reactions.insightful).toBe(0);
    expect(off.body.post.myReactions).toEqual([]);
    for (let i = 0; i < 3; i++) await react(budi.agent, { kind: "like", active: true });
    await react(ani.agent, { kind: "like", active: true });
    const twice = await react(budi.agent, { kind: "like", active: true });
    expect(twice.body.post.reactions.like).toBe(2);
    await Promise.all(Array.from({ length: 4 }, () => react(budi.agent, { kind: "thanks", active: true })));
    const final = (await ani.agent.get<One>(`/api/posts/${post.id}`)).body.post;
    expect(final.reactions).toEqual({ like: 2, insightful: 0, thanks: 1, agree: 0 });
    expect(final.myReactions).toEqual(["like"]);
    expect(await Reaction.countDocuments({ postId: post.id })).toBe(3);
    expect((await Thread.findById(thread.id).lean())?.reactionCount).toBe(3);

    // Negative twins.
    expect((await react(budi.agent, { kind: "love" })).status).toBe(400);
    expect((await react(new Agent(server.url), { kind: "like" })).status).toBe(401);
    const s = await connectSocket(server.url, budi.agent);
    sockets.push(s);
    const viaSocket = await ask(s, "post:react", { postId: post.id, kind: "agree" });
    expect(viaSocket.ok && [...(viaSocket.data.myReactions ?? [])].sort()).toEqual([
      "agree",
      "like",
      "thanks",
    ]);
  });
});

describe("write limits", () => {
  afterEach(() => configureRateLimits(null, { register: 10_000, write: 10_000 }));

  it("slow mode: one post per interval per user per room (429 SLOW_MODE with Retry-After); moderators exempt", async () => {
    const slow = await makeRoom(admin.actor, { slowModeSeconds: 60 });
    const ani = await signedIn(server, "member");
    const mod = await signedIn(server, "moderator");
    const thread = await makeThread(admin.actor, slow.slug);
    expect((await send(ani.agent, thread.id, "Pertama")).status).toBe(201);
    const second = await send(ani.agent, thread.id, "Kedua");
    expect(second.status).toBe(429);
    expect(second.body).toMatchObject({
      error: { code: "SLOW_MODE", details: { retryAfterSeconds: expect.any(Number) } },
    });
    expect(Number(second.headers.get("retry-after"))).toBeGreaterThan(50);
    const s = await connectSocket(server.url, ani.agent);
    sockets.push(s);
    expect(
      await ask(s, "post:create", { threadId: thread.id, body: "Lewat soket", clientId: clientId() }),
    ).toMatchObject({
      ok: false,
      error: { code: "SLOW_MODE" },
    });
    expect(
      (await ani.agent.post(`/api/rooms/${slow.slug}/threads`, { title: "Utas baru", body: "x" })).status,
    ).toBe(429);
    expect(await Post.countDocuments({ threadId: thread.id })).toBe(2);
    expect((await Thread.findById(thread.id).lean())?.lastSeq).toBe(2); // refused posts take no number
    expect((await send(mod.agent, thread.id, "Moderator")).status).toBe(201);
    expect((await send(mod.agent, thread.id, "Moderator lagi")).status).toBe(201);
  });

  it("under slow mode, a retry of an accepted post answers the original (200), not 429", async () => {
    const slow = await makeRoom(admin.actor, { slowModeSeconds: 60 });
    const ani = await signedIn(server, "member");
    const thread = await makeThread(admin.actor, slow.slug);
    const key = clientId();
    const first = await ani.agent.post<One>(`/api/threads/${thread.id}/posts`, {
      body: "Sekali",
      clientId: key,
    });
    const retry = await ani.agent.post<One>(`/api/threads/${thread.id}/posts`, {
      body: "Sekali",
      clientId: key,
    });
    expect([first.status, retry.status]).toEqual([201, 200]);
    expect(retry.body.post.id).toBe(first.body.post.id);
  });

  it("per-user write rate limit: 429 RATE_LIMITED over REST and socket alike", async () => {
    const ani = await signedIn(server, "member");
    const thread = await makeThread(admin.actor, room.slug);
    configureRateLimits(null, { register: 10_000, write: 3 });
    const codes: number[] = [];
    for (let i = 0; i < 4; i++) codes.push((await send(ani.agent, thread.id, `pesan ${i}`)).status);
    expect(codes).toEqual([201, 201, 201, 429]);
    const limited = await send(ani.agent, thread.id, "lagi");
    expect(limited.body).toMatchObject({
      error: { code: "RATE_LIMITED", details: { retryAfterSeconds: expect.any(Number) } },
    });
    expect(limited.headers.get("retry-after")).toBeTruthy();
    const s = await connectSocket(server.url, ani.agent);
    sockets.push(s);
    expect(
      await ask(s, "post:create", { threadId: thread.id, body: "soket", clientId: clientId() }),
    ).toMatchObject({
      ok: false,
      error: { code: "RATE_LIMITED" },
    });
    expect(await Post.countDocuments({ threadId: thread.id })).toBe(4);
  });

  it("locked threads refuse posts (409 LOCKED) except from moderators; suspended users get 403 SUSPENDED", async () => {
    const ani = await signedIn(server, "member");
    const mod = await signedIn(server, "moderator");
    const thread = await makeThread(admin.actor, room.slug);
    await Thread.updateOne({ _id: thread.id }, { $set: { locked: true } });
    const locked = await send(ani.agent, thread.id, "Terkunci?");
    expect(locked.status).toBe(409);
    expect(locked.body).toMatchObject({ error: { code: "LOCKED" } });
    expect((await send(mod.agent, thread.id, "Catatan moderator")).status).toBe(201);
    await Thread.updateOne({ _id: thread.id }, { $set: { locked: false } });

    await User.updateOne(
      { _id: ani.id },
      { $set: { suspendedUntil: new Date(Date.now() + 3600_000), suspendReason: "Uji" } },
    );
    const suspended = await send(ani.agent, thread.id, "Masih bisa?");
    expect(suspended.status).toBe(403);
    expect(suspended.body).toMatchObject({ error: { code: "SUSPENDED" } });
    expect((await Thread.findById(thread.id).lean())?.lastSeq).toBe(2);
  });
});

describe("typing", () => {
  it("relays typing to others in the thread, not the sender, at most once per 2 s", async () => {
    const ani = await signedIn(server, "member", { name: "Ani" });
    const budi = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, room.slug);
    const a = await connectSocket(server.url, ani.agent);
    const b = await connectSocket(server.url, budi.agent);
    sockets.push(a, b);
    expect(await ask(a, "typing:start", { threadId: thread.id })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    await ask(a, "thread:join", { threadId: thread.id });
    await ask(b, "thread:join", { threadId: thread.id });
    const seenByB = collect(b, "typing");
    const seenByA = collect(a, "typing");
    expect(await ask(a, "typing:start", { threadId: thread.id })).toMatchObject({
      ok: true,
      data: { relayed: true },
    });
    expect(await ask(a, "typing:start", { threadId: thread.id })).toMatchObject({
      ok: true,
      data: { relayed: false },
    });
    await sleep(150);
    expect(seenByB.items).toEqual([
      { threadId: thread.id, user: expect.objectContaining({ id: ani.id, name: "Ani" }) },
    ]);
    expect(seenByA.items).toHaveLength(0);
  });
});

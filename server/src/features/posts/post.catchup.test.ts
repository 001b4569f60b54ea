import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostDto } from "@rembuk/shared";
import { makeAdmin, makeMember, signedIn, type MadeUser } from "../../test/factories.js";
import { connectSocket, type ClientSocket } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { ask, clientId, collect, makeRoom, makeThread, sleep } from "../rooms/forum.fixtures.js";
import { loadVisibleThread } from "../threads/thread.loader.js";
import { Post } from "./post.model.js";
import { catchUp, createPost } from "./post.service.js";

let server: TestServer;
let admin: MadeUser;
let roomSlug: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  roomSlug = (await makeRoom(admin.actor)).slug;
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
});

describe("reconnect catch-up", () => {
  it("a client that rejoins with its last seq receives exactly the 50 posts it missed, in order, once", async () => {
    const ani = await signedIn(server, "member");
    const budi = await signedIn(server, "member");
    const thread = await makeThread(budi.actor, roomSlug);

    const first = await connectSocket(server.url, ani.agent);
    const joined = await ask(first, "thread:join", { threadId: thread.id });
    expect(joined.ok).toBe(true);
    const lastSeen = joined.ok ? joined.data.headSeq : -1;
    expect(lastSeen).toBe(1);
    first.disconnect();

    // Written through the service: the same function REST and sockets call, without 50 HTTP round trips.
    const written: PostDto[] = [];
    for (let i = 1; i <= 50; i++) {
      written.push(
        (await createPost(budi.actor, thread.id, { body: `Kabar ke-${i}`, clientId: clientId() })).post,
      );
    }

    const again = await connectSocket(server.url, ani.agent);
    sockets.push(again);
    const live = collect(again, "post:created");
    const rejoined = await ask(again, "thread:join", { threadId: thread.id, afterSeq: lastSeen });
    expect(rejoined.ok).toBe(true);
    if (!rejoined.ok) return;
    expect(rejoined.data.headSeq).toBe(51);
    expect(rejoined.data.missed.map((p) => p.seq)).toEqual(written.map((p) => p.seq));
    expect(rejoined.data.missed.map((p) => p.body)).toEqual(written.map((_, i) => `Kabar ke-${i + 1}`));
    expect(new Set(rejoined.data.missed.map((p) => p.id)).size).toBe(50);
    await sleep(200);
    expect(live.items).toHaveLength(0); // nothing arrives twice
    live.stop();

    // Negative twin: already up to date → nothing missed.
    const upToDate = await ask(again, "thread:join", { threadId: thread.id, afterSeq: 51 });
    expect(upToDate.ok && upToDate.data.missed).toEqual([]);
  });

  it("pages internally: every missed post comes back whatever the page size", async () => {
    const ani = await makeMember();
    const thread = await makeThread(ani.actor, roomSlug);
    for (let i = 0; i < 23; i++)
      await createPost(ani.actor, thread.id, { body: `p${i}`, clientId: clientId() });
    const { thread: t, room } = await loadVisibleThread(ani.actor, thread.id);
    const { headSeq, missed } = await catchUp(ani.actor, t, room, 3, { pageSize: 5 });
    expect(headSeq).toBe(24);
    expect(missed.map((p) => p.seq)).toEqual(Array.from({ length: 21 }, (_, i) => i + 4));
  });

  it("without afterSeq a join gets only the latest posts (a first visit); hidden posts reach others as placeholders", async () => {
    const ani = await makeMember();
    const budi = await makeMember();
    const thread = await makeThread(ani.actor, roomSlug);
    for (let i = 0; i < 12; i++)
      await createPost(ani.actor, thread.id, { body: `q${i}`, clientId: clientId() });
    const { thread: t, room } = await loadVisibleThread(budi.actor, thread.id);
    const latest = await catchUp(budi.actor, t, room, undefined, { latest: 5 });
    expect(latest.missed.map((p) => p.seq)).toEqual([9, 10, 11, 12, 13]);

    await Post.updateOne({ threadId: t._id, seq: 10 }, { $set: { status: "hidden" } });
    // The hidden post keeps its place (numbering stays gapless) but reaches Budi without its text.
    const forBudi = await catchUp(budi.actor, t, room, 8);
    expect(forBudi.missed.map((p) => p.seq).slice(0, 3)).toEqual([9, 10, 11]);
    expect(forBudi.missed[1]).toMatchObject({
      seq: 10,
      status: "hidden",
      body: null,
      html: null,
      mentions: [],
    });
    expect(JSON.stringify(forBudi.missed)).not.toContain('q8"');
    const forAni = await catchUp(ani.actor, t, room, 8);
    expect(forAni.missed[1]).toMatchObject({ seq: 10, status: "hidden", body: "q8" });
  });
});

describe("idempotent sends", () => {
  it("the same clientId twice over REST gives one post: 201 then 200 with the same post", async () => {
    const ani = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, roomSlug);
    const key = clientId();
    const first = await ani.agent.post<{ post: PostDto }>(`/api/threads/${thread.id}/posts`, {
      body: "Sekali",
      clientId: key,
    });
    const second = await ani.agent.post<{ post: PostDto }>(`/api/threads/${thread.id}/posts`, {
      body: "Sekali",
      clientId: key,
    });
    expect(first.status).toBe(201);
    expect(second.status).toBe(200);
    expect(second.body.post.id).toBe(first.body.post.id);
    expect(await Post.countDocuments({ threadId: thread.id })).toBe(2);
    const t = await ani.agent.get<{ thread: { lastSeq: number; postCount: number } }>(
      `/api/threads/${thread.id}`,
    );
    expect(t.body.thread).toMatchObject({ lastSeq: 2, postCount: 2 });
  });

  it("concurrent sends with one clientId still make one post and leave no gap", async () => {
    const ani = await makeMember();
    const thread = await makeThread(ani.actor, roomSlug);
    const key = clientId();
    const results = await Promise.all(
      Array.from({ length: 5 }, () => createPost(ani.actor, thread.id, { body: "Balapan", clientId: key })),
    );
    expect(new Set(results.map((r) => r.post.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    const next = await createPost(ani.actor, thread.id, { body: "Sesudahnya", clientId: clientId() });
    expect(next.post.seq).toBe(3);
  });

  it("a clientId reused in another thread is a conflict, not a silent duplicate", async () => {
    const ani = await signedIn(server, "member");
    const t1 = await makeThread(ani.actor, roomSlug);
    const t2 = await makeThread(ani.actor, roomSlug);
    const key = clientId();
    expect((await ani.agent.post(`/api/threads/${t1.id}/posts`, { body: "a", clientId: key })).status).toBe(
      201,
    );
    const res = await ani.agent.post(`/api/threads/${t2.id}/posts`, { body: "b", clientId: key });
    expect(res.status).toBe(409);
    expect(await Post.countDocuments({ threadId: t2.id })).toBe(1);
  });
});

describe("concurrency", () => {
  it("200 concurrent posts from 10 clients get consecutive seqs with no gap and no repeat", async () => {
    const thread = await makeThread(admin.actor, roomSlug);
    const clients = await Promise.all(Array.from({ length: 10 }, () => signedIn(server, "member")));
    const socks = await Promise.all(clients.map((c) => connectSocket(server.url, c.agent)));
    sockets.push(...socks);
    const acks = await Promise.all(
      socks.flatMap((s, i) =>
        Array.from({ length: 20 }, (_, j) =>
          ask(
            s,
            "post:create",
            { threadId: thread.id, body: `klien ${i} pesan ${j}`, clientId: clientId() },
            20_000,
          ),
        ),
      ),
    );
    expect(acks.every((a) => a.ok)).toBe(true);
    const seqs = acks.flatMap((a) => (a.ok ? [a.data.seq] : [])).sort((a, b) => a - b);
    // The opening post is seq 1; the 200 replies are 2…201.
    expect(seqs).toEqual(Array.from({ length: 200 }, (_, i) => i + 2));
    const stored = await Post.find({ threadId: thread.id }, { seq: 1 }).sort({ seq: 1 }).lean();
    expect(stored.map((p) => p.seq)).toEqual(Array.from({ length: 201 }, (_, i) => i + 1));
    const head = await ask(socks[0], "thread:join", { threadId: thread.id, afterSeq: 201 });
    expect(head.ok && head.data.headSeq).toBe(201);
    const t = await clients[0].agent.get<{ thread: { postCount: number; replyCount: number } }>(
      `/api/threads/${thread.id}`,
    );
    expect(t.body.thread).toMatchObject({ postCount: 201, replyCount: 200 });
  }, 60_000);
});

describe("restricted rooms over sockets", () => {
  it("outsiders cannot join a restricted room or its threads (NOT_FOUND), insiders can", async () => {
    const room = await makeRoom(admin.actor, {
      visibility: "restricted",
      allowedAffiliations: [{ kind: "region", code: "33" }],
    });
    const insider = await signedIn(server, "member", {
      affiliation: { kind: "region", code: "33.74" },
      verified: true,
    });
    const outsider = await signedIn(server, "member", { affiliation: { kind: "region", code: "35.78" } });
    const thread = await makeThread(insider.actor, room.slug);

    const out = await connectSocket(server.url, outsider.agent);
    const guest = await connectSocket(server.url);
    const inside = await connectSocket(server.url, insider.agent);
    sockets.push(out, guest, inside);
    for (const s of [out, guest]) {
      expect(await ask(s, "room:join", { roomId: room.id })).toMatchObject({
        ok: false,
        error: { code: "NOT_FOUND" },
      });
      expect(await ask(s, "thread:join", { threadId: thread.id, afterSeq: 0 })).toMatchObject({
        ok: false,
        error: { code: "NOT_FOUND" },
      });
    }
    const seen = collect(out, "post:created");
    const seenThreads = collect(out, "thread:created");
    expect(await ask(inside, "room:join", { roomId: room.id })).toMatchObject({ ok: true });
    const joined = await ask(inside, "thread:join", { threadId: thread.id, afterSeq: 0 });
    expect(joined.ok && joined.data.missed.map((p) => p.seq)).toEqual([1]);
    await createPost(insider.actor, thread.id, { body: "Rahasia dapur", clientId: clientId() });
    await makeThread(insider.actor, room.slug);
    await sleep(200);
    expect(seen.items).toHaveLength(0);
    expect(seenThreads.items).toHaveLength(0);

    // An admin taking the room's audience away evicts live sockets at once.
    const kicked = collect(inside, "post:created");
    const res = await (
      await signedIn(server, "admin")
    ).agent.patch(`/api/rooms/${room.slug}`, {
      allowedAffiliations: [{ kind: "region", code: "34" }],
    });
    expect(res.status).toBe(200);
    await createPost(admin.actor, thread.id, { body: "Sesudah perubahan", clientId: clientId() });
    await sleep(200);
    expect(kicked.items).toHaveLength(0);
  });
});

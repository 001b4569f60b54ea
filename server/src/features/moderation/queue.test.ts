import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type {
  ModNoticeDto,
  PostDto,
  PostRevisionDto,
  QueueItemDto,
  RoomDto,
  ThreadDto,
  ThreadJoinResult,
  UnqueuedEvent,
} from "@rembuk/shared";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import { connectSocket, nextEvent, type ClientSocket } from "../../test/socket.js";
import type { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { makePractice } from "../practices/practice.fixtures.js";
import { ask, clientId, collect, makeRoom, makeThread, sleep } from "../rooms/forum.fixtures.js";
import { auditDelta, auditRows, raw } from "./test/fixtures.js";

let server: TestServer;
let admin: MadeUser;
let room: RoomDto;
let otherRoom: RoomDto;
let roomMod: Awaited<ReturnType<typeof signedIn>>;
let otherRoomMod: Awaited<ReturnType<typeof signedIn>>;
let siti: Awaited<ReturnType<typeof signedIn>>;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  roomMod = await signedIn(server, "member", { name: "Moderator Ruang" });
  otherRoomMod = await signedIn(server, "member", { name: "Moderator Ruang Lain" });
  siti = await signedIn(server, "moderator", { name: "Siti Rahmawati" });
  room = await makeRoom(admin.actor, { preModerated: true, moderators: [roomMod.id] });
  otherRoom = await makeRoom(admin.actor, { moderators: [otherRoomMod.id] });
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

const verified = () => signedIn(server, "member", { verified: true, name: "Budi Santoso" });
const unverified = () => signedIn(server, "member", { verified: false, name: "Ani Wijaya" });
const reply = (agent: Agent, threadId: string, body: string) =>
  agent.post<{ post: PostDto }>(`/api/threads/${threadId}/posts`, { body, clientId: clientId() });

describe("a queued reply", () => {
  it("is absent for others everywhere (REST, catch-up, counts, events) until approved, then arrives live with the next seq", async () => {
    const budi = await verified();
    const ani = await unverified();
    const thread = await makeThread(budi.actor, room.slug, { title: "Pelayanan adminduk di desa" });
    expect(thread.status).toBe("published");
    expect((await reply(budi.agent, thread.id, "Balasan pertama")).body.post.seq).toBe(2);

    const budiSocket = await open(budi.agent);
    await ask(budiSocket, "thread:join", { threadId: thread.id, afterSeq: 2 });
    await ask(budiSocket, "room:join", { roomId: room.id });
    const seenByBudi = collect(budiSocket, "post:created");
    const everythingBudi: unknown[] = [];
    budiSocket.onAny((_event: string, payload: unknown) => everythingBudi.push(payload));
    const sitiSocket = await open(siti.agent);
    const roomModSocket = await open(roomMod.agent);
    const outsiderSocket = await open(otherRoomMod.agent);
    // The room moderator's socket joined `mod:<roomId>` at connection; give it the round trip.
    await ask(roomModSocket, "moderation:join", {});
    const outsiderQueue = collect(outsiderSocket, "moderation:queued");
    const queuedForSiti = nextEvent(sitiSocket, "moderation:queued");
    const queuedForRoomMod = nextEvent(roomModSocket, "moderation:queued");

    const sent = await reply(ani.agent, thread.id, "Usulan saya: **loket keliling** tiap Selasa.");
    expect(sent.status).toBe(201);
    const queued = sent.body.post;
    expect(queued).toMatchObject({ status: "queued", seq: 0, moderation: { state: "queued", reason: null } });

    // The room's moderators see it queue up live: the global one and the room's own; not other rooms'.
    for (const event of [
      (await queuedForSiti) as { item: QueueItemDto },
      (await queuedForRoomMod) as { item: QueueItemDto },
    ]) {
      expect(event.item).toMatchObject({ targetType: "post", id: queued.id, roomSlug: room.slug });
      expect(event.item.post.body).toContain("loket keliling");
    }

    // For Budi it does not exist: not in pages, catch-up, counts, by id, or in any event he received.
    const page = await budi.agent.get<{ posts: PostDto[]; headSeq: number }>(
      `/api/threads/${thread.id}/posts`,
    );
    expect(page.body.posts.map((p) => p.id)).not.toContain(queued.id);
    expect(page.body.headSeq).toBe(2);
    expect((await budi.agent.get(`/api/posts/${queued.id}`)).status).toBe(404);
    expect(
      (await budi.agent.get<{ posts: PostDto[] }>(`/api/threads/${thread.id}/queued`)).body.posts,
    ).toEqual([]);
    const one = (await budi.agent.get<{ thread: ThreadDto }>(`/api/threads/${thread.id}`)).body.thread;
    expect(one).toMatchObject({ lastSeq: 2, postCount: 2, replyCount: 1 });
    const list = (await budi.agent.get<{ threads: ThreadDto[] }>(`/api/rooms/${room.slug}/threads`)).body
      .threads;
    expect(list.find((t) => t.id === thread.id)).toMatchObject({ postCount: 2, lastSeq: 2 });
    const rejoin = (await ask(budiSocket, "thread:join", { threadId: thread.id, afterSeq: 0 })) as {
      ok: true;
      data: ThreadJoinResult;
    };
    expect(rejoin.data.missed.map((p) => p.seq)).toEqual([1, 2]);
    await sleep(150);
    expect(raw(everythingBudi, rejoin.data, page.body)).not.toContain(queued.id);
    expect(raw(everythingBudi)).not.toContain("loket keliling");
    expect(outsiderQueue.items).toHaveLength(0);

    // Ani sees it waiting, with its state.
    const mine = (await ani.agent.get<{ posts: PostDto[] }>(`/api/threads/${thread.id}/queued`)).body.posts;
    expect(mine).toEqual([
      expect.objectContaining({ id: queued.id, moderation: expect.objectContaining({ state: "queued" }) }),
    ]);

    // Numbers keep flowing while it waits: the queued post took none.
    expect((await reply(budi.agent, thread.id, "Balasan kedua")).body.post.seq).toBe(3);

    // The room moderator fixes a typo and approves: it takes seq 4 and arrives live like any post.
    const aniSocket = await open(ani.agent);
    const notice = nextEvent(aniSocket, "moderation:notice");
    const unqueued = nextEvent(sitiSocket, "moderation:unqueued");
    const arrived = nextEvent(budiSocket, "post:created");
    const threadUpdated = nextEvent(budiSocket, "thread:updated");
    let approved!: { status: number; body: { post: PostDto } };
    const rows = await auditDelta(queued.id, async () => {
      approved = await roomMod.agent.post<{ post: PostDto }>(`/api/posts/${queued.id}/moderate`, {
        action: "approve",
        body: "Usulan saya: **loket keliling** setiap Selasa.",
      });
    });
    expect(approved.status).toBe(200);
    expect(approved.body.post).toMatchObject({ id: queued.id, seq: 4, status: "published" });
    expect(rows).toBe(1);
    const live = (await arrived) as { post: PostDto };
    expect(live.post).toMatchObject({ id: queued.id, seq: 4, status: "published" });
    expect(live.post.html).toContain("setiap Selasa");
    expect(live.post.moderation).toBeUndefined();
    expect(((await threadUpdated) as { thread: ThreadDto }).thread).toMatchObject({
      lastSeq: 4,
      postCount: 4,
      replyCount: 3,
    });
    expect((await unqueued) as UnqueuedEvent).toMatchObject({ id: queued.id, outcome: "approved" });
    expect(((await notice) as { notice: ModNoticeDto }).notice).toMatchObject({
      kind: "post.approved",
      targetId: queued.id,
      threadId: thread.id,
    });
    expect(seenByBudi.items.filter((e) => (e as { post: PostDto }).post.id === queued.id)).toHaveLength(1);

    const [row] = await auditRows(queued.id, "post.approve");
    expect(row).toMatchObject({
      actorName: "Moderator Ruang",
      roomSlug: room.slug,
      before: { status: "queued" },
      after: { status: "published", seq: 4 },
    });
    expect(String(row.before?.body)).toContain("tiap Selasa");
    // Ani's own words stay in the history.
    const history = await ani.agent.get<{ revisions: PostRevisionDto[] }>(`/api/posts/${queued.id}/history`);
    expect(history.body.revisions[0].body).toContain("tiap Selasa");

    // Approving twice is refused and logs nothing.
    const again = await auditDelta(queued.id, async () => {
      const res = await siti.agent.post(`/api/posts/${queued.id}/moderate`, { action: "approve" });
      expect(res.status).toBe(409);
      expect(res.body).toMatchObject({ error: { code: "ILLEGAL_TRANSITION" } });
    });
    expect(again).toBe(0);
  });

  it("rejected with a reason the author is told; it never appears and keeps no number", async () => {
    const budi = await verified();
    const ani = await unverified();
    const thread = await makeThread(budi.actor, room.slug);
    const queued = (await reply(ani.agent, thread.id, "Iklan jasa percetakan murah")).body.post;
    const aniSocket = await open(ani.agent);

    const noReason = await siti.agent.post(`/api/posts/${queued.id}/moderate`, { action: "reject" });
    expect(noReason.status).toBe(400);
    expect(noReason.body).toMatchObject({ error: { code: "VALIDATION" } });

    const notice = nextEvent(aniSocket, "moderation:notice");
    const rows = await auditDelta(queued.id, async () => {
      const res = await siti.agent.post<{ post: PostDto }>(`/api/posts/${queued.id}/moderate`, {
        action: "reject",
        reason: "Promosi komersial",
      });
      expect(res.status).toBe(200);
      expect(res.body.post).toMatchObject({ id: queued.id, status: "hidden", seq: 0 });
    });
    expect(rows).toBe(1);
    expect(((await notice) as { notice: ModNoticeDto }).notice).toMatchObject({
      kind: "post.rejected",
      reason: "Promosi komersial",
    });
    const mine = (await ani.agent.get<{ posts: PostDto[] }>(`/api/threads/${thread.id}/queued`)).body.posts;
    expect(mine[0]).toMatchObject({
      id: queued.id,
      moderation: { state: "rejected", reason: "Promosi komersial" },
    });
    expect((await budi.agent.get(`/api/posts/${queued.id}`)).status).toBe(404);
    expect(
      (await budi.agent.get<{ thread: ThreadDto }>(`/api/threads/${thread.id}`)).body.thread.lastSeq,
    ).toBe(1);
    expect((await siti.agent.post(`/api/posts/${queued.id}/moderate`, { action: "approve" })).status).toBe(
      409,
    );
  });

  it("its author can fix it while it waits; the moderators' queue shows the new text", async () => {
    const budi = await verified();
    const ani = await unverified();
    const thread = await makeThread(budi.actor, room.slug);
    const queued = (await reply(ani.agent, thread.id, "Versi salah ketik")).body.post;
    const sitiSocket = await open(siti.agent);
    const update = nextEvent(sitiSocket, "moderation:queued");
    const edited = await ani.agent.patch<{ post: PostDto }>(`/api/posts/${queued.id}`, {
      body: "Versi yang benar",
    });
    expect(edited.status).toBe(200);
    expect(((await update) as { item: QueueItemDto }).item.post.body).toBe("Versi yang benar");
  });
});

describe("a queued thread", () => {
  it("exists only for its author and moderators, then is approved (with a better title) into the room live", async () => {
    const budi = await verified();
    const ani = await unverified();
    const created = await ani.agent.post<{ thread: ThreadDto }>(`/api/rooms/${room.slug}/threads`, {
      title: "pelayanan kk",
      body: "Bagaimana mempercepat **kartu keluarga**?",
      clientId: clientId(),
    });
    expect(created.status).toBe(201);
    const thread = created.body.thread;
    expect(thread).toMatchObject({ status: "queued", moderation: { state: "queued" } });

    expect((await budi.agent.get(`/api/threads/${thread.id}`)).status).toBe(404);
    const budiList = (await budi.agent.get<{ threads: ThreadDto[] }>(`/api/rooms/${room.slug}/threads`)).body
      .threads;
    expect(budiList.map((t) => t.id)).not.toContain(thread.id);
    const roomForBudi = (await budi.agent.get<{ room: RoomDto }>(`/api/rooms/${room.slug}`)).body.room;
    const roomForAni = (await ani.agent.get<{ room: RoomDto }>(`/api/rooms/${room.slug}`)).body.room;
    expect(roomForAni.threadCount).toBe(roomForBudi.threadCount + 1);

    const queue = await roomMod.agent.get<{ items: QueueItemDto[] }>(`/api/moderation/queue`);
    expect(queue.status).toBe(200);
    expect(queue.body.items.find((i) => i.id === thread.id)).toMatchObject({
      targetType: "thread",
      post: { seq: 1 },
    });
    // Another room's moderator has nothing here and may not decide it.
    const outsiderQueue = await otherRoomMod.agent.get<{ items: QueueItemDto[] }>(`/api/moderation/queue`);
    expect(outsiderQueue.body.items.map((i) => i.id)).not.toContain(thread.id);
    expect(
      (await otherRoomMod.agent.post(`/api/threads/${thread.id}/moderate`, { action: "approve" })).status,
    ).toBe(404);
    expect((await budi.agent.get(`/api/moderation/queue`)).status).toBe(403);

    const budiSocket = await open(budi.agent);
    await ask(budiSocket, "room:join", { roomId: room.id });
    const arrived = nextEvent(budiSocket, "thread:created");
    const rows = await auditDelta(thread.id, async () => {
      const res = await roomMod.agent.post<{ thread: ThreadDto }>(`/api/threads/${thread.id}/moderate`, {
        action: "approve",
        title: "Mempercepat layanan kartu keluarga",
        tags: ["adminduk"],
      });
      expect(res.status).toBe(200);
      expect(res.body.thread).toMatchObject({
        status: "published",
        title: "Mempercepat layanan kartu keluarga",
        postCount: 1,
      });
    });
    expect(rows).toBe(1);
    expect(((await arrived) as { thread: ThreadDto }).thread).toMatchObject({
      id: thread.id,
      status: "published",
      tags: ["adminduk"],
    });
    const [row] = await auditRows(thread.id, "thread.approve");
    expect(row).toMatchObject({
      before: { status: "queued", title: "pelayanan kk" },
      after: { status: "published", title: "Mempercepat layanan kartu keluarga" },
    });
    const posts = (await budi.agent.get<{ posts: PostDto[] }>(`/api/threads/${thread.id}/posts`)).body.posts;
    expect(posts).toEqual([expect.objectContaining({ seq: 1, status: "published" })]);
  });

  it("a practice by an unverified author waits even outside pre-moderated rooms; a verified leader's does not", async () => {
    const ani = await unverified();
    const leader = await verified();
    const waiting = await makePractice(ani.actor, otherRoom.slug);
    expect(waiting.status).toBe("queued");
    const published = await makePractice(leader.actor, otherRoom.slug);
    expect(published.status).toBe("published");
    const queue = await otherRoomMod.agent.get<{ items: QueueItemDto[] }>(`/api/moderation/queue`);
    expect(queue.body.items.map((i) => i.id)).toContain(waiting.id);
    // Plain discussions outside pre-moderated rooms are published at once.
    expect((await makeThread(ani.actor, otherRoom.slug)).status).toBe("published");
  });
});

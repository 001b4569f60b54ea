import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostDto, RoomDto, ThreadDto, ThreadJoinResult } from "@rembuk/shared";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import { connectSocket, nextEvent, type ClientSocket } from "../../test/socket.js";
import type { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { ask, clientId, makeRoom, makeThread, sleep } from "../rooms/forum.fixtures.js";
import { auditDelta, auditRows, raw } from "./test/fixtures.js";

let server: TestServer;
let admin: MadeUser;
let room: RoomDto;
let roomMod: Awaited<ReturnType<typeof signedIn>>;
let siti: Awaited<ReturnType<typeof signedIn>>;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  roomMod = await signedIn(server, "member", { name: "Moderator Ruang" });
  siti = await signedIn(server, "moderator", { name: "Siti Rahmawati" });
  room = await makeRoom(admin.actor, { moderators: [roomMod.id] });
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

const SECRET = "Nomor NIK warga 3373012345678901";
const moderate = (agent: Agent, postId: string, input: Record<string, unknown>) =>
  agent.post<{ post: PostDto }>(`/api/posts/${postId}/moderate`, input);
const reply = (agent: Agent, threadId: string, body: string, extra: Record<string, unknown> = {}) =>
  agent.post<{ post: PostDto }>(`/api/threads/${threadId}/posts`, { body, clientId: clientId(), ...extra });

/** A thread with a post by Ani carrying SECRET, Budi reading it live, a guest reading it live. */
async function scene() {
  const ani = await signedIn(server, "member", { name: "Ani Wijaya" });
  const budi = await signedIn(server, "member", { name: "Budi Santoso" });
  const thread = await makeThread(ani.actor, room.slug);
  const target = (await reply(ani.agent, thread.id, `Data: ${SECRET}`)).body.post;
  const budiSocket = await open(budi.agent);
  await ask(budiSocket, "thread:join", { threadId: thread.id, afterSeq: 2 });
  await ask(budiSocket, "room:join", { roomId: room.id });
  const guestSocket = await open();
  await ask(guestSocket, "thread:join", { threadId: thread.id, afterSeq: 2 });
  const aniSocket = await open(ani.agent);
  await ask(aniSocket, "thread:join", { threadId: thread.id, afterSeq: 2 });
  const heardByBudi: unknown[] = [];
  const heardByGuest: unknown[] = [];
  budiSocket.onAny((_e: string, p: unknown) => heardByBudi.push(p));
  guestSocket.onAny((_e: string, p: unknown) => heardByGuest.push(p));
  return { ani, budi, thread, target, budiSocket, guestSocket, aniSocket, heardByBudi, heardByGuest };
}

describe("hide and unhide", () => {
  it("hidden content never reaches a member or guest through any endpoint or event; the author and moderators see it", async () => {
    const s = await scene();
    // Budi replies quoting it before it is hidden.
    const quoting = (await reply(s.budi.agent, s.thread.id, "Menanggapi", { replyTo: s.target.id })).body
      .post;
    const modSocket = await open(siti.agent);
    await ask(modSocket, "thread:join", { threadId: s.thread.id, afterSeq: 3 });
    const budiSeesPlaceholder = nextEvent(s.budiSocket, "post:updated");
    const aniSeesText = new Promise<PostDto[]>((resolve) => {
      const got: PostDto[] = [];
      s.aniSocket.on("post:updated", ({ post }) => {
        if (post.id !== s.target.id) return;
        got.push(post);
        if (got.length === 2) resolve(got);
      });
    });

    // Everything heard from the moment it is hidden (Budi's reply quoted it while it was public).
    s.heardByBudi.length = 0;
    s.heardByGuest.length = 0;
    const requoted = new Promise<PostDto>((resolve) => {
      s.budiSocket.on("post:updated", ({ post }) => {
        if (post.id === quoting.id) resolve(post);
      });
    });
    const rows = await auditDelta(s.target.id, async () => {
      const res = await moderate(roomMod.agent, s.target.id, {
        action: "hide",
        reason: "Memuat data pribadi",
      });
      expect(res.status).toBe(200);
      expect(res.body.post).toMatchObject({
        status: "hidden",
        body: `Data: ${SECRET}`,
        moderation: { state: "hidden", reason: "Memuat data pribadi" },
      });
    });
    expect(rows).toBe(1);

    // Live: readers get the placeholder; the author (also a reader) ends on the readable copy.
    expect(((await budiSeesPlaceholder) as { post: PostDto }).post).toMatchObject({
      id: s.target.id,
      status: "hidden",
      body: null,
      html: null,
      mentions: [],
    });
    const aniCopies = await aniSeesText;
    // Replies quoting it are sent again without the quote's text.
    expect((await requoted).replyTo).toMatchObject({ excerpt: "", deleted: true });
    expect(aniCopies[aniCopies.length - 1]).toMatchObject({ status: "hidden", body: `Data: ${SECRET}` });

    // REST and catch-up, for a member and a guest.
    const guest = new (s.budi.agent.constructor as new (url: string) => Agent)(server.url);
    for (const agent of [s.budi.agent, guest]) {
      const page = await agent.get<{ posts: PostDto[] }>(`/api/threads/${s.thread.id}/posts`);
      const hidden = page.body.posts.find((p) => p.id === s.target.id);
      expect(hidden).toMatchObject({ seq: 2, status: "hidden", body: null, html: null });
      expect(hidden?.moderation).toBeUndefined();
      const one = await agent.get<{ post: PostDto }>(`/api/posts/${s.target.id}`);
      expect(one.body.post).toMatchObject({ status: "hidden", body: null });
      expect((await agent.get(`/api/posts/${s.target.id}/history`)).status).toBe(404);
      expect(raw(page.body, one.body)).not.toContain(SECRET);
      expect(raw(page.body)).not.toContain("Memuat data pribadi");
    }
    const join = (await ask(s.budiSocket, "thread:join", { threadId: s.thread.id, afterSeq: 0 })) as {
      ok: true;
      data: ThreadJoinResult;
    };
    expect(join.data.missed.map((p) => p.seq)).toEqual([1, 2, 3]);
    expect(raw(join.data)).not.toContain(SECRET);
    // The quote in Budi's reply no longer shows it either.
    const quoted = (await s.budi.agent.get<{ post: PostDto }>(`/api/posts/${quoting.id}`)).body.post;
    expect(quoted.replyTo).toMatchObject({ excerpt: "", deleted: true, author: null });

    // Members cannot react to, quote or flag the placeholder.
    expect((await s.budi.agent.post(`/api/posts/${s.target.id}/reactions`, { kind: "like" })).status).toBe(
      403,
    );
    expect((await reply(s.budi.agent, s.thread.id, "Kutip", { replyTo: s.target.id })).status).toBe(400);
    expect(
      (await s.budi.agent.post(`/api/flags`, { targetType: "post", targetId: s.target.id, reason: "spam" }))
        .status,
    ).toBe(403);

    // The author and moderators still read it.
    expect((await s.ani.agent.get<{ post: PostDto }>(`/api/posts/${s.target.id}`)).body.post.body).toContain(
      SECRET,
    );
    expect(
      (await siti.agent.get<{ posts: PostDto[] }>(`/api/threads/${s.thread.id}/posts`)).body.posts[1].body,
    ).toContain(SECRET);
    const thread = (await s.budi.agent.get<{ thread: ThreadDto }>(`/api/threads/${s.thread.id}`)).body.thread;
    expect(thread).toMatchObject({ postCount: 2, replyCount: 1 });

    await sleep(200);
    expect(raw(s.heardByBudi)).not.toContain(SECRET);
    expect(raw(s.heardByGuest)).not.toContain(SECRET);
    expect(raw(s.heardByBudi, s.heardByGuest)).not.toContain("Memuat data pribadi");

    // Unhide: back for everyone, live, counted again.
    const back = nextEvent(s.budiSocket, "post:updated");
    expect(
      await auditDelta(s.target.id, async () =>
        expect((await moderate(siti.agent, s.target.id, { action: "unhide" })).status).toBe(200),
      ),
    ).toBe(1);
    expect(((await back) as { post: PostDto }).post).toMatchObject({
      status: "published",
      body: `Data: ${SECRET}`,
    });
    expect(
      (await s.budi.agent.get<{ thread: ThreadDto }>(`/api/threads/${s.thread.id}`)).body.thread.postCount,
    ).toBe(3);
    // Hiding a queued post is refused (it is rejected instead); unhiding a published one changes nothing.
    expect(
      await auditDelta(s.target.id, async () =>
        expect((await moderate(siti.agent, s.target.id, { action: "unhide" })).status).toBe(200),
      ),
    ).toBe(0);
    expect(
      (await moderate(s.budi.agent, s.target.id, { action: "hide", reason: "Saya tidak suka" })).status,
    ).toBe(403);
  });
});

describe("delete and restore", () => {
  it("a moderator deletes with a reason (logged, author told, readers drop it) and restores it (back live)", async () => {
    const s = await scene();
    const deletedLive = nextEvent(s.budiSocket, "post:deleted");
    const notice = nextEvent(s.aniSocket, "moderation:notice");
    const rows = await auditDelta(s.target.id, async () => {
      const res = await moderate(roomMod.agent, s.target.id, {
        action: "delete",
        reason: "Melanggar aturan",
      });
      expect(res.body.post).toMatchObject({ deleted: true, body: null });
    });
    expect(rows).toBe(1);
    expect(await deletedLive).toEqual({ threadId: s.thread.id, postId: s.target.id, seq: 2 });
    expect(((await notice) as { notice: { kind: string; reason: string } }).notice).toMatchObject({
      kind: "post.deleted",
      reason: "Melanggar aturan",
    });
    expect(
      (await s.budi.agent.get<{ thread: ThreadDto }>(`/api/threads/${s.thread.id}`)).body.thread.postCount,
    ).toBe(1);

    const restoredLive = nextEvent(s.budiSocket, "post:updated");
    expect(
      await auditDelta(s.target.id, async () =>
        expect((await moderate(siti.agent, s.target.id, { action: "restore" })).status).toBe(200),
      ),
    ).toBe(1);
    const restored = ((await restoredLive) as { post: PostDto }).post;
    expect(restored).toMatchObject({ deleted: false, body: `Data: ${SECRET}` });
    expect(restored.moderatedAt).toEqual(expect.any(String));
    expect(
      (await s.budi.agent.get<{ thread: ThreadDto }>(`/api/threads/${s.thread.id}`)).body.thread.postCount,
    ).toBe(2);
    expect((await auditRows(s.target.id)).map((r) => r.action)).toEqual(["post.delete", "post.restore"]);
    // Restoring again changes nothing; deleting needs a reason through the tool.
    expect(
      await auditDelta(s.target.id, async () => moderate(siti.agent, s.target.id, { action: "restore" })),
    ).toBe(0);
    expect((await moderate(siti.agent, s.target.id, { action: "delete" })).status).toBe(400);
  });

  it("DELETE /posts/:id by a moderator on someone else's post is logged too; the author's own delete is not", async () => {
    const s = await scene();
    expect(
      await auditDelta(s.target.id, async () =>
        expect((await siti.agent.delete(`/api/posts/${s.target.id}`)).status).toBe(200),
      ),
    ).toBe(1);
    const own = (await reply(s.ani.agent, s.thread.id, "Salah kirim")).body.post;
    expect(
      await auditDelta(own.id, async () =>
        expect((await s.ani.agent.delete(`/api/posts/${own.id}`)).status).toBe(200),
      ),
    ).toBe(0);
  });
});

describe("edit", () => {
  it("a moderator corrects a post's text and its thread's title through the opening post; one row with before and after", async () => {
    const ani = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, room.slug, { title: "judul typo", body: "Isi awal" });
    const opening = (await ani.agent.get<{ posts: PostDto[] }>(`/api/threads/${thread.id}/posts`)).body
      .posts[0];
    const rows = await auditDelta(opening.id, async () => {
      const res = await moderate(roomMod.agent, opening.id, {
        action: "edit",
        body: "Isi yang dirapikan",
        title: "Judul yang rapi",
      });
      expect(res.body.post).toMatchObject({ body: "Isi yang dirapikan", editedAt: expect.any(String) });
    });
    expect(rows).toBe(1);
    expect((await ani.agent.get<{ thread: ThreadDto }>(`/api/threads/${thread.id}`)).body.thread.title).toBe(
      "Judul yang rapi",
    );
    const [row] = await auditRows(opening.id, "post.edit");
    expect(row).toMatchObject({
      before: { body: "Isi awal", title: "judul typo" },
      after: { body: "Isi yang dirapikan", title: "Judul yang rapi" },
    });
    const reply2 = (await reply(ani.agent, thread.id, "Balasan")).body.post;
    expect(
      (await moderate(roomMod.agent, reply2.id, { action: "edit", title: "Bukan pembuka" })).status,
    ).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomDto, ThreadDto, PostDto } from "@rembuk/shared";
import { makeAdmin, makeMember, signedIn, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { connectSocket, type ClientSocket } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { createPost } from "../posts/post.service.js";
import { ask, makeRoom, makeThread, clientId, uniqueSlug } from "./forum.fixtures.js";
import { Room } from "./room.model.js";

let server: TestServer;
let admin: MadeUser & { agent: Agent };
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server, "admin");
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
});

const newRoom = (extra: Record<string, unknown> = {}) => ({
  slug: uniqueSlug(),
  name: { id: "Manajemen ASN", en: "Civil Service Management" },
  description: { id: "Sistem merit", en: "Merit system" },
  ...extra,
});

describe("POST /rooms and PATCH /rooms/:slug", () => {
  it("admins create a room (201) with the bilingual name and settings", async () => {
    const mod = await makeMember();
    const res = await admin.agent.post<{ room: RoomDto }>(
      "/api/rooms",
      newRoom({ moderators: [mod.id], slowModeSeconds: 30 }),
    );
    expect(res.status).toBe(201);
    expect(res.body.room).toMatchObject({
      name: { id: "Manajemen ASN", en: "Civil Service Management" },
      visibility: "public",
      moderators: [mod.id],
      slowModeSeconds: 30,
      preModerated: false,
      threadCount: 0,
      presenceCount: 0,
    });
    expect(res.body.room).not.toHaveProperty("_id");
  });

  it("members and moderators cannot create rooms; guests get 401; nothing is created", async () => {
    const before = await Room.countDocuments();
    const member = await signedIn(server, "member");
    const moderator = await signedIn(server, "moderator");
    expect((await member.agent.post("/api/rooms", newRoom())).status).toBe(403);
    expect((await moderator.agent.post("/api/rooms", newRoom())).status).toBe(403);
    expect((await new Agent(server.url).post("/api/rooms", newRoom())).status).toBe(401);
    expect(await Room.countDocuments()).toBe(before);
  });

  it("refuses invalid rooms with 400 and field errors", async () => {
    const cases = [
      newRoom({ slug: "Bukan Slug!" }),
      newRoom({ name: { id: "A", en: "B" } }),
      newRoom({ visibility: "restricted" }),
      newRoom({ visibility: "public", allowedAffiliations: [{ kind: "region", code: "33" }] }),
      newRoom({ slowModeSeconds: -1 }),
      newRoom({ moderators: ["123"] }),
      newRoom({ moderators: ["64b7f0c2a1b2c3d4e5f60718"] }),
      newRoom({ extra: true }),
    ];
    for (const body of cases) {
      const res = await admin.agent.post<{ error: { code: string; details?: unknown } }>("/api/rooms", body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION");
    }
  });

  it("a taken slug is 409", async () => {
    const body = newRoom();
    expect((await admin.agent.post("/api/rooms", body)).status).toBe(201);
    expect((await admin.agent.post("/api/rooms", body)).status).toBe(409);
  });

  it("admins edit a room; others cannot; a restricted room needs an audience", async () => {
    const created = (await admin.agent.post<{ room: RoomDto }>("/api/rooms", newRoom())).body.room;
    const res = await admin.agent.patch<{ room: RoomDto }>(`/api/rooms/${created.slug}`, {
      visibility: "restricted",
      allowedAffiliations: [{ kind: "region", code: "33" }],
      slowModeSeconds: 5,
    });
    expect(res.status).toBe(200);
    expect(res.body.room).toMatchObject({ visibility: "restricted", slowModeSeconds: 5 });
    const bad = await admin.agent.patch(`/api/rooms/${created.slug}`, { allowedAffiliations: [] });
    expect(bad.status).toBe(400);
    const member = await signedIn(server, "member", {
      affiliation: { kind: "region", code: "33.74" },
      verified: true,
    });
    expect((await member.agent.patch(`/api/rooms/${created.slug}`, { slowModeSeconds: 0 })).status).toBe(403);
    // Back to public drops the list.
    const pub = await admin.agent.patch<{ room: RoomDto }>(`/api/rooms/${created.slug}`, {
      visibility: "public",
    });
    expect(pub.body.room).toMatchObject({ visibility: "public", allowedAffiliations: [] });
    expect((await admin.agent.patch("/api/rooms/tidak-ada-ruang", { slowModeSeconds: 1 })).status).toBe(404);
  });
});

describe("visibility: one rule for lists, fetches and joins", () => {
  it("restricted rooms do not exist for outsiders; members rooms need sign-in", async () => {
    const adm = await makeAdmin();
    const restricted = await makeRoom(adm.actor, {
      visibility: "restricted",
      allowedAffiliations: [{ kind: "agency", name: "Lembaga Administrasi Negara" }],
    });
    const members = await makeRoom(adm.actor, { visibility: "members" });
    const pub = await makeRoom(adm.actor);
    const insider = await signedIn(server, "member", {
      affiliation: { kind: "agency", name: "Lembaga Administrasi Negara" },
      verified: true,
    });
    const outsider = await signedIn(server, "member", { affiliation: { kind: "region", code: "35.10" } });
    const guest = new Agent(server.url);
    const thread = await makeThread(insider.actor, restricted.slug);
    const post = await createPost(insider.actor, thread.id, { body: "Di dalam", clientId: clientId() });

    const slugs = async (agent: Agent) =>
      (await agent.get<{ rooms: RoomDto[] }>("/api/rooms")).body.rooms.map((r) => r.slug);
    expect(await slugs(insider.agent)).toEqual(
      expect.arrayContaining([restricted.slug, members.slug, pub.slug]),
    );
    expect(await slugs(outsider.agent)).toEqual(expect.arrayContaining([members.slug, pub.slug]));
    expect(await slugs(outsider.agent)).not.toContain(restricted.slug);
    expect(await slugs(guest)).toContain(pub.slug);
    expect(await slugs(guest)).not.toContain(members.slug);
    expect(await slugs(guest)).not.toContain(restricted.slug);

    for (const agent of [outsider.agent, guest]) {
      expect((await agent.get(`/api/rooms/${restricted.slug}`)).status).toBe(404);
      expect((await agent.get(`/api/rooms/${restricted.slug}/threads`)).status).toBe(404);
      expect((await agent.get(`/api/threads/${thread.id}`)).status).toBe(404);
      expect((await agent.get(`/api/threads/${thread.id}/posts`)).status).toBe(404);
      expect((await agent.get(`/api/posts/${post.post.id}`)).status).toBe(404);
    }
    expect(
      (await outsider.agent.post(`/api/threads/${thread.id}/posts`, { body: "x", clientId: clientId() }))
        .status,
    ).toBe(404);
    expect(
      (await outsider.agent.post(`/api/rooms/${restricted.slug}/threads`, { title: "Masuk", body: "x" }))
        .status,
    ).toBe(404);
    expect((await guest.get(`/api/rooms/${members.slug}`)).status).toBe(401);
    expect((await insider.agent.get(`/api/rooms/${restricted.slug}`)).status).toBe(200);
    expect(
      (await insider.agent.get<{ posts: PostDto[] }>(`/api/threads/${thread.id}/posts`)).body.posts,
    ).toHaveLength(2);
  });
});

describe("GET /rooms live numbers", () => {
  it("carries thread counts, presence and the viewer's unread threads", async () => {
    const adm = await makeAdmin();
    const room = await makeRoom(adm.actor);
    const ani = await signedIn(server, "member");
    const budi = await signedIn(server, "member");
    const t1 = await makeThread(ani.actor, room.slug);
    await makeThread(ani.actor, room.slug);

    const s1 = await connectSocket(server.url, budi.agent);
    const s2 = await connectSocket(server.url, budi.agent); // a second tab: still one person
    const s3 = await connectSocket(server.url);
    sockets.push(s1, s2, s3);
    for (const s of [s1, s2, s3]) expect((await ask(s, "room:join", { roomId: room.id })).ok).toBe(true);

    const list = await budi.agent.get<{ rooms: RoomDto[] }>("/api/rooms");
    const mine = list.body.rooms.find((r) => r.id === room.id);
    expect(mine).toMatchObject({ threadCount: 2, presenceCount: 2, unreadThreads: 2 });

    // Budi reads one thread; the author's own threads are never unread for her.
    const read = await budi.agent.post<{ read: { lastReadSeq: number; unreadCount: number } }>(
      `/api/threads/${t1.id}/read`,
      { seq: 1 },
    );
    expect(read.body.read).toEqual({ threadId: t1.id, lastReadSeq: 1, unreadCount: 0 });
    const after = (await budi.agent.get<{ rooms: RoomDto[] }>("/api/rooms")).body.rooms.find(
      (r) => r.id === room.id,
    );
    expect(after?.unreadThreads).toBe(1);
    const forAni = (await ani.agent.get<{ rooms: RoomDto[] }>("/api/rooms")).body.rooms.find(
      (r) => r.id === room.id,
    );
    expect(forAni?.unreadThreads).toBe(0);
    const forGuest = (await new Agent(server.url).get<{ rooms: RoomDto[] }>("/api/rooms")).body.rooms.find(
      (r) => r.id === room.id,
    );
    expect(forGuest).not.toHaveProperty("unreadThreads");

    const threads = await budi.agent.get<{ threads: ThreadDto[] }>(`/api/rooms/${room.slug}/threads`);
    const byId = new Map(threads.body.threads.map((t) => [t.id, t]));
    expect(byId.get(t1.id)).toMatchObject({ lastReadSeq: 1, unreadCount: 0 });
    for (const s of [s1, s2, s3]) s.disconnect();
  });
});

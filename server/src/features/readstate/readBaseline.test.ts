import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RoomDto, ThreadDto } from "@rembuk/shared";
import { makeAdmin, signedIn, uniqueEmail, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { createPost } from "../posts/post.service.js";

let server: TestServer;
let admin: MadeUser;
let author: MadeUser;
beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  author = await signedIn(server, "member");
});
afterAll(() => server?.close());

let n = 0;
const reply = (threadId: string) =>
  createPost(author.actor, threadId, { body: `Balasan ${++n}`, clientId: `baseline-${n}-xxxx` });

async function threadsOf(agent: Agent, slug: string): Promise<Map<string, ThreadDto>> {
  const res = await agent.get<{ threads: ThreadDto[] }>(`/api/rooms/${slug}/threads`);
  expect(res.status).toBe(200);
  return new Map(res.body.threads.map((t) => [t.id, t]));
}

async function unreadThreadsIn(agent: Agent, roomId: string): Promise<number | undefined> {
  const res = await agent.get<{ rooms: RoomDto[] }>("/api/rooms");
  return res.body.rooms.find((r) => r.id === roomId)?.unreadThreads;
}

/** Wait (without sleeping a fixed time) until the clock has passed `iso`, so a later write is "after" it. */
async function pastInstant(iso: string) {
  while (Date.now() <= Date.parse(iso)) await new Promise((r) => setTimeout(r, 1));
}

describe("read baselines", () => {
  it("a newly registered account starts with everything read; only what is written after counts as new", async () => {
    const room = await makeRoom(admin.actor);
    const old = await makeThread(author.actor, room.slug);
    await reply(old.id);

    const newcomer = new Agent(server.url);
    const reg = await newcomer.post<{ user: { id: string } }>("/api/auth/register", {
      email: uniqueEmail("baru"),
      password: "kata-sandi-baru-123",
      name: "Pendatang Baru",
    });
    expect(reg.status).toBe(201);
    expect((await threadsOf(newcomer, room.slug)).get(old.id)).toMatchObject({
      unreadCount: 0,
      lastReadSeq: 2,
    });
    expect(await unreadThreadsIn(newcomer, room.id)).toBe(0);

    // The twin: an account from before baselines existed (no baseline) sees the same thread as new.
    const veteran = await signedIn(server, "member");
    expect((await threadsOf(veteran.agent, room.slug)).get(old.id)).toMatchObject({ unreadCount: 2 });

    await pastInstant(new Date().toISOString());
    await reply(old.id);
    expect((await threadsOf(newcomer, room.slug)).get(old.id)).toMatchObject({
      unreadCount: 1,
      lastReadSeq: 0,
    });
    expect(await unreadThreadsIn(newcomer, room.id)).toBe(1);
  });

  it("POST /threads/read-all marks everything read; later posts are new again", async () => {
    const room = await makeRoom(admin.actor);
    const t = await makeThread(author.actor, room.slug);
    await reply(t.id);
    const reader = await signedIn(server, "member");
    expect((await threadsOf(reader.agent, room.slug)).get(t.id)?.unreadCount).toBe(2);

    const res = await reader.agent.post<{ readAllAt: string }>("/api/threads/read-all");
    expect(res.status).toBe(200);
    expect(Number.isNaN(Date.parse(res.body.readAllAt))).toBe(false);
    expect((await threadsOf(reader.agent, room.slug)).get(t.id)?.unreadCount).toBe(0);
    expect(await unreadThreadsIn(reader.agent, room.id)).toBe(0);

    await pastInstant(res.body.readAllAt);
    await reply(t.id);
    expect((await threadsOf(reader.agent, room.slug)).get(t.id)?.unreadCount).toBe(1);
    // Reading the thread itself still works on top of the baseline.
    const read = await reader.agent.post<{ read: { unreadCount: number } }>(`/api/threads/${t.id}/read`, {
      seq: 1,
    });
    expect(read.body.read.unreadCount).toBe(1);
  });

  it("POST /rooms/:slug/read marks one room only, and only rooms the reader may see", async () => {
    const roomA = await makeRoom(admin.actor);
    const roomB = await makeRoom(admin.actor);
    const inA = await makeThread(author.actor, roomA.slug);
    const inB = await makeThread(author.actor, roomB.slug);
    const reader = await signedIn(server, "member");

    const res = await reader.agent.post<{ readAllAt: string }>(`/api/rooms/${roomA.slug}/read`);
    expect(res.status).toBe(200);
    expect((await threadsOf(reader.agent, roomA.slug)).get(inA.id)?.unreadCount).toBe(0);
    expect((await threadsOf(reader.agent, roomB.slug)).get(inB.id)?.unreadCount).toBe(1);

    const secret = await makeRoom(admin.actor, {
      visibility: "restricted",
      allowedAffiliations: [{ kind: "region", code: "35" }],
    });
    expect((await reader.agent.post(`/api/rooms/${secret.slug}/read`)).status).toBe(404);
    expect((await reader.agent.post(`/api/rooms/tidak-ada-ruang/read`)).status).toBe(404);
    expect((await new Agent(server.url).post(`/api/rooms/${roomA.slug}/read`)).status).toBe(401);
    expect((await new Agent(server.url).post(`/api/threads/read-all`)).status).toBe(401);
  });
});

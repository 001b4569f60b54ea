import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlagDto, ModNoticeDto, PostDto, RoomDto } from "@rembuk/shared";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import { connectSocket, nextEvent, type ClientSocket } from "../../test/socket.js";
import type { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { ask, clientId, collect, makeRoom, makeThread, sleep } from "../rooms/forum.fixtures.js";
import { Flag } from "./flag.model.js";
import { auditRows } from "./test/fixtures.js";

let server: TestServer;
let admin: MadeUser;
let room: RoomDto;
let roomMod: Awaited<ReturnType<typeof signedIn>>;
let otherRoomMod: Awaited<ReturnType<typeof signedIn>>;
let siti: Awaited<ReturnType<typeof signedIn>>;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  roomMod = await signedIn(server, "member", { name: "Moderator Ruang" });
  otherRoomMod = await signedIn(server, "member", { name: "Moderator Lain" });
  siti = await signedIn(server, "moderator", { name: "Siti Rahmawati" });
  room = await makeRoom(admin.actor, { moderators: [roomMod.id] });
  await makeRoom(admin.actor, { moderators: [otherRoomMod.id] });
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

async function postBy(agent: Agent, threadId: string, body: string) {
  return (
    await agent.post<{ post: PostDto }>(`/api/threads/${threadId}/posts`, { body, clientId: clientId() })
  ).body.post;
}

const flag = (agent: Agent, input: Record<string, unknown>) =>
  agent.post<{ flag: FlagDto }>(`/api/flags`, input);

describe("flagging", () => {
  it("a member flags a post; its room's moderators see it arrive live; a second open flag is 409; the author cannot flag their own", async () => {
    const ani = await signedIn(server, "member");
    const budi = await signedIn(server, "member", { name: "Budi Santoso" });
    const thread = await makeThread(ani.actor, room.slug);
    const post = await postBy(ani.agent, thread.id, "Jual pulsa murah, hubungi 0812…");
    const sitiSocket = await open(siti.agent);
    const roomModSocket = await open(roomMod.agent);
    await ask(roomModSocket, "moderation:join", {});
    const outsiderSocket = await open(otherRoomMod.agent);
    const outsider = collect(outsiderSocket, "flag:created");
    const memberSocket = await open(ani.agent);
    const member = collect(memberSocket, "flag:created");
    const forSiti = nextEvent(sitiSocket, "flag:created");
    const forRoomMod = nextEvent(roomModSocket, "flag:created");

    const res = await flag(budi.agent, {
      targetType: "post",
      targetId: post.id,
      reason: "spam",
      note: "Iklan",
    });
    expect(res.status).toBe(201);
    // The reporter's view: the outcome to come, never moderators' fields.
    expect(res.body.flag).toMatchObject({ status: "open", reason: "spam", note: "Iklan", resolution: null });
    expect(res.body.flag.reporter).toBeUndefined();
    expect(res.body.flag.notes).toBeUndefined();
    for (const event of [(await forSiti) as { flag: FlagDto }, (await forRoomMod) as { flag: FlagDto }]) {
      expect(event.flag).toMatchObject({
        id: res.body.flag.id,
        reporter: { name: "Budi Santoso" },
        target: { type: "post", id: post.id, seq: 2, excerpt: expect.stringContaining("Jual pulsa") },
        openOnTarget: 1,
      });
      expect(JSON.stringify(event.flag)).not.toContain("@uji.rembuk.id");
    }
    await sleep(150);
    expect(outsider.items).toHaveLength(0);
    expect(member.items).toHaveLength(0);

    const again = await flag(budi.agent, { targetType: "post", targetId: post.id, reason: "inappropriate" });
    expect(again.status).toBe(409);
    expect(await Flag.countDocuments({ targetId: post.id })).toBe(1);
    expect((await flag(ani.agent, { targetType: "post", targetId: post.id, reason: "spam" })).status).toBe(
      403,
    );
    expect((await flag(budi.agent, { targetType: "post", targetId: post.id, reason: "other" })).status).toBe(
      400,
    );
    expect((await flag(budi.agent, { targetType: "thread", targetId: post.id, reason: "spam" })).status).toBe(
      404,
    );

    // A whole thread too.
    const whole = await flag(budi.agent, { targetType: "thread", targetId: thread.id, reason: "off-topic" });
    expect(whole.status).toBe(201);
    expect(whole.body.flag).toMatchObject({ targetType: "thread", threadId: thread.id });
  });

  it("resolved or dismissed with a note: the flagger is told live, the flag can be raised again, each decision is logged", async () => {
    const ani = await signedIn(server, "member");
    const budi = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, room.slug);
    const post = await postBy(ani.agent, thread.id, "Data yang keliru: anggaran 2 triliun");
    const created = (
      await flag(budi.agent, { targetType: "post", targetId: post.id, reason: "misinformation" })
    ).body.flag;
    const budiSocket = await open(budi.agent);
    const notice = nextEvent(budiSocket, "moderation:notice");
    const sitiSocket = await open(siti.agent);
    const updated = nextEvent(sitiSocket, "flag:updated");

    const res = await roomMod.agent.post<{ flag: FlagDto }>(`/api/flags/${created.id}/resolve`, {
      status: "resolved",
      note: "Sudah dikoreksi penulis",
    });
    expect(res.status).toBe(200);
    expect(res.body.flag).toMatchObject({
      status: "resolved",
      resolution: { status: "resolved", note: "Sudah dikoreksi penulis", by: { name: "Moderator Ruang" } },
    });
    expect(((await notice) as { notice: ModNoticeDto }).notice).toMatchObject({
      kind: "flag.resolved",
      reason: "Sudah dikoreksi penulis",
      threadId: thread.id,
    });
    expect(((await updated) as { flag: FlagDto }).flag.status).toBe("resolved");
    const again = await roomMod.agent.post(`/api/flags/${created.id}/resolve`, { status: "dismissed" });
    expect(again.status).toBe(409);
    expect(await auditRows(created.id)).toEqual([
      expect.objectContaining({
        action: "flag.resolve",
        before: { status: "open" },
        after: { status: "resolved" },
      }),
    ]);

    const mine = (await budi.agent.get<{ flags: FlagDto[] }>(`/api/flags/mine`)).body.flags;
    expect(mine[0]).toMatchObject({
      id: created.id,
      status: "resolved",
      resolution: { note: "Sudah dikoreksi penulis" },
    });
    expect(mine[0].resolution?.by).toBeUndefined();
    // Closed, so the member may flag it again.
    expect(
      (await flag(budi.agent, { targetType: "post", targetId: post.id, reason: "misinformation" })).status,
    ).toBe(201);
    // Not a moderator here: no.
    const third = await signedIn(server, "member");
    const f3 = (await flag(third.agent, { targetType: "post", targetId: post.id, reason: "spam" })).body.flag;
    expect(
      (await otherRoomMod.agent.post(`/api/flags/${f3.id}/resolve`, { status: "dismissed" })).status,
    ).toBe(404);
    expect((await budi.agent.post(`/api/flags/${f3.id}/resolve`, { status: "dismissed" })).status).toBe(404);
  });
});

describe("the flag queue", () => {
  it("lists by status and assignee, assigns to a moderator of the room, keeps notes, and closes many at once", async () => {
    const ani = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, room.slug);
    const posts = [];
    for (let i = 0; i < 3; i++) posts.push(await postBy(ani.agent, thread.id, `Pos bermasalah ${i}`));
    const ids: string[] = [];
    for (const p of posts) {
      const reporter = await signedIn(server, "member");
      ids.push(
        (await flag(reporter.agent, { targetType: "post", targetId: p.id, reason: "inappropriate" })).body
          .flag.id,
      );
    }

    const open = await roomMod.agent.get<{ flags: FlagDto[]; nextCursor: string | null }>(
      `/api/moderation/flags?status=open&roomSlug=${room.slug}&limit=2`,
    );
    expect(open.status).toBe(200);
    expect(open.body.flags).toHaveLength(2);
    expect(open.body.flags[0].id).toBe(ids[2]);
    const next = await roomMod.agent.get<{ flags: FlagDto[] }>(
      `/api/moderation/flags?status=open&roomSlug=${room.slug}&limit=2&cursor=${open.body.nextCursor}`,
    );
    expect(next.body.flags.map((f) => f.id)).toContain(ids[0]);
    expect((await ani.agent.get(`/api/moderation/flags`)).status).toBe(403);
    expect(
      (await otherRoomMod.agent.get<{ flags: FlagDto[] }>(`/api/moderation/flags`)).body.flags.map(
        (f) => f.id,
      ),
    ).not.toContain(ids[0]);

    const assigned = await siti.agent.post<{ flag: FlagDto }>(`/api/moderation/flags/${ids[0]}/assign`, {
      assigneeId: roomMod.id,
    });
    expect(assigned.body.flag.assignee).toMatchObject({ id: roomMod.id });
    expect(
      (await siti.agent.post(`/api/moderation/flags/${ids[0]}/assign`, { assigneeId: ani.id })).status,
    ).toBe(400);
    const noted = await roomMod.agent.post<{ flag: FlagDto }>(`/api/moderation/flags/${ids[0]}/notes`, {
      text: "Sudah saya hubungi penulisnya",
    });
    expect(noted.body.flag.notes).toEqual([
      expect.objectContaining({
        text: "Sudah saya hubungi penulisnya",
        author: expect.objectContaining({ id: roomMod.id }),
      }),
    ]);
    const mineOnly = await roomMod.agent.get<{ flags: FlagDto[] }>(`/api/moderation/flags?assignee=me`);
    expect(mineOnly.body.flags.map((f) => f.id)).toEqual([ids[0]]);

    const bulk = await siti.agent.post<{ flags: FlagDto[]; failed: unknown[] }>(
      `/api/moderation/flags/bulk`,
      {
        ids: [...ids, ids[0]],
        action: "dismiss",
        note: "Tidak melanggar",
      },
    );
    expect(bulk.status).toBe(200);
    expect(bulk.body.flags.map((f) => f.status)).toEqual(["dismissed", "dismissed", "dismissed"]);
    expect(bulk.body.failed).toEqual([]);
    const twice = await siti.agent.post<{ flags: FlagDto[]; failed: Array<{ id: string; code: string }> }>(
      `/api/moderation/flags/bulk`,
      { ids: [ids[1]], action: "resolve" },
    );
    expect(twice.body.failed).toEqual([expect.objectContaining({ id: ids[1], code: "ILLEGAL_TRANSITION" })]);
    for (const id of ids) expect((await auditRows(id, "flag.dismiss")).length).toBe(1);
    const dismissed = await siti.agent.get<{ flags: FlagDto[] }>(
      `/api/moderation/flags?status=dismissed&roomSlug=${room.slug}`,
    );
    expect(dismissed.body.flags.map((f) => f.id)).toEqual(expect.arrayContaining(ids));
    expect((await siti.agent.post(`/api/moderation/flags/bulk`, { ids: [], action: "resolve" })).status).toBe(
      400,
    );
  });
});

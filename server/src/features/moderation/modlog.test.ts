import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ModActionDto, RoomDto, UserDto } from "@rembuk/shared";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import { connectSocket, nextDisconnect, nextEvent, type ClientSocket } from "../../test/socket.js";
import type { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { ModAction } from "./modAction.model.js";
import { auditDelta, auditRows } from "./test/fixtures.js";

let server: TestServer;
let admin: Awaited<ReturnType<typeof signedIn>>;
let adminActor: MadeUser;
let roomA: RoomDto;
let roomB: RoomDto;
let modA: Awaited<ReturnType<typeof signedIn>>;
let siti: Awaited<ReturnType<typeof signedIn>>;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  adminActor = await makeAdmin();
  admin = await signedIn(server, "admin", { name: "Admin Rembuk" });
  modA = await signedIn(server, "member", { name: "Moderator A" });
  siti = await signedIn(server, "moderator", { name: "Siti Rahmawati" });
  roomA = await makeRoom(adminActor.actor, { moderators: [modA.id] });
  roomB = await makeRoom(adminActor.actor);
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

const lock = (agent: Agent, threadId: string) =>
  agent.post(`/api/threads/${threadId}/moderate`, { action: "lock", reason: "Cukup" });

describe("the audit log", () => {
  it("filters by moderator, action, room and date; room moderators read only their rooms; members none", async () => {
    const ani = await signedIn(server, "member");
    const inA = await makeThread(ani.actor, roomA.slug, { title: "Di ruang A" });
    const inB = await makeThread(ani.actor, roomB.slug, { title: "Di ruang B" });
    await lock(modA.agent, inA.id);
    await lock(siti.agent, inB.id);
    await siti.agent.post(`/api/threads/${inA.id}/moderate`, { action: "pin" });

    const all = await siti.agent.get<{ entries: ModActionDto[] }>(`/api/moderation/log?limit=200`);
    expect(all.status).toBe(200);
    const ids = (es: ModActionDto[]) => es.map((e) => `${e.action}:${e.targetId}`);
    expect(ids(all.body.entries)).toEqual(
      expect.arrayContaining([`thread.lock:${inA.id}`, `thread.lock:${inB.id}`, `thread.pin:${inA.id}`]),
    );
    // Newest first.
    expect(all.body.entries.findIndex((e) => e.action === "thread.pin")).toBeLessThan(
      all.body.entries.findIndex((e) => e.targetId === inB.id),
    );
    const entry = all.body.entries.find((e) => e.targetId === inA.id && e.action === "thread.lock");
    expect(entry).toMatchObject({
      actor: { name: "Moderator A" },
      targetLabel: "Di ruang A",
      roomSlug: roomA.slug,
      reason: "Cukup",
      before: { locked: false },
      after: { locked: true },
    });

    const byActor = await siti.agent.get<{ entries: ModActionDto[] }>(
      `/api/moderation/log?actorId=${modA.id}`,
    );
    expect(byActor.body.entries.every((e) => e.actor?.id === modA.id)).toBe(true);
    expect(byActor.body.entries.length).toBeGreaterThan(0);
    const byAction = await siti.agent.get<{ entries: ModActionDto[] }>(
      `/api/moderation/log?action=thread.pin`,
    );
    expect(byAction.body.entries.every((e) => e.action === "thread.pin")).toBe(true);
    const byRoom = await siti.agent.get<{ entries: ModActionDto[] }>(
      `/api/moderation/log?roomSlug=${roomB.slug}`,
    );
    expect(ids(byRoom.body.entries)).toEqual([`thread.lock:${inB.id}`, `room.create:${roomB.id}`]);
    // Days in Asia/Jakarta, taken from the rows themselves (not from the clock when the test runs), so
    // the check holds on any day and across midnight WIB.
    const wibDay = (iso: string, plusDays = 0) =>
      new Date(Date.parse(iso) + 7 * 3600_000 + plusDays * 86_400_000).toISOString().slice(0, 10);
    const logged = (await siti.agent.get<{ entries: ModActionDto[] }>(`/api/moderation/log?limit=200`)).body
      .entries;
    const first = wibDay(logged[logged.length - 1].createdAt);
    const last = wibDay(logged[0].createdAt);
    expect(
      (
        await siti.agent.get<{ entries: ModActionDto[] }>(
          `/api/moderation/log?from=${first}&to=${last}&limit=200`,
        )
      ).body.entries.length,
    ).toBe(logged.length);
    expect(logged.length).toBeGreaterThanOrEqual(3);
    expect(
      (
        await siti.agent.get<{ entries: ModActionDto[] }>(
          `/api/moderation/log?from=${wibDay(logged[0].createdAt, 1)}`,
        )
      ).body.entries,
    ).toEqual([]);
    expect((await siti.agent.get(`/api/moderation/log?from=kemarin`)).status).toBe(400);

    // Moderator A sees room A's rows only, even when asking for room B.
    const forA = await modA.agent.get<{ entries: ModActionDto[] }>(`/api/moderation/log`);
    expect(forA.body.entries.map((e) => e.roomSlug)).toEqual(forA.body.entries.map(() => roomA.slug));
    expect(
      (await modA.agent.get<{ entries: ModActionDto[] }>(`/api/moderation/log?roomSlug=${roomB.slug}`)).body
        .entries,
    ).toEqual([]);
    expect((await ani.agent.get(`/api/moderation/log`)).status).toBe(403);
    expect((await fetch(`${server.url}/api/moderation/log`)).status).toBe(401);
  });

  it("pages with a cursor and streams new rows live to the room's moderators", async () => {
    const ani = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, roomA.slug);
    const modSocket = await open(modA.agent);
    await new Promise<void>((resolve) => modSocket.emit("moderation:join", {}, () => resolve()));
    const live = nextEvent(modSocket, "modlog:created");
    await lock(siti.agent, thread.id);
    expect(((await live) as { entry: ModActionDto }).entry).toMatchObject({
      action: "thread.lock",
      targetId: thread.id,
      actor: { name: "Siti Rahmawati" },
    });

    const first = await siti.agent.get<{ entries: ModActionDto[]; nextCursor: string | null }>(
      `/api/moderation/log?limit=1`,
    );
    expect(first.body.entries).toHaveLength(1);
    const second = await siti.agent.get<{ entries: ModActionDto[] }>(
      `/api/moderation/log?limit=1&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.entries[0].id).not.toBe(first.body.entries[0].id);
  });

  it("exports as CSV (Accept: text/csv or .csv) with the same filters, formulas defused", async () => {
    const ani = await signedIn(server, "member");
    const thread = await makeThread(ani.actor, roomA.slug, { title: '=HYPERLINK("http://jahat")' });
    await lock(siti.agent, thread.id);
    const byAccept = await siti.agent.get(`/api/moderation/log?roomSlug=${roomA.slug}`, {
      headers: { accept: "text/csv" },
    });
    expect(byAccept.status).toBe(200);
    expect(byAccept.headers.get("content-type")).toContain("text/csv");
    expect(byAccept.headers.get("content-disposition")).toContain("attachment");
    const lines = byAccept.text
      .replace(/^\uFEFF/, "")
      .trim()
      .split("\r\n");
    expect(lines[0]).toBe(
      'id,"waktu (WIB, UTC+7)",action,actor_id,actor,actor_role,target_type,target_id,target,room,room_slug,thread_id,reason,before,after',
    );
    const row = lines.find((l) => l.includes(thread.id));
    expect(row).toContain("thread.lock");
    // Jakarta time, as the header says, and the room by name with its slug beside it.
    const api = await siti.agent.get<{ entries: ModActionDto[] }>(
      `/api/moderation/log?targetId=${thread.id}`,
    );
    const at = new Date(Date.parse(api.body.entries[0].createdAt) + 7 * 3600_000);
    expect(row).toContain(`,${at.toISOString().slice(0, 10)} ${at.toISOString().slice(11, 19)},`);
    expect(row).toContain(`,${roomA.name.id},${roomA.slug},`);
    expect(row).toContain(`"'=HYPERLINK(""http://jahat"")"`);
    expect(row).toContain(`"{""locked"":false}"`);
    const byPath = await siti.agent.get(`/api/moderation/log.csv?action=thread.lock`);
    expect(
      byPath.text
        .replace(/^\uFEFF/, "")
        .trim()
        .split("\r\n")
        .slice(1)
        .every((l) => l.includes("thread.lock")),
    ).toBe(true);
    expect((await ani.agent.get(`/api/moderation/log.csv`)).status).toBe(403);
  });

  it("is append-only: rows cannot be changed or removed", async () => {
    const row = await ModAction.findOne().lean();
    expect(row).not.toBeNull();
    await expect(ModAction.updateOne({ _id: row?._id }, { $set: { reason: "diubah" } })).rejects.toThrow(
      /append-only/,
    );
    await expect(ModAction.deleteOne({ _id: row?._id })).rejects.toThrow(/append-only/);
    await expect(ModAction.findOneAndUpdate({ _id: row?._id }, { $set: { reason: "x" } })).rejects.toThrow(
      /append-only/,
    );
    expect((await ModAction.findById(row?._id).lean())?.reason).toBe(row?.reason);
  });
});

describe("people and room settings", () => {
  it("suspending writes one row, disconnects their sockets and refuses writes; lifting writes one row; lifting none writes none", async () => {
    const ani = await signedIn(server, "member", { name: "Ani Wijaya" });
    const socket = await open(ani.agent);
    const gone = nextDisconnect(socket);
    const until = new Date(Date.now() + 24 * 3600_000).toISOString();
    const rows = await auditDelta(ani.id, async () => {
      const res = await siti.agent.post<{ user: UserDto }>(`/api/users/${ani.id}/suspend`, {
        until,
        reason: "Spam berulang",
      });
      expect(res.status).toBe(200);
    });
    expect(rows).toBe(1);
    expect(await gone).toBe("io server disconnect");
    const [row] = await auditRows(ani.id, "user.suspend");
    expect(row).toMatchObject({
      targetLabel: "Ani Wijaya",
      reason: "Spam berulang",
      before: { suspendedUntil: null },
      after: { suspendedUntil: until },
    });
    const thread = await makeThread(siti.actor, roomA.slug);
    const write = await ani.agent.post(`/api/threads/${thread.id}/posts`, {
      body: "Coba",
      clientId: "coba-suspend-1",
    });
    expect(write.status).toBe(403);
    expect(write.body).toMatchObject({ error: { code: "SUSPENDED" } });
    const listed = await siti.agent.get<{ users: UserDto[] }>(`/api/moderation/suspended`);
    expect(listed.body.users.map((u) => u.id)).toContain(ani.id);
    expect((await modA.agent.get(`/api/moderation/suspended`)).status).toBe(403);

    expect(
      await auditDelta(ani.id, async () =>
        expect((await siti.agent.delete(`/api/users/${ani.id}/suspend`)).status).toBe(200),
      ),
    ).toBe(1);
    expect(
      await auditDelta(ani.id, async () =>
        expect((await siti.agent.delete(`/api/users/${ani.id}/suspend`)).status).toBe(200),
      ),
    ).toBe(0);
    // Room moderators do not suspend (site-wide); their attempt leaves no row.
    expect(
      await auditDelta(ani.id, async () =>
        expect(
          (await modA.agent.post(`/api/users/${ani.id}/suspend`, { until, reason: "Coba saja" })).status,
        ).toBe(403),
      ),
    ).toBe(0);
  });

  it("a room's moderators set slow mode and pre-moderation (one row with before/after); everything else stays with admins", async () => {
    const rows = await auditDelta(roomA.id, async () => {
      const res = await modA.agent.patch<{ room: RoomDto }>(`/api/rooms/${roomA.slug}`, {
        slowModeSeconds: 60,
        preModerated: true,
      });
      expect(res.status).toBe(200);
      expect(res.body.room).toMatchObject({ slowModeSeconds: 60, preModerated: true });
    });
    expect(rows).toBe(1);
    const [row] = await auditRows(roomA.id, "room.update");
    expect(row).toMatchObject({
      actorName: "Moderator A",
      before: { slowModeSeconds: 0, preModerated: false },
      after: { slowModeSeconds: 60, preModerated: true },
    });
    expect(
      (await modA.agent.patch(`/api/rooms/${roomA.slug}`, { name: { id: "Nama Baru", en: "New Name" } }))
        .status,
    ).toBe(403);
    expect((await modA.agent.patch(`/api/rooms/${roomB.slug}`, { slowModeSeconds: 30 })).status).toBe(403);
    const member = await signedIn(server, "member");
    expect((await member.agent.patch(`/api/rooms/${roomA.slug}`, { slowModeSeconds: 0 })).status).toBe(403);
    // An admin's edit is logged the same way; saving the same values again logs nothing.
    expect(
      await auditDelta(roomA.id, async () =>
        admin.agent.patch(`/api/rooms/${roomA.slug}`, { name: { id: "Ruang A", en: "Room A" } }),
      ),
    ).toBe(1);
    expect(
      await auditDelta(roomA.id, async () =>
        admin.agent.patch(`/api/rooms/${roomA.slug}`, { slowModeSeconds: 60 }),
      ),
    ).toBe(0);
  });

  it("role and verification changes by staff are logged; a demoted moderator leaves the moderators' room at once", async () => {
    const budi = await signedIn(server, "member", { name: "Budi Santoso" });
    expect(
      await auditDelta(budi.id, async () => admin.agent.patch(`/api/users/${budi.id}`, { verified: true })),
    ).toBe(1);
    expect(
      await auditDelta(budi.id, async () =>
        admin.agent.patch(`/api/users/${budi.id}`, { role: "moderator" }),
      ),
    ).toBe(1);
    expect((await auditRows(budi.id)).map((r) => r.action)).toEqual(["user.verify", "user.role"]);
    const socket = await open(budi.agent);
    const live = nextEvent(socket, "modlog:created", 3000);
    const ani = await signedIn(server, "member");
    await lock(siti.agent, (await makeThread(ani.actor, roomB.slug)).id);
    await live;
    await admin.agent.patch(`/api/users/${budi.id}`, { role: "member" });
    const heard: unknown[] = [];
    socket.on("modlog:created", (p) => heard.push(p));
    await lock(siti.agent, (await makeThread(ani.actor, roomB.slug)).id);
    await new Promise((r) => setTimeout(r, 200));
    expect(heard).toEqual([]);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdoptionDto, ModActionDto, UserDto, VerificationRequestDto } from "@rembuk/shared";
import { makeAdmin, makeMember, signedIn, type MadeUser } from "../../test/factories.js";
import type { Agent } from "../../test/http.js";
import { connectSocket, nextEvent, type ClientSocket } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { ask, clientId, collect, makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { makePractice } from "../practices/practice.fixtures.js";

/**
 * Acceptance 1 of issue 11, over REST and sockets: a claim carries no authority until a moderator
 * verifies it, and loses it the moment it changes, on sockets already joined too.
 */
type Err = { error: { code: string; message: string; details?: Record<string, unknown> } };

let server: TestServer;
let admin: MadeUser;
let roomSlug: string;
let roomId: string;
let threadId: string;
let practiceId: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  const room = await makeRoom(admin.actor, {
    visibility: "restricted",
    allowedAffiliations: [{ kind: "region", code: "33" }],
  });
  roomSlug = room.slug;
  roomId = room.id;
  threadId = (await makeThread(admin.actor, room.slug, { title: "Rapat pimpinan Jawa Tengah" })).id;
  const publicRoom = await makeRoom(admin.actor);
  const banyuwangi = await makeMember({
    title: "Bupati Banyuwangi",
    affiliation: { kind: "region", code: "35.10" },
    verified: true,
  });
  practiceId = (await makePractice(banyuwangi.actor, publicRoom.slug, { regionCode: "35.10" })).id;
});

afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
});

async function socketFor(agent: Agent): Promise<ClientSocket> {
  const s = await connectSocket(server.url, agent);
  sockets.push(s);
  return s;
}

/** The restricted room and its thread over REST and socket joins: 200/ok or 404/NOT_FOUND. */
async function access(agent: Agent, socket: ClientSocket) {
  const room = (await agent.get(`/api/rooms/${roomSlug}`)).status;
  const thread = (await agent.get(`/api/threads/${threadId}`)).status;
  const roomJoin = await ask(socket, "room:join", { roomId });
  const threadJoin = await ask(socket, "thread:join", { threadId, afterSeq: 0 });
  return {
    room,
    thread,
    roomJoin: roomJoin.ok ? "ok" : roomJoin.error.code,
    threadJoin: threadJoin.ok ? "ok" : threadJoin.error.code,
  };
}

const claim33 = { title: "Gubernur Jawa Tengah", affiliation: { kind: "region", code: "33" } } as const;

describe("claims and verification, end to end", () => {
  it("an unverified claim has no authority; verification grants it; a changed claim loses it at once", async () => {
    const moderator = await signedIn(server, "moderator");
    const modSocket = await socketFor(moderator.agent);
    const member = await signedIn(server, "member", { name: "Hendra Calon" });
    const memberSocket = await socketFor(member.agent);

    // 1. The member claims region 33 in their profile: a claim, unverified.
    const patched = await member.agent.patch<{ user: UserDto }>(`/api/users/${member.id}`, claim33);
    expect(patched.status).toBe(200);
    expect(patched.body.user).toMatchObject({
      ...claim33,
      verified: false,
      verification: { status: "none" },
    });

    expect(await access(member.agent, memberSocket)).toEqual({
      room: 404,
      thread: 404,
      roomJoin: "NOT_FOUND",
      threadJoin: "NOT_FOUND",
    });
    const refused = await member.agent.post<Err>(`/api/practices/${practiceId}/adoptions`, {
      stage: "interested",
    });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe("NOT_VERIFIED");

    // 2. They ask for verification; the moderators' queue hears of it live.
    const queued = nextEvent(modSocket, "verification:requested");
    const asked = await member.agent.post<{ request: VerificationRequestDto }>(
      `/api/users/${member.id}/verification`,
      {
        ...claim33,
        decree: { number: "SK 121.33/45/2025", date: "2025-02-20" },
        note: "Dilantik Februari 2025",
      },
    );
    expect(asked.status).toBe(201);
    expect(asked.body.request).toMatchObject({ status: "pending", office: "gubernur", title: claim33.title });
    const live = (await queued) as { request: VerificationRequestDto };
    expect(live.request.id).toBe(asked.body.request.id);
    const list = await moderator.agent.get<{ requests: VerificationRequestDto[] }>(
      "/api/moderation/verifications?status=pending",
    );
    expect(list.body.requests.find((r) => r.id === asked.body.request.id)).toMatchObject({
      decree: { number: "SK 121.33/45/2025", date: "2025-02-20" },
      user: { id: member.id, verified: false },
    });
    expect((await member.agent.get("/api/moderation/verifications")).status).toBe(403);

    // 3. A moderator approves: both work, and the member's tab hears of it.
    const told = nextEvent(memberSocket, "user:updated");
    const decided = await moderator.agent.post<{ request: VerificationRequestDto; user: UserDto }>(
      `/api/verifications/${asked.body.request.id}/decide`,
      { decision: "approve" },
    );
    expect(decided.status).toBe(200);
    expect(decided.body.request.status).toBe("approved");
    expect(decided.body.user).toMatchObject({ verified: true, verification: { status: "verified" } });
    expect(((await told) as { user: UserDto }).user.verified).toBe(true);

    expect(await access(member.agent, memberSocket)).toEqual({
      room: 200,
      thread: 200,
      roomJoin: "ok",
      threadJoin: "ok",
    });
    const adopted = await member.agent.post<{ adoption: AdoptionDto }>(
      `/api/practices/${practiceId}/adoptions`,
      {
        stage: "interested",
      },
    );
    expect(adopted.status).toBe(201);

    // The joined socket receives the room's live posts…
    const heard = collect(memberSocket, "post:created");
    const witness = await socketFor((await signedIn(server, "admin")).agent);
    expect(await ask(witness, "thread:join", { threadId, afterSeq: 0 })).toMatchObject({ ok: true });
    const first = nextEvent(witness, "post:created");
    expect(
      await ask(witness, "post:create", { threadId, body: "Sebelum perubahan", clientId: clientId() }),
    ).toMatchObject({ ok: true });
    await first;
    await expect.poll(() => heard.items.length).toBe(1);

    // 4. The leader moves to another region: verification ends, and so does every access, at once,
    // including the socket that had already joined.
    const moved = await member.agent.patch<{ user: UserDto }>(`/api/users/${member.id}`, {
      affiliation: { kind: "region", code: "35" },
    });
    expect(moved.body.user).toMatchObject({ verified: false, verification: { status: "none" } });
    const second = nextEvent(witness, "post:created");
    expect(
      await ask(witness, "post:create", { threadId, body: "Sesudah perubahan", clientId: clientId() }),
    ).toMatchObject({ ok: true });
    await second;
    // The witness has it; the member's socket, which was in the thread, does not.
    expect(heard.items).toHaveLength(1);
    expect(await access(member.agent, memberSocket)).toEqual({
      room: 404,
      thread: 404,
      roomJoin: "NOT_FOUND",
      threadJoin: "NOT_FOUND",
    });
    const step = await member.agent.patch<Err>(`/api/adoptions/${adopted.body.adoption.id}`, {
      stage: "piloting",
    });
    expect(step.status).toBe(403);
    expect(step.body.error.code).toBe("NOT_VERIFIED");
    // Moving back does not restore it: the claim has to be checked again.
    const back = await member.agent.patch<{ user: UserDto }>(`/api/users/${member.id}`, claim33);
    expect(back.body.user.verified).toBe(false);
    expect((await member.agent.get(`/api/rooms/${roomSlug}`)).status).toBe(404);
    heard.stop();

    // One audit row for the decision.
    const log = await moderator.agent.get<{ entries: ModActionDto[] }>(
      `/api/moderation/log?targetId=${member.id}&action=verification.approve`,
    );
    expect(log.body.entries).toHaveLength(1);
  });

  it("a title change ends verification too; a revocation evicts live sockets", async () => {
    const moderator = await signedIn(server, "moderator");
    const leader = await signedIn(server, "member", {
      title: "Wali Kota Semarang",
      affiliation: { kind: "region", code: "33.74" },
      verified: true,
    });
    const s = await socketFor(leader.agent);
    expect(await ask(s, "thread:join", { threadId, afterSeq: 0 })).toMatchObject({ ok: true });
    const heard = collect(s, "post:created");

    const revoked = await moderator.agent.delete<{ user: UserDto }>(`/api/users/${leader.id}/verification`, {
      json: { reason: "SK pelantikan tidak dapat dikonfirmasi" },
    });
    expect(revoked.status).toBe(200);
    expect(revoked.body.user).toMatchObject({
      verified: false,
      verification: { status: "rejected", reason: "SK pelantikan tidak dapat dikonfirmasi" },
    });
    const witness = await socketFor((await signedIn(server, "admin")).agent);
    expect(await ask(witness, "thread:join", { threadId, afterSeq: 0 })).toMatchObject({ ok: true });
    const got = nextEvent(witness, "post:created");
    await ask(witness, "post:create", { threadId, body: "Setelah pencabutan", clientId: clientId() });
    await got;
    expect(heard.items).toHaveLength(0);
    const rows = await moderator.agent.get<{ entries: ModActionDto[] }>(
      `/api/moderation/log?targetId=${leader.id}&action=verification.revoke`,
    );
    expect(rows.body.entries).toHaveLength(1);
    expect(rows.body.entries[0].reason).toBe("SK pelantikan tidak dapat dikonfirmasi");

    // PATCH {verified} still works; a new title then ends it.
    const again = await moderator.agent.patch<{ user: UserDto }>(`/api/users/${leader.id}`, {
      verified: true,
    });
    expect(again.body.user.verified).toBe(true);
    const retitled = await leader.agent.patch<{ user: UserDto }>(`/api/users/${leader.id}`, {
      title: "Wakil Wali Kota Semarang",
    });
    expect(retitled.body.user).toMatchObject({ verified: false, verification: { status: "none" } });
  });

  it("one verified holder per office: a second claim shows as a conflict and cannot be approved until revoked", async () => {
    const moderator = await signedIn(server, "moderator");
    const holder = await makeMember({
      name: "Rina Asli",
      title: "Bupati Kulon Progo",
      affiliation: { kind: "region", code: "34.01" },
      verified: true,
    });
    const claimant = await signedIn(server, "member", { name: "Rina Palsu" });
    const asked = await claimant.agent.post<{ request: VerificationRequestDto }>(
      `/api/users/${claimant.id}/verification`,
      { title: "Bupati Kulon Progo", affiliation: { kind: "region", code: "34.01" } },
    );
    expect(asked.status).toBe(201);
    const list = await moderator.agent.get<{ requests: VerificationRequestDto[] }>(
      "/api/moderation/verifications",
    );
    const row = list.body.requests.find((r) => r.id === asked.body.request.id);
    expect(row?.conflicts).toEqual([
      expect.objectContaining({ user: expect.objectContaining({ id: holder.id }), verified: true }),
    ]);

    const refused = await moderator.agent.post<Err>(`/api/verifications/${asked.body.request.id}/decide`, {
      decision: "approve",
    });
    expect(refused.status).toBe(409);
    expect(refused.body.error.details).toMatchObject({ reason: "office-taken", holder: { id: holder.id } });
    // PATCH {verified:true} obeys the same rule.
    expect((await moderator.agent.patch(`/api/users/${claimant.id}`, { verified: true })).status).toBe(409);
    expect(
      (await moderator.agent.get<{ user: UserDto }>(`/api/users/${claimant.id}`)).body.user.verified,
    ).toBe(false);

    await moderator.agent.delete(`/api/users/${holder.id}/verification`, {
      json: { reason: "Masa jabatan berakhir" },
    });
    const ok = await moderator.agent.post<{ user: UserDto }>(
      `/api/verifications/${asked.body.request.id}/decide`,
      {
        decision: "approve",
      },
    );
    expect(ok.status).toBe(200);
    expect(ok.body.user.verified).toBe(true);
  });

  it("a rejection needs a reason, reaches the member live, and is decided once", async () => {
    const moderator = await signedIn(server, "moderator");
    const member = await signedIn(server, "member");
    const s = await socketFor(member.agent);
    const asked = await member.agent.post<{ request: VerificationRequestDto }>(
      `/api/users/${member.id}/verification`,
      {
        title: "Kepala Badan Kepegawaian",
        affiliation: { kind: "agency", name: "Badan Uji Coba" },
      },
    );
    const id = asked.body.request.id;
    const noReason = await moderator.agent.post<Err>(`/api/verifications/${id}/decide`, {
      decision: "reject",
    });
    expect(noReason.status).toBe(400);
    const told = nextEvent(s, "verification:updated");
    const rejected = await moderator.agent.post<{ request: VerificationRequestDto }>(
      `/api/verifications/${id}/decide`,
      {
        decision: "reject",
        reason: "Tidak ada bukti jabatan",
      },
    );
    expect(rejected.status).toBe(200);
    expect(((await told) as { request: VerificationRequestDto }).request).toMatchObject({
      status: "rejected",
      reason: "Tidak ada bukti jabatan",
    });
    const me = await member.agent.get<{ user: UserDto }>("/api/auth/me");
    expect(me.body.user.verification).toEqual({ status: "rejected", reason: "Tidak ada bukti jabatan" });
    expect(
      (await moderator.agent.post(`/api/verifications/${id}/decide`, { decision: "approve" })).status,
    ).toBe(409);
    const rows = await moderator.agent.get<{ entries: ModActionDto[] }>(
      `/api/moderation/log?targetId=${member.id}`,
    );
    expect(rows.body.entries.filter((e) => e.action.startsWith("verification."))).toHaveLength(1);
  });

  it("refuses requests from others, from unconfirmed accounts and for unknown regions", async () => {
    const member = await signedIn(server, "member");
    const other = await signedIn(server, "member");
    expect((await other.agent.post(`/api/users/${member.id}/verification`, claim33)).status).toBe(403);
    const unconfirmed = await signedIn(server, "member", { emailConfirmed: false });
    const res = await unconfirmed.agent.post<Err>(`/api/users/${unconfirmed.id}/verification`, claim33);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("EMAIL_NOT_CONFIRMED");
    const unknown = await member.agent.post<Err>(`/api/users/${member.id}/verification`, {
      title: "Bupati",
      affiliation: { kind: "region", code: "99.99" },
    });
    expect(unknown.status).toBe(400);
    const badMail = await member.agent.post<Err>(`/api/users/${member.id}/verification`, {
      ...claim33,
      officialEmail: "gubernur@gmail.com",
    });
    expect(badMail.status).toBe(400);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PublicUserDto, UserDto } from "@rembuk/shared";
import { Agent } from "../../test/http.js";
import { makeAdmin, makeMember, makeModerator, makeUser, signIn, signedIn } from "../../test/factories.js";
import { connectSocket, nextDisconnect, nextEvent, refusedSocket } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { User } from "./user.model.js";

type ErrorBody = { error: { code: string; message: string; details?: Record<string, unknown> } };

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const guest = () => new Agent(server.url);
const inFuture = (ms = 86_400_000) => new Date(Date.now() + ms).toISOString();

/** No DTO may carry a Mongo `_id` or a credential, however deeply nested. */
function assertClean(value: unknown) {
  const text = JSON.stringify(value);
  expect(text).not.toMatch(/"_id"|passwordHash|\$argon2/);
}

describe("GET /api/users/:id", () => {
  it("shows guests and other members the public profile only", async () => {
    const target = await makeUser({
      title: "Bupati Banyuwangi",
      affiliation: { kind: "region", code: "35.10" },
      verified: true,
    });
    const member = await signedIn(server);
    for (const viewer of [guest(), member.agent]) {
      const res = await viewer.get<{ user: PublicUserDto }>(`/api/users/${target.id}`);
      expect(res.status).toBe(200);
      expect(res.body.user).toEqual({
        id: target.id,
        name: target.user.name,
        role: "member",
        title: "Bupati Banyuwangi",
        affiliation: { kind: "region", code: "35.10" },
        verified: true,
        createdAt: target.user.createdAt.toISOString(),
        // What this viewer may do to the user: nothing (the abilities the server decides, not private data).
        can: { verify: false, setRole: false, suspend: false, viewEmail: false },
      });
      assertClean(res.body);
    }
  });

  it("adds email, locale and suspension for the user themself and admins; moderators get no email", async () => {
    const self = await signedIn(server);
    const admin = await signedIn(server, "admin");
    const moderator = await signedIn(server, "moderator");
    const own = await self.agent.get<{ user: UserDto }>(`/api/users/${self.id}`);
    expect(own.body.user).toMatchObject({ email: self.email, locale: "id", suspendedUntil: null });
    const byAdmin = await admin.agent.get<{ user: UserDto }>(`/api/users/${self.id}`);
    expect(byAdmin.body.user.email).toBe(self.email);
    const byMod = await moderator.agent.get<{ user: UserDto }>(`/api/users/${self.id}`);
    expect(byMod.body.user).toMatchObject({ suspendedUntil: null });
    expect(byMod.body.user).not.toHaveProperty("email");
    for (const r of [own, byAdmin, byMod]) assertClean(r.body);
  });

  it("answers 400 for a malformed id and 404 for an unknown one", async () => {
    const bad = await guest().get<ErrorBody>("/api/users/not-an-id");
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe("VALIDATION");
    const missing = await guest().get<ErrorBody>("/api/users/65f000000000000000000000");
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe("NOT_FOUND");
  });
});

describe("PATCH /api/users/:id", () => {
  it("lets a user edit their own profile, validating region codes against the dataset", async () => {
    const me = await signedIn(server);
    const res = await me.agent.patch<{ user: UserDto }>(`/api/users/${me.id}`, {
      name: "Yuliana Pratiwi",
      title: "Wali Kota Salatiga",
      affiliation: { kind: "region", code: "33.73" },
      locale: "en",
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      name: "Yuliana Pratiwi",
      title: "Wali Kota Salatiga",
      affiliation: { kind: "region", code: "33.73" },
      locale: "en",
    });

    const unknown = await me.agent.patch<ErrorBody>(`/api/users/${me.id}`, {
      affiliation: { kind: "region", code: "99.99" },
    });
    expect(unknown.status).toBe(400);
    expect(unknown.body.error.details).toHaveProperty(["affiliation.code"]);
    const stored = await User.findById(me.id).lean();
    expect(stored?.affiliation).toEqual({ kind: "region", code: "33.73" });

    const agency = await me.agent.patch<{ user: UserDto }>(`/api/users/${me.id}`, {
      affiliation: { kind: "agency", name: "Kementerian PANRB" },
    });
    expect(agency.body.user.affiliation).toEqual({ kind: "agency", name: "Kementerian PANRB" });
  });

  it("refuses editing someone else's profile, even for admins, and changes nothing", async () => {
    const target = await makeMember({ name: "Nama Asli" });
    const admin = await signedIn(server, "admin");
    const res = await admin.agent.patch<ErrorBody>(`/api/users/${target.id}`, { name: "Nama Palsu" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("FORBIDDEN");
    expect((await User.findById(target.id).lean())?.name).toBe("Nama Asli");
  });

  it("lets moderators and admins verify, and only admins change roles", async () => {
    const target = await makeMember();
    const moderator = await signedIn(server, "moderator");
    const admin = await signedIn(server, "admin");
    const member = await signedIn(server);

    expect((await member.agent.patch<ErrorBody>(`/api/users/${target.id}`, { verified: true })).status).toBe(
      403,
    );
    const verified = await moderator.agent.patch<{ user: UserDto }>(`/api/users/${target.id}`, {
      verified: true,
    });
    expect(verified.status).toBe(200);
    expect(verified.body.user.verified).toBe(true);

    expect((await moderator.agent.patch(`/api/users/${target.id}`, { role: "moderator" })).status).toBe(403);
    expect((await member.agent.patch(`/api/users/${member.id}`, { role: "admin" })).status).toBe(403);
    const promoted = await admin.agent.patch<{ user: UserDto }>(`/api/users/${target.id}`, {
      role: "moderator",
    });
    expect(promoted.status).toBe(200);
    expect(promoted.body.user.role).toBe("moderator");
    expect((await admin.agent.patch(`/api/users/${admin.id}`, { role: "member" })).status).toBe(403);
  });

  it("rejects an empty patch, unknown fields and guests", async () => {
    const me = await signedIn(server);
    expect((await me.agent.patch(`/api/users/${me.id}`, {})).status).toBe(400);
    expect((await me.agent.patch(`/api/users/${me.id}`, { passwordHash: "x" })).status).toBe(400);
    expect((await me.agent.patch(`/api/users/${me.id}`, { email: "baru@x.id" })).status).toBe(400);
    expect((await guest().patch(`/api/users/${me.id}`, { name: "Siapa" })).status).toBe(401);
    expect((await me.agent.patch("/api/users/xyz", { name: "Siapa" })).status).toBe(400);
    expect((await me.agent.patch("/api/users/65f000000000000000000000", { name: "Siapa" })).status).toBe(404);
  });
});

describe("GET /api/users (admins)", () => {
  it("searches by name or email prefix, case-insensitively, and pages with a cursor", async () => {
    const admin = await signedIn(server, "admin");
    const tag = `zq${Date.now().toString(36)}`;
    const made = [];
    for (let i = 0; i < 5; i++) made.push(await makeMember({ name: `${tag} Warga ${i}` }));
    const byEmail = await makeMember({ name: "Lain", email: `${tag}.mail@uji.rembuk.id` });

    const first = await admin.agent.get<{ users: UserDto[]; nextCursor: string | null }>(
      `/api/users?query=${tag.toUpperCase()}&limit=4`,
    );
    expect(first.status).toBe(200);
    expect(first.body.users).toHaveLength(4);
    expect(first.body.nextCursor).toBeTruthy();
    const second = await admin.agent.get<{ users: UserDto[]; nextCursor: string | null }>(
      `/api/users?query=${tag}&limit=4&cursor=${first.body.nextCursor}`,
    );
    expect(second.body.users).toHaveLength(2);
    expect(second.body.nextCursor).toBeNull();
    const ids = [...first.body.users, ...second.body.users].map((u) => u.id);
    expect(new Set(ids)).toEqual(new Set([...made.map((m) => m.id), byEmail.id]));
    // Newest first.
    expect(ids[0]).toBe(byEmail.id);
    expect(first.body.users[0].email).toBe(byEmail.email);
    assertClean(first.body);
  });

  it("treats regex characters literally and filters by role", async () => {
    const admin = await signedIn(server, "admin");
    const res = await admin.agent.get<{ users: UserDto[] }>(`/api/users?query=${encodeURIComponent(".*")}`);
    expect(res.status).toBe(200);
    expect(res.body.users).toEqual([]);
    const mods = await admin.agent.get<{ users: UserDto[] }>("/api/users?role=moderator&limit=100");
    expect(mods.body.users.every((u) => u.role === "moderator")).toBe(true);
    expect((await admin.agent.get("/api/users?cursor=zzz")).status).toBe(400);
    expect((await admin.agent.get("/api/users?limit=1000")).status).toBe(400);
  });

  it("is for admins only", async () => {
    const moderator = await signedIn(server, "moderator");
    expect((await moderator.agent.get<ErrorBody>("/api/users")).status).toBe(403);
    expect((await guest().get<ErrorBody>("/api/users")).status).toBe(401);
  });
});

describe("suspension", () => {
  it("disconnects the user's sockets (after telling them), blocks writes, logins and reconnects", async () => {
    const target = await signedIn(server);
    const moderator = await signedIn(server, "moderator");
    const socket = await connectSocket(server.url, target.agent);
    const ended = nextEvent(socket, "session:ended");
    const disconnected = nextDisconnect(socket);

    const until = inFuture();
    const res = await moderator.agent.post<{ user: UserDto }>(`/api/users/${target.id}/suspend`, {
      until,
      reason: "Spam berulang",
    });
    expect(res.status).toBe(200);
    expect(res.body.user).toMatchObject({
      id: target.id,
      suspendedUntil: until,
      suspendReason: "Spam berulang",
    });
    expect(res.body.user).not.toHaveProperty("email");
    expect(await ended).toEqual({ reason: "suspended" });
    expect(await disconnected).toBe("io server disconnect");

    // Existing session: reads still work, writes are refused.
    expect((await target.agent.get(`/api/users/${target.id}`)).status).toBe(200);
    const write = await target.agent.patch<ErrorBody>(`/api/users/${target.id}`, {
      title: "Mencoba menulis",
    });
    expect(write.status).toBe(403);
    expect(write.body.error).toMatchObject({ code: "SUSPENDED", details: { suspendedUntil: until } });
    // No new login, no reconnect.
    const login = await guest().post<ErrorBody>("/api/auth/login", {
      email: target.email,
      password: target.password,
    });
    expect(login.status).toBe(403);
    expect(login.body.error.code).toBe("SUSPENDED");
    const refusal = await refusedSocket(server.url, target.agent);
    expect(refusal.data).toMatchObject({ code: "SUSPENDED" });

    // Lifting it restores everything.
    const lifted = await moderator.agent.delete<{ user: UserDto }>(`/api/users/${target.id}/suspend`);
    expect(lifted.status).toBe(200);
    expect(lifted.body.user.suspendedUntil).toBeNull();
    expect((await target.agent.patch(`/api/users/${target.id}`, { title: "Kembali" })).status).toBe(200);
    const back = await connectSocket(server.url, target.agent);
    back.disconnect();
  });

  it("follows the policy: no suspending admins, oneself or (for moderators) other moderators", async () => {
    const moderator = await signedIn(server, "moderator");
    const admin = await signedIn(server, "admin");
    const otherMod = await makeModerator();
    const otherAdmin = await makeAdmin();
    const body = { until: inFuture(), reason: "Alasan yang cukup" };
    expect((await moderator.agent.post(`/api/users/${otherMod.id}/suspend`, body)).status).toBe(403);
    expect((await moderator.agent.post(`/api/users/${otherAdmin.id}/suspend`, body)).status).toBe(403);
    expect((await moderator.agent.post(`/api/users/${moderator.id}/suspend`, body)).status).toBe(403);
    expect((await admin.agent.post(`/api/users/${otherAdmin.id}/suspend`, body)).status).toBe(403);
    expect((await admin.agent.post(`/api/users/${otherMod.id}/suspend`, body)).status).toBe(200);
    expect((await User.findById(otherAdmin.id).lean())?.suspendedUntil).toBeNull();
  });

  it("validates the body and the ids", async () => {
    const moderator = await signedIn(server, "moderator");
    const target = await makeMember();
    expect(
      (
        await moderator.agent.post(`/api/users/${target.id}/suspend`, {
          until: new Date(Date.now() - 1000).toISOString(),
          reason: "Sudah lewat",
        })
      ).status,
    ).toBe(400);
    expect(
      (await moderator.agent.post(`/api/users/${target.id}/suspend`, { until: "besok", reason: "Alasan" }))
        .status,
    ).toBe(400);
    expect(
      (await moderator.agent.post(`/api/users/${target.id}/suspend`, { until: inFuture() })).status,
    ).toBe(400);
    expect(
      (await moderator.agent.post("/api/users/123/suspend", { until: inFuture(), reason: "Alasan" })).status,
    ).toBe(400);
    expect(
      (
        await moderator.agent.post("/api/users/65f000000000000000000000/suspend", {
          until: inFuture(),
          reason: "Alasan",
        })
      ).status,
    ).toBe(404);
    expect((await User.findById(target.id).lean())?.suspendedUntil).toBeNull();
  });

  it("keeps a suspended moderator from suspending anyone", async () => {
    const made = await makeModerator();
    const agent = await signIn(server, made);
    await User.updateOne({ _id: made.id }, { $set: { suspendedUntil: new Date(Date.now() + 60_000) } });
    const target = await makeMember();
    const res = await agent.post<ErrorBody>(`/api/users/${target.id}/suspend`, {
      until: inFuture(),
      reason: "Alasan yang cukup",
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("SUSPENDED");
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PostDto, RoomDto, ThreadDto, UserDto } from "@rembuk/shared";
import { signedIn } from "../test/factories.js";
import { Agent } from "../test/http.js";
import { startTestServer, type TestServer } from "../test/testServer.js";
import { makeRoom, makeThread } from "./rooms/forum.fixtures.js";

/** The abilities reach the viewer with the DTOs they concern, each viewer their own. */
let server: TestServer;
type Viewer = Awaited<ReturnType<typeof signedIn>>;
let admin: Viewer;
let ani: Viewer;
let budi: Viewer;
let guest: Agent;
let room: { id: string; slug: string };
let thread: ThreadDto;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server, "admin");
  ani = await signedIn(server, "member", { name: "Ani Wijaya" });
  budi = await signedIn(server, "member", { name: "Budi Santoso" });
  guest = new Agent(server.url);
  room = await makeRoom(admin.actor);
  thread = await makeThread(ani.actor, room.slug, { title: "Layanan desa", body: "Pembuka." });
});

afterAll(async () => {
  await server?.close();
});

describe("abilities on DTOs", () => {
  it("GET /auth/me carries the signed-in user's site abilities", async () => {
    const me = await admin.agent.get<{ user: UserDto }>("/api/auth/me");
    expect(me.body.user.site).toEqual({
      createRoom: true,
      manageUsers: true,
      viewOutbox: true,
      viewPracticeStats: true,
    });
    const member = await ani.agent.get<{ user: UserDto }>("/api/auth/me");
    expect(member.body.user.site).toMatchObject({ createRoom: false, manageUsers: false });
  });

  it("a profile says what the viewer may do to that user", async () => {
    const asAdmin = await admin.agent.get<{ user: UserDto }>(`/api/users/${ani.id}`);
    expect(asAdmin.body.user.can).toMatchObject({ verify: true, setRole: true, suspend: true });
    const asPeer = await budi.agent.get<{ user: UserDto }>(`/api/users/${ani.id}`);
    expect(asPeer.body.user.can).toEqual({ verify: false, setRole: false, suspend: false, viewEmail: false });
    // Someone else's profile never carries the site abilities of the person it describes.
    expect(asAdmin.body.user).not.toHaveProperty("site");
  });

  it("a room, a thread and its posts carry each viewer's own abilities", async () => {
    const roomAsAdmin = await admin.agent.get<{ room: RoomDto }>(`/api/rooms/${room.slug}`);
    expect(roomAsAdmin.body.room.can).toMatchObject({ update: true, moderate: true });
    const roomAsGuest = await guest.get<{ room: RoomDto }>(`/api/rooms/${room.slug}`);
    expect(roomAsGuest.body.room.can).toMatchObject({ update: false, createThread: false });

    const asAuthor = await ani.agent.get<{ thread: ThreadDto }>(`/api/threads/${thread.id}`);
    expect(asAuthor.body.thread.can).toMatchObject({ reply: true, moderate: false, flag: false });
    const asPeer = await budi.agent.get<{ thread: ThreadDto }>(`/api/threads/${thread.id}`);
    expect(asPeer.body.thread.can).toMatchObject({ reply: true, moderate: false, flag: true });
    const asGuest = await guest.get<{ thread: ThreadDto }>(`/api/threads/${thread.id}`);
    expect(asGuest.body.thread.can).toMatchObject({ reply: false, flag: false });

    const path = `/api/threads/${thread.id}/posts`;
    const mine = await ani.agent.get<{ posts: PostDto[] }>(path);
    expect(mine.body.posts[0].can).toMatchObject({ edit: true, delete: true, flag: false });
    const theirs = await budi.agent.get<{ posts: PostDto[] }>(path);
    expect(theirs.body.posts[0].can).toMatchObject({ edit: false, delete: false, flag: true });
    const moderated = await admin.agent.get<{ posts: PostDto[] }>(path);
    expect(moderated.body.posts[0].can).toMatchObject({ delete: true, moderate: true, suspendAuthor: true });
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  ModActionKind,
  type FlagDto,
  type PostDto,
  type RoomDto,
  type ThreadModerateInput,
  type PostModerateInput,
} from "@rembuk/shared";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { clientId, makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { ModAction } from "./modAction.model.js";
import { auditDelta, auditRows } from "./test/fixtures.js";

/**
 * "Every action writes exactly one audit row": each thread and post action adds one row about its
 * target with the right kind, actor, room and reason — and a refused attempt adds none.
 */
let server: TestServer;
let admin: MadeUser;
let room: RoomDto;
let other: RoomDto;
let siti: Awaited<ReturnType<typeof signedIn>>;

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  siti = await signedIn(server, "moderator", { name: "Siti Rahmawati" });
  room = await makeRoom(admin.actor, { preModerated: true });
  other = await makeRoom(admin.actor);
});

afterAll(async () => {
  await server?.close();
});

async function moderateThread(threadId: string, input: ThreadModerateInput) {
  expect((await siti.agent.post(`/api/threads/${threadId}/moderate`, input)).status).toBe(200);
}
async function moderatePost(postId: string, input: PostModerateInput) {
  expect((await siti.agent.post(`/api/posts/${postId}/moderate`, input)).status).toBe(200);
}

// The socket mirrors of the tools are gone (no client sent them); REST is their one path.
describe("exactly one audit row per action", () => {
  it("thread tools", async () => {
    const verified = await signedIn(server, "member", { verified: true });
    const unverified = await signedIn(server, "member");
    const steps: Array<[ThreadModerateInput, string]> = [];
    const queued = (
      await unverified.agent.post<{ thread: { id: string } }>(`/api/rooms/${room.slug}/threads`, {
        title: "Menunggu tinjauan",
        body: "Isi",
        clientId: clientId(),
      })
    ).body.thread.id;
    const rejected = (
      await unverified.agent.post<{ thread: { id: string } }>(`/api/rooms/${room.slug}/threads`, {
        title: "Akan ditolak",
        body: "Isi",
        clientId: clientId(),
      })
    ).body.thread.id;
    const thread = (await makeThread(verified.actor, room.slug)).id;
    for (const input of [
      { action: "pin", until: new Date(Date.now() + 3600_000).toISOString() },
      { action: "unpin" },
      { action: "feature" },
      { action: "unfeature" },
      { action: "lock", reason: "Selesai dibahas" },
      { action: "unlock" },
      { action: "edit", title: "Judul yang disunting" },
      { action: "hide", reason: "Data pribadi" },
      { action: "unhide" },
      { action: "move", roomSlug: other.slug },
    ] satisfies ThreadModerateInput[])
      steps.push([input, thread]);
    steps.push([{ action: "approve" }, queued], [{ action: "reject", reason: "Bukan tempatnya" }, rejected]);

    for (const [input, target] of steps) {
      const before = await ModAction.countDocuments({});
      expect(await auditDelta(target, () => moderateThread(target, input))).toBe(1);
      // Nothing else was logged alongside.
      expect(await ModAction.countDocuments({})).toBe(before + 1);
      const [row] = (await auditRows(target)).slice(-1);
      expect(row).toMatchObject({
        action: `thread.${input.action}`,
        actorName: "Siti Rahmawati",
        targetType: "thread",
      });
      expect(row.reason).toBe("reason" in input ? input.reason : null);
    }
  });

  it("post tools", async () => {
    const verified = await signedIn(server, "member", { verified: true });
    const unverified = await signedIn(server, "member");
    const thread = (await makeThread(verified.actor, room.slug)).id;
    const send = async (agent: typeof verified.agent, body: string) =>
      (await agent.post<{ post: PostDto }>(`/api/threads/${thread}/posts`, { body, clientId: clientId() }))
        .body.post.id;
    const published = await send(verified.agent, "Terbit");
    const waiting = await send(unverified.agent, "Menunggu");
    const toReject = await send(unverified.agent, "Ditolak");
    const steps: Array<[PostModerateInput, string]> = [
      [{ action: "hide", reason: "Promosi" }, published],
      [{ action: "unhide" }, published],
      [{ action: "edit", body: "Terbit, dirapikan" }, published],
      [{ action: "delete", reason: "Melanggar" }, published],
      [{ action: "restore" }, published],
      [{ action: "approve", body: "Menunggu, dirapikan" }, waiting],
      [{ action: "reject", reason: "Di luar topik" }, toReject],
    ];
    for (const [input, target] of steps) {
      const before = await ModAction.countDocuments({});
      expect(await auditDelta(target, () => moderatePost(target, input))).toBe(1);
      expect(await ModAction.countDocuments({})).toBe(before + 1);
      const [row] = (await auditRows(target)).slice(-1);
      expect(row).toMatchObject({ action: `post.${input.action}`, targetType: "post", roomSlug: room.slug });
    }
  });

  it("flag decisions", async () => {
    const author = await signedIn(server, "member", { verified: true });
    const reporter = await signedIn(server, "member");
    const thread = (await makeThread(author.actor, other.slug)).id;
    const post = (
      await author.agent.post<{ post: PostDto }>(`/api/threads/${thread}/posts`, {
        body: "Pos",
        clientId: clientId(),
      })
    ).body.post.id;
    const flag = (
      await reporter.agent.post<{ flag: FlagDto }>(`/api/flags`, {
        targetType: "post",
        targetId: post,
        reason: "spam",
      })
    ).body.flag.id;
    expect(
      await auditDelta(flag, async () =>
        expect(
          (await siti.agent.post(`/api/moderation/flags/${flag}/assign`, { assigneeId: siti.id })).status,
        ).toBe(200),
      ),
    ).toBe(1);
    expect(
      await auditDelta(flag, async () =>
        expect((await siti.agent.post(`/api/moderation/flags/${flag}/notes`, { text: "Dicek" })).status).toBe(
          200,
        ),
      ),
    ).toBe(1);
    expect(
      await auditDelta(flag, async () => {
        expect((await siti.agent.post(`/api/flags/${flag}/resolve`, { status: "dismissed" })).status).toBe(
          200,
        );
      }),
    ).toBe(1);
    expect((await auditRows(flag)).map((r) => r.action)).toEqual([
      "flag.assign",
      "flag.note",
      "flag.dismiss",
    ]);
  });
});

describe("refusals and no-ops log nothing", () => {
  it("a member's attempt, a wrong state and a repeat add no row", async () => {
    const member = await signedIn(server, "member", { verified: true });
    const thread = (await makeThread(member.actor, other.slug)).id;
    const before = await ModAction.countDocuments({});
    expect((await member.agent.post(`/api/threads/${thread}/moderate`, { action: "lock" })).status).toBe(403);
    expect((await siti.agent.post(`/api/threads/${thread}/moderate`, { action: "approve" })).status).toBe(
      409,
    );
    expect((await siti.agent.post(`/api/threads/${thread}/moderate`, { action: "unpin" })).status).toBe(200);
    const bad = await siti.agent.post(`/api/threads/${thread}/moderate`, { action: "hide" });
    expect(bad.body).toMatchObject({ error: { code: "VALIDATION" } });
    expect(await ModAction.countDocuments({})).toBe(before);
  });

  it("names every kind of row the log can hold", () => {
    // A new action must be added to the shared list (filters, CSV, translations) before it can be logged.
    expect(ModActionKind.options).toHaveLength(46);
  });
});

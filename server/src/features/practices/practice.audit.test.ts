import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import type { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { auditDelta, auditRows } from "../moderation/test/fixtures.js";
import { createPost } from "../posts/post.service.js";
import { clientId, makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { makePractice, validPractice } from "./practice.fixtures.js";

/** Practices in the audit log: a promotion, and a moderator's or admin's edit of someone else's record. */

let server: TestServer;
let admin: MadeUser;
let author: MadeUser & { agent: Agent };
let roomSlug: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  roomSlug = (await makeRoom(admin.actor)).slug;
  author = await signedIn(server, "member", {
    name: "Yuliana Pratiwi",
    affiliation: { kind: "region", code: "33.73" },
    verified: true,
  });
});
afterAll(async () => {
  await server?.close();
});

describe("promoting a discussion in the audit log", () => {
  it("writes one row for the promotion, none for a repeat or a denied attempt", async () => {
    const discussion = await makeThread(author.actor, roomSlug, { title: "Pengalaman rujukan daring" });
    const { post: reply } = await createPost(author.actor, discussion.id, {
      body: "Waktu tunggu turun.",
      clientId: clientId(),
    });
    const moderator = await signedIn(server, "moderator", { name: "Moderator Audit" });

    const denied = () =>
      author.agent.post(`/api/threads/${discussion.id}/promote`, { practice: validPractice() });
    expect(await auditDelta(discussion.id, async () => expect((await denied()).status).toBe(403))).toBe(0);
    const promote = () =>
      moderator.agent.post(`/api/threads/${discussion.id}/promote`, {
        practice: validPractice(),
        sourcePostIds: [reply.id],
      });
    expect(await auditDelta(discussion.id, async () => expect((await promote()).status).toBe(200))).toBe(1);
    expect(await auditDelta(discussion.id, async () => expect((await promote()).status).toBe(409))).toBe(0);

    const [row] = await auditRows(discussion.id, "practice.promote");
    expect(row).toMatchObject({
      actorName: "Moderator Audit",
      targetType: "thread",
      targetLabel: "Pengalaman rujukan daring",
      roomSlug,
      before: { kind: "discussion" },
      after: { kind: "practice", sourcePosts: 1 },
    });
    expect(row.actorId?.toString()).toBe(moderator.id);
    expect(row.threadId?.toString()).toBe(discussion.id);
  });
});

describe("editing a practice record in the audit log", () => {
  it("logs a moderator's or admin's edit of someone else's record with the changed fields", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const moderator = await signedIn(server, "moderator");
    const edit = (agent: Agent, stage: string) =>
      agent.patch(`/api/practices/${practice.id}`, { practice: { stage } });

    expect(
      await auditDelta(practice.id, async () =>
        expect((await edit(moderator.agent, "trial")).status).toBe(200),
      ),
    ).toBe(1);
    const [row] = await auditRows(practice.id, "practice.edit");
    expect(row).toMatchObject({
      targetType: "thread",
      roomSlug,
      before: { stage: "implemented" },
      after: { stage: "trial" },
    });
    expect(row.actorId?.toString()).toBe(moderator.id);
    expect(Object.keys(row.after ?? {})).toEqual(["stage"]);

    // The same value again changes nothing and logs nothing.
    expect(
      await auditDelta(practice.id, async () =>
        expect((await edit(moderator.agent, "trial")).status).toBe(200),
      ),
    ).toBe(0);
    const adminAgent = await signedIn(server, "admin");
    expect(
      await auditDelta(practice.id, async () =>
        expect((await edit(adminAgent.agent, "implemented")).status).toBe(200),
      ),
    ).toBe(1);
    expect(await auditRows(practice.id, "practice.edit")).toHaveLength(2);
  });

  it("writes none for the author's own edit or a denied one", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const other = await signedIn(server, "member", {
      affiliation: { kind: "region", code: "33.73" },
      verified: true,
    });
    const edit = (agent: Agent) =>
      agent.patch(`/api/practices/${practice.id}`, { practice: { stage: "trial" } });
    expect(
      await auditDelta(practice.id, async () => expect((await edit(other.agent)).status).toBe(403)),
    ).toBe(0);
    expect(
      await auditDelta(practice.id, async () => expect((await edit(author.agent)).status).toBe(200)),
    ).toBe(0);
  });
});

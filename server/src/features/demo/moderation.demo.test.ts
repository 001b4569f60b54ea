import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { FlagDto, ModActionDto, PostDto, QueueItemDto } from "@rembuk/shared";
import { logger } from "../../lib/logger.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { DEMO_PASSWORD } from "./demo.users.js";
import { seedDemo } from "./seed.js";
import { forumDemoSeeder } from "./forum.demo.js";
import { moderationDemoSeeder } from "./moderation.demo.js";

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
  await seedDemo(logger, [forumDemoSeeder, moderationDemoSeeder]);
}, 60_000);
afterAll(() => server.close());

async function as(email: string) {
  const agent = new Agent(server.url);
  expect((await agent.post("/api/auth/login", { email, password: DEMO_PASSWORD })).status).toBe(200);
  return agent;
}

describe("moderation demo content", () => {
  it("gives the moderator a queue (a reply and a practice), open flags, a hidden post and an audit history", async () => {
    const siti = await as("moderator@rembuk.id");
    const queue = (await siti.get<{ items: QueueItemDto[] }>(`/api/moderation/queue`)).body.items;
    expect(queue.map((i) => [i.targetType, i.thread.kind])).toEqual(
      expect.arrayContaining([
        ["post", "discussion"],
        ["thread", "practice"],
      ]),
    );
    expect(queue).toHaveLength(2);

    const flags = (await siti.get<{ flags: FlagDto[] }>(`/api/moderation/flags?status=open`)).body.flags;
    expect(flags.length).toBe(4);
    expect(flags.some((f) => f.openOnTarget === 2)).toBe(true);
    expect(
      (await siti.get<{ flags: FlagDto[] }>(`/api/moderation/flags?status=resolved`)).body.flags,
    ).toHaveLength(1);
    expect(
      (await siti.get<{ flags: FlagDto[] }>(`/api/moderation/flags?status=dismissed`)).body.flags,
    ).toHaveLength(1);

    const log = (
      await siti.get<{ entries: ModActionDto[] }>(`/api/moderation/log?limit=200`)
    ).body.entries.map((e) => e.action);
    expect(log).toEqual(
      expect.arrayContaining([
        "room.update",
        "thread.pin",
        "thread.feature",
        "thread.lock",
        "post.hide",
        "flag.resolve",
        "flag.dismiss",
      ]),
    );

    // A member sees the hidden promotion as a placeholder, and the curated threads on the home page.
    const member = await as("walikota.surabaya@rembuk.id");
    const featured = (
      await member.get<{ threads: Array<{ title: string; pinned: boolean }> }>(`/api/featured`)
    ).body.threads;
    expect(featured.map((t) => t.title)).toContain(
      "Smart Kampung: layanan administrasi cukup di kantor desa",
    );
    const spbe = (
      await member.get<{ threads: Array<{ id: string; title: string }> }>(
        `/api/rooms/pemerintahan-digital-spbe/threads`,
      )
    ).body.threads[0];
    const posts = (await member.get<{ posts: PostDto[] }>(`/api/threads/${spbe.id}/posts?limit=100`)).body
      .posts;
    const hidden = posts.find((p) => p.status === "hidden");
    expect(hidden).toMatchObject({ body: null, html: null });
    expect(JSON.stringify(posts)).not.toContain("0812-0000-1111");
  });
});

import { SEARCH_LIMITS, type SearchResponse } from "@rembuk/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { clientId, makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { createPost } from "../posts/post.service.js";

/**
 * A term held by more documents than the count cap is read by impact band (rank.ts), not through
 * every match: the best documents still come first, counts stop at the cap, the reader's scope
 * still decides, and a new post is found by the next search.
 */
const CAP = SEARCH_LIMITS.counts.cap;
let server: TestServer;
let admin: MadeUser;
let insider: MadeUser & { agent: Agent };
let guest: Agent;

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  insider = await signedIn(server, "member", {
    name: "Orang Dalam",
    affiliation: { kind: "region", code: "33.73" },
    verified: true,
  });
  guest = new Agent(server.url);
  const open = (await makeRoom(admin.actor)).slug;
  const restricted = (
    await makeRoom(admin.actor, {
      visibility: "restricted",
      allowedAffiliations: [{ kind: "region", code: "33" }],
    })
  ).slug;
  const say = async (slug: string, bodies: string[]) => {
    const thread = await makeThread(insider.actor, slug, { title: "Catatan lapangan", body: "Pembuka." });
    for (const body of bodies) await createPost(insider.actor, thread.id, { body, clientId: clientId() });
  };
  const filler = (i: number) =>
    `Laporan ${i}: warga membersihkan sungai bersama kader desa, lalu mendata sampah plastik di tepinya.`;
  await say(open, [...Array.from({ length: CAP + 10 }, (_, i) => filler(i)), "Sungai, sungai, sungai!"]);
  await say(
    restricted,
    Array.from({ length: CAP + 5 }, (_, i) => `Rahasia ${i}: sungai tercemar limbah pabrik, data rahasia.`),
  );
}, 120_000);
afterAll(() => server?.close());

const find = async (who: Agent, q: string) =>
  (await who.get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}&kind=post`)).body;

describe("a common term (more documents than the count cap)", () => {
  it("ranks the document where it weighs most first and reads the count as the cap", async () => {
    const res = await find(guest, "sungai");
    expect(res.results[0]?.snippet).toContain("<mark>Sungai</mark>, <mark>sungai</mark>");
    expect(res.counts.post).toBeGreaterThanOrEqual(CAP);
    expect(res.nextCursor).not.toBeNull();
  });

  it("keeps a restricted room's posts from a guest and shows them to its verified member", async () => {
    const forGuest = await find(guest, "rahasia");
    expect(forGuest.results).toEqual([]);
    expect(forGuest.counts).toEqual({});
    expect(JSON.stringify(await find(guest, "sungai"))).not.toContain("ahasia");
    const forInsider = await find(insider.agent, "rahasia");
    expect(forInsider.results.length).toBeGreaterThan(0);
    expect(forInsider.counts.post).toBeGreaterThanOrEqual(CAP);
  });

  it("finds a new post on the next search", async () => {
    const thread = await makeThread(insider.actor, (await makeRoom(admin.actor)).slug, {
      title: "Kabar baru",
      body: "Pembuka.",
    });
    await createPost(insider.actor, thread.id, {
      body: "Sungai sungai sungai sungai bersih.",
      clientId: clientId(),
    });
    const res = await find(guest, "sungai");
    expect(res.results[0]?.snippet).toContain("bersih");
  });
});

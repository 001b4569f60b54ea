import type { SearchResponse, SynonymList } from "@rembuk/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { clientId, makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { createPost } from "../posts/post.service.js";
import { removeDoc } from "./indexer.js";
import { reindexAll, type ReindexProgress } from "./reindex.js";
import { SearchDoc, SearchStat } from "./search.model.js";

/**
 * `pnpm reindex` (reindexAll) reports progress and rebuilds what was lost; the admins' synonym list is
 * saved through its command and followed by the index; and devdb answers search's queries from its
 * indexes, never a collection scan.
 */
let server: TestServer;
let admin: MadeUser & { agent: Agent };
let member: MadeUser & { agent: Agent };
let guest: Agent;

beforeAll(async () => {
  server = await startTestServer();
  admin = await signedIn(server, "admin", { name: "Admin Uji" });
  member = await signedIn(server, "member", { name: "Sri Wahyuni", verified: true });
  guest = new Agent(server.url);
  const slug = (await makeRoom(admin.actor)).slug;
  const thread = await makeThread(member.actor, slug, { title: "Sampah pasar", body: "Pembuka." });
  await createPost(member.actor, thread.id, {
    body: "Bank sampah kelurahan kini buka tiap Sabtu.",
    clientId: clientId(),
  });
  await createPost(member.actor, thread.id, {
    body: "Kami memakai SIPD untuk pelaporan.",
    clientId: clientId(),
  });
});
afterAll(() => server?.close());

const find = async (q: string) =>
  (await guest.get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}`)).body.results;

describe("pnpm reindex", () => {
  it("rebuilds lost documents and their statistics, reporting each phase", async () => {
    for (const d of await SearchDoc.find({ kind: "post" }, { _id: 1 }).lean()) await removeDoc(d._id);
    expect(await find("kelurahan")).toEqual([]);
    const seen: ReindexProgress[] = [];
    const { documents } = await reindexAll((p) => seen.push(p));
    expect(documents).toBeGreaterThan(550);
    expect(new Set(seen.map((p) => p.phase))).toEqual(
      new Set(["rooms", "regions", "people", "threads", "posts", "cleanup"]),
    );
    expect(seen.every((p) => p.done <= p.total)).toBe(true);
    expect((await find("kelurahan")).map((r) => r.kind)).toContain("post");
    // The statistics count each document once, whatever was rebuilt.
    const docs = await SearchDoc.countDocuments({ terms: "lurah" });
    expect((await SearchStat.findById("lurah").lean())?.df).toBe(docs);
  });
});

describe("the synonym list", () => {
  it("is read by anyone, refused to a member, and saved by an admin, then followed by search", async () => {
    const list = (await guest.get<SynonymList>("/api/search/synonyms")).body;
    expect(list.groups.some((g) => g.variants.includes("MPP"))).toBe(true);
    const next = { groups: [...list.groups, { variants: ["SIPD", "Sistem Informasi Pemerintahan Daerah"] }] };
    expect((await member.agent.request("PUT", "/api/search/synonyms", { json: next })).status).toBe(403);
    expect(await find("sistem informasi pemerintahan daerah")).toEqual([]);
    const saved = await admin.agent.request<SynonymList>("PUT", "/api/search/synonyms", { json: next });
    expect(saved.status).toBe(200);
    expect(saved.body.groups.at(-1)?.variants).toEqual(["SIPD", "Sistem Informasi Pemerintahan Daerah"]);
    // The rebuild runs in the background; the expansion finds the acronym once it is through.
    await expect
      .poll(async () => (await find("sistem informasi pemerintahan daerah")).map((r) => r.snippet).join(), {
        timeout: 50_000,
      })
      .toContain("SIPD");
  }, 60_000);
});

describe("devdb uses its indexes", () => {
  const planOf = async (filter: Record<string, unknown>) => {
    const explained = (await SearchDoc.find(filter).explain("queryPlanner")) as unknown as {
      queryPlanner: { winningPlan: { stage: string; inputStage?: { stage: string; indexName: string } } };
    };
    return explained.queryPlanner.winningPlan.inputStage ?? explained.queryPlanner.winningPlan;
  };
  it("reads bands, terms and filters through an index scan", async () => {
    expect(await planOf({ hot: { $in: ["sampah post 40"] }, $and: [{ status: "published" }] })).toMatchObject(
      {
        stage: "IXSCAN",
        indexName: "hot_1",
      },
    );
    expect(await planOf({ $and: [{ terms: "sampah" }, { kind: { $in: ["post"] } }] })).toMatchObject({
      stage: "IXSCAN",
      indexName: "terms_1",
    });
    expect(await planOf({ $and: [{ terms: "sampah" }, { authorId: member.id }] })).toMatchObject({
      stage: "IXSCAN",
    });
  });
});

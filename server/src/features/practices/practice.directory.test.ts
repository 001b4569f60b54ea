import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ADOPTION_STAGES, type PracticeStatsDto, type ThreadDto } from "@rembuk/shared";
import { logger } from "../../lib/logger.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { Adoption } from "./adoption.model.js";
import { DEMO_PASSWORD } from "../demo/demo.users.js";
import { seedDemo } from "../demo/seed.js";
import { forumDemoSeeder } from "../demo/forum.demo.js";
import { practicesDemoSeeder } from "../demo/practices/practices.demo.js";
import { csvCell } from "../../lib/csv.js";
import { Room } from "../rooms/room.model.js";
import { Thread } from "../threads/thread.model.js";
import { Practice } from "./practice.model.js";
import type { PracticeThreadDto } from "./practice.presenter.js";

let server: TestServer;
let guest: Agent;
let moderator: Agent;
let member: Agent;
let jatengLeader: Agent;

async function login(email: string) {
  const agent = new Agent(server.url);
  const res = await agent.post("/api/auth/login", { email, password: DEMO_PASSWORD });
  if (res.status !== 200) throw new Error(`login ${email}: ${res.status}`);
  return agent;
}

beforeAll(async () => {
  server = await startTestServer();
  await seedDemo(logger, [forumDemoSeeder, practicesDemoSeeder]);
  guest = new Agent(server.url);
  moderator = await login("moderator@rembuk.id");
  member = await login("fajar.nugroho@rembuk.id");
  jatengLeader = await login("gubernur.jateng@rembuk.id");
}, 120_000);
afterAll(() => server?.close());

type Page = { practices: PracticeThreadDto[]; nextCursor: string | null };

/** Every page of a directory query, following nextCursor. */
async function all(agent: Agent, query: string, pageSize = 7): Promise<PracticeThreadDto[]> {
  const out: PracticeThreadDto[] = [];
  let cursor: string | null = null;
  for (let guard = 0; guard < 100; guard++) {
    const q: string = `${query}${query ? "&" : ""}limit=${pageSize}${cursor ? `&cursor=${cursor}` : ""}`;
    const res: { status: number; body: Page } = await agent.get<Page>(`/api/practices?${q}`);
    expect(res.status).toBe(200);
    out.push(...res.body.practices);
    cursor = res.body.nextCursor;
    if (!cursor) return out;
  }
  throw new Error("pagination did not end");
}

const nonIncreasing = (xs: number[]) => xs.every((x, i) => i === 0 || xs[i - 1] >= x);

describe("the demo content", () => {
  it("has at least 60 practices across at least 10 provinces and many sectors, with adoptions at every stage", async () => {
    const records = await Practice.find({}, { provinceCode: 1, sector: 1 }).lean();
    expect(records.length).toBeGreaterThanOrEqual(60);
    expect(new Set(records.map((r) => r.provinceCode)).size).toBeGreaterThanOrEqual(10);
    expect(new Set(records.map((r) => r.sector)).size).toBeGreaterThanOrEqual(20);
    const stages = await Adoption.distinct("stage");
    expect([...stages].sort()).toEqual([...ADOPTION_STAGES].sort());
  });
});

describe("GET /practices filters and sorts (demo data)", () => {
  it("pages through every visible practice, newest first, without repeats", async () => {
    const items = await all(guest, "");
    const ids = items.map((p) => p.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect(nonIncreasing(items.map((p) => Date.parse(p.createdAt)))).toBe(true);
    // The restricted Central Java room's practice is not in a guest's directory…
    expect(items.some((p) => p.roomSlug === "forum-pimpinan-jawa-tengah")).toBe(false);
    const restricted = await Room.findOne({ slug: "forum-pimpinan-jawa-tengah" }, { _id: 1 }).lean();
    const published = await Thread.countDocuments({
      kind: "practice",
      status: "published",
      roomId: { $ne: restricted?._id },
    });
    expect(ids.length).toBe(published);
    // …but is in the directory of a leader from Central Java.
    const jateng = await all(jatengLeader, "province=33");
    expect(jateng.some((p) => p.roomSlug === "forum-pimpinan-jawa-tengah")).toBe(true);
  });

  it.each([
    ["province=35", (p: PracticeThreadDto) => p.practice.provinceCode === "35"],
    ["region=73.71", (p: PracticeThreadDto) => p.practice.regionCode === "73.71"],
    ["region=33", (p: PracticeThreadDto) => p.practice.provinceCode === "33"],
    ["sector=2.11", (p: PracticeThreadDto) => p.practice.sector === "2.11"],
    ["stage=trial", (p: PracticeThreadDto) => p.practice.stage === "trial"],
    ["sdg=3", (p: PracticeThreadDto) => p.practice.sdgs.includes(3)],
    ["featured=true", (p: PracticeThreadDto) => p.featured],
    ["featured=false", (p: PracticeThreadDto) => !p.featured],
    ["hasAdoptions=true", (p: PracticeThreadDto) => p.adoptionCount > 0],
    ["hasAdoptions=false", (p: PracticeThreadDto) => p.adoptionCount === 0],
    [
      "province=33&stage=implemented",
      (p: PracticeThreadDto) => p.practice.provinceCode === "33" && p.practice.stage === "implemented",
    ],
  ])("%s returns exactly the matching practices", async (query, matches) => {
    const everything = await all(guest, "", 50);
    const filtered = await all(guest, query);
    expect(filtered.length).toBeGreaterThan(0);
    expect(filtered.every(matches)).toBe(true);
    expect(filtered.map((p) => p.id).sort()).toEqual(
      everything
        .filter(matches)
        .map((p) => p.id)
        .sort(),
    );
  });

  it("finds nothing for a province without practices", async () => {
    const res = await guest.get<Page>("/api/practices?province=94");
    expect(res.body).toEqual({ practices: [], nextCursor: null });
  });

  it("sorts by most adopted and by most discussed", async () => {
    const adopted = await all(guest, "sort=adopted");
    expect(nonIncreasing(adopted.map((p) => p.adoptionCount))).toBe(true);
    expect(adopted[0].adoptionCount).toBeGreaterThanOrEqual(3);
    const discussed = await all(guest, "sort=discussed");
    expect(nonIncreasing(discussed.map((p) => p.replyCount))).toBe(true);
    expect(discussed[0].replyCount).toBeGreaterThanOrEqual(3);
    expect(new Set(discussed.map((p) => p.id)).size).toBe(adopted.length);
  });

  it("carries the ledger counts and lineage on each item", async () => {
    const [first] = (await guest.get<Page>("/api/practices?sort=adopted&limit=1")).body.practices;
    const byStage = first.adoptionsByStage;
    expect(first.adoptionCount).toBe(byStage.interested + byStage.piloting + byStage.adopted);
    const derived = await all(guest, "region=14.71");
    expect(derived.find((p) => p.practice.derivedFrom)).toBeDefined();
  });

  it.each([
    ["an unknown parameter", "?colour=red"],
    ["a bad sort", "?sort=popular"],
    ["a bad province", "?province=3"],
    ["an SDG out of range", "?sdg=18"],
    ["a forged cursor", "?cursor=bm90LWEtY3Vyc29y"],
    ["an operator in a filter", "?province[$ne]=33"],
  ])("refuses %s with 400", async (_label, qs) => {
    const res = await guest.get<{ error: { code: string } }>(`/api/practices${qs}`);
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION");
  });

  it("refuses a cursor from another sort", async () => {
    const res = await guest.get<Page>("/api/practices?sort=adopted&limit=2");
    const other = await guest.get(`/api/practices?sort=recent&cursor=${res.body.nextCursor}`);
    expect(other.status).toBe(400);
  });
});

/** The id column of a CSV export (ids are hex, never quoted). */
function csvIds(text: string): string[] {
  const lines = text
    .replace(/^\uFEFF/, "")
    .trim()
    .split("\r\n");
  expect(lines[0].split(",")[0]).toBe("id");
  return lines.slice(1).map((l) => l.split(",")[0]);
}

describe("CSV export of the directory", () => {
  it.each([
    "",
    "province=35",
    "sector=1.02&stage=implemented",
    "hasAdoptions=true&sort=adopted",
    "featured=true",
  ])("matches the filtered view in order (%s)", async (query) => {
    const view = await all(moderator, query || "", 10);
    const res = await moderator.get(`/api/practices${query ? `?${query}` : ""}`, {
      headers: { accept: "text/csv" },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-type")).toMatch(/^text\/csv/);
    expect(res.headers.get("content-disposition")).toMatch(/attachment; filename="rembuk-praktik-/);
    expect(csvIds(res.text)).toEqual(view.filter((p) => p.status === "published").map((p) => p.id));
    const dotCsv = await moderator.get(`/api/practices.csv${query ? `?${query}` : ""}`);
    expect(dotCsv.text).toBe(res.text);
  });

  it("writes readable rows with region and sector names", async () => {
    const res = await moderator.get("/api/practices.csv?region=35.10&sort=recent");
    expect(res.text).toContain("Kabupaten Banyuwangi");
    expect(res.text).toContain("Jawa Timur");
    expect(res.text).toContain("Smart Kampung");
  });

  it("is for moderators and admins only", async () => {
    expect((await member.get("/api/practices.csv")).status).toBe(403);
    expect((await member.get("/api/practices", { headers: { accept: "text/csv" } })).status).toBe(403);
    expect((await guest.get("/api/practices.csv")).status).toBe(401);
  });

  it("neutralises spreadsheet formulas and quotes separators", () => {
    expect(csvCell('=HYPERLINK("x")')).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvCell("+62 812")).toBe("'+62 812");
    expect(csvCell("Pendidikan, Kesehatan")).toBe('"Pendidikan, Kesehatan"');
    expect(csvCell(-5)).toBe("-5");
    expect(csvCell(null)).toBe("");
  });
});

describe("GET /practices/stats (organizer dashboard)", () => {
  it("aggregates the same set the directory and the export show", async () => {
    const res = await moderator.get<{ stats: PracticeStatsDto }>("/api/practices/stats");
    expect(res.status).toBe(200);
    const { stats } = res.body;
    const csv = csvIds((await moderator.get("/api/practices.csv")).text);
    expect(stats.totals.practices).toBe(csv.length);
    expect(stats.bySector.reduce((n, s) => n + s.count, 0)).toBe(csv.length);
    expect(stats.byProvince.reduce((n, s) => n + s.count, 0)).toBe(csv.length);
    expect(stats.byProvince.length).toBeGreaterThanOrEqual(10);
    expect(Object.values(stats.adoptionsByStage).every((n) => n > 0)).toBe(true);
    expect(stats.activity).toHaveLength(12);
    // The demo spreads a year of activity, so the chart has something to show in most months.
    expect(stats.activity.filter((m) => m.practices > 0).length).toBeGreaterThanOrEqual(8);
    expect(stats.activity.filter((m) => m.adoptionSteps > 0).length).toBeGreaterThanOrEqual(6);
    expect(stats.activity.reduce((n, m) => n + m.practices, 0)).toBe(csv.length);
    expect(stats.activeRegions.length).toBe(10);
    const filtered = await moderator.get<{ stats: PracticeStatsDto }>("/api/practices/stats?province=35");
    expect(filtered.body.stats.byProvince).toEqual([
      { code: "35", count: filtered.body.stats.totals.practices },
    ]);
  });

  it("is for moderators and admins only", async () => {
    expect((await member.get("/api/practices/stats")).status).toBe(403);
    expect((await guest.get("/api/practices/stats")).status).toBe(401);
  });
});

describe("GET /regions/:code", () => {
  type RegionPage = {
    region: { code: string; name: string };
    practices: ThreadDto[];
    adoptions: Array<{ practiceId: string; affiliation: { code?: string } }>;
    people: Array<{ name: string }>;
  };

  it("shows a kabupaten's practices, its adoptions both ways and its people", async () => {
    const res = await guest.get<RegionPage>("/api/regions/35.10");
    expect(res.status).toBe(200);
    expect(res.body.region).toMatchObject({ code: "35.10", name: "Kabupaten Banyuwangi" });
    expect(res.body.practices.length).toBeGreaterThanOrEqual(4);
    expect(res.body.practices.every((p) => p.practice?.regionCode === "35.10")).toBe(true);
    const own = new Set(res.body.practices.map((p) => p.id));
    expect(res.body.adoptions.some((a) => own.has(a.practiceId))).toBe(true);
    expect(res.body.adoptions.some((a) => a.affiliation.code === "35.10")).toBe(true);
    expect(res.body.people.map((p) => p.name)).toContain("Rina Kusumawardani");
  });

  it("covers a province's kabupaten/kota on the province page", async () => {
    const res = await guest.get<RegionPage>("/api/regions/35");
    const regions = new Set(res.body.practices.map((p) => p.practice?.regionCode));
    expect(regions.has("35.10") && regions.has("35.78")).toBe(true);
  });

  it("answers 404 for an unknown code and 400 for a malformed one", async () => {
    expect((await guest.get("/api/regions/99.99")).status).toBe(404);
    expect((await guest.get("/api/regions/banyuwangi")).status).toBe(400);
  });
});

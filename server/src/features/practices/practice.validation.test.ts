import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ThreadDto } from "@rembuk/shared";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { makeRoom } from "../rooms/forum.fixtures.js";
import { Thread } from "../threads/thread.model.js";
import { Practice } from "./practice.model.js";
import { validPractice } from "./practice.fixtures.js";

let server: TestServer;
let admin: MadeUser;
let leader: MadeUser & { agent: Agent };
let roomSlug: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  roomSlug = (await makeRoom(admin.actor)).slug;
  leader = await signedIn(server, "member", {
    name: "Yuliana Pratiwi",
    affiliation: { kind: "region", code: "33.73" },
    verified: true,
  });
});
afterAll(() => server?.close());

type ErrorBody = { error: { code: string; message: string; details?: Record<string, string[]> } };

const post = (practice: unknown, extra: Record<string, unknown> = {}) =>
  leader.agent.post<ErrorBody & { thread: ThreadDto }>(`/api/rooms/${roomSlug}/threads`, {
    kind: "practice",
    title: "Rujukan daring terpadu",
    body: "Ringkasan praktik.",
    practice,
    ...extra,
  });

async function countAll() {
  return { threads: await Thread.countDocuments({}), practices: await Practice.countDocuments({}) };
}

describe("POST /rooms/:slug/threads {kind:'practice'} validation", () => {
  it("creates a practice thread carrying its record and zeroed ledger counts", async () => {
    const res = await post(validPractice());
    expect(res.status).toBe(201);
    expect(res.body.thread).toMatchObject({
      kind: "practice",
      adoptionCount: 0,
      adoptionsByStage: { interested: 0, piloting: 0, adopted: 0, abandoned: 0 },
      practice: {
        regionCode: "33.73",
        provinceCode: "33",
        sector: "1.02",
        stage: "implemented",
        revision: 1,
      },
    });
    const got = await leader.agent.get<{ thread: ThreadDto }>(`/api/threads/${res.body.thread.id}`);
    expect(got.body.thread.practice?.cost).toEqual({ amount: 350_000_000, source: "APBD" });
  });

  it.each([
    ["an unknown region code", { regionCode: "33.99" }, "practice.regionCode"],
    ["a malformed region code", { regionCode: "3373" }, "practice.regionCode"],
    ["an unknown sector", { sector: "9.99" }, "practice.sector"],
    ["a negative cost", { cost: { amount: -1, source: "APBD" } }, "practice.cost.amount"],
    ["an unknown cost source", { cost: { amount: 1, source: "CSR" } }, "practice.cost.source"],
    ["an impossible date", { startDate: "2023-02-30" }, "practice.startDate"],
    ["a malformed date", { startDate: "01-04-2023" }, "practice.startDate"],
    ["a future date", { startDate: "2999-01-01" }, "practice.startDate"],
    ["a date before 1990", { startDate: "1989-12-31" }, "practice.startDate"],
    ["an SDG out of range", { sdgs: [18] }, "practice.sdgs.0"],
    ["a non-web link", { links: ["javascript:alert(1)"] }, "practice.links.0"],
    ["an unknown stage", { stage: "done" }, "practice.stage"],
    [
      "a derivedFrom that is not a practice",
      { derivedFrom: "0123456789abcdef01234567" },
      "practice.derivedFrom",
    ],
  ])("refuses %s with 400 and a field error, writing nothing", async (_label, override, field) => {
    const before = await countAll();
    const res = await post(validPractice(override as Record<string, unknown>));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION");
    expect(Object.keys(res.body.error.details ?? {})).toContain(field);
    expect(await countAll()).toEqual(before);
  });

  it("reports every bad field at once", async () => {
    const res = await post(validPractice({ regionCode: "99.99", sector: "0.00" }));
    expect(res.status).toBe(400);
    expect(Object.keys(res.body.error.details ?? {}).sort()).toEqual([
      "practice.regionCode",
      "practice.sector",
    ]);
  });

  it("needs the record for a practice thread and refuses it on a discussion", async () => {
    const missing = await leader.agent.post<ErrorBody>(`/api/rooms/${roomSlug}/threads`, {
      kind: "practice",
      title: "Tanpa catatan",
      body: "Isi.",
    });
    expect(missing.status).toBe(400);
    expect(missing.body.error.details).toHaveProperty("practice");
    const onDiscussion = await post(validPractice(), { kind: "discussion" });
    expect(onDiscussion.status).toBe(400);
    expect(onDiscussion.body.error.details).toHaveProperty("practice");
  });

  it("refuses guests with 401", async () => {
    const guest = new Agent(server.url);
    const res = await guest.post<ErrorBody>(`/api/rooms/${roomSlug}/threads`, {
      kind: "practice",
      title: "Tamu",
      body: "Isi.",
      practice: validPractice(),
    });
    expect(res.status).toBe(401);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { AdoptionDto, AdoptionStage, ThreadDto } from "@rembuk/shared";
import { makeAdmin, makeMember, signedIn, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { connectSocket, nextEvent, type ClientSocket } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { ask, collect, makeRoom, sleep } from "../rooms/forum.fixtures.js";
import { makePractice } from "./practice.fixtures.js";
import { Practice } from "./practice.model.js";
import { Adoption } from "./adoption.model.js";
import { advanceAdoption, createAdoption, recountAdoptions } from "./adoption.service.js";

let server: TestServer;
let admin: MadeUser;
let author: MadeUser;
let roomSlug: string;
const sockets: ClientSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  roomSlug = (await makeRoom(admin.actor)).slug;
  author = await makeMember({
    name: "Yuliana Pratiwi",
    affiliation: { kind: "region", code: "33.73" },
    verified: true,
  });
});
afterAll(async () => {
  for (const s of sockets) s.disconnect();
  await server?.close();
});

type Body = { adoption: AdoptionDto; error: { code: string; details?: Record<string, unknown> } };

/** A verified member of a region: only they speak for it in the ledger (issue 11). */
const region = (code: string, name = "Pejabat Daerah") =>
  signedIn(server, "member", { name, affiliation: { kind: "region", code }, verified: true });

async function counts(threadId: string) {
  const p = await Practice.findOne({ thread: threadId }, { adoptionCount: 1, adoptionsByStage: 1 }).lean();
  return { count: p?.adoptionCount, byStage: { ...p?.adoptionsByStage } };
}

describe("adopting a practice", () => {
  it("creates an interested adoption for the user's region and counts it", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const gowa = await region("73.06", "Muhammad Ridwan");
    const res = await gowa.agent.post<Body>(`/api/practices/${practice.id}/adoptions`, {
      stage: "interested",
      note: "Kami ingin mempelajari SOP-nya.",
    });
    expect(res.status).toBe(201);
    expect(res.body.adoption).toMatchObject({
      practiceId: practice.id,
      practiceRegionCode: "33.73",
      affiliation: { kind: "region", code: "73.06" },
      adopter: { name: "Muhammad Ridwan" },
      stage: "interested",
      steps: [{ stage: "interested", note: "Kami ingin mempelajari SOP-nya." }],
    });
    expect(await counts(practice.id)).toMatchObject({ count: 1, byStage: { interested: 1, piloting: 0 } });
    const thread = await gowa.agent.get<{ thread: ThreadDto }>(`/api/threads/${practice.id}`);
    expect(thread.body.thread).toMatchObject({ adoptionCount: 1, adoptionsByStage: { interested: 1 } });
  });

  it("refuses a second active adoption for the same affiliation with 409, from another member too", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const first = await region("35.10");
    const colleague = await region("35.10");
    expect(
      (await first.agent.post<Body>(`/api/practices/${practice.id}/adoptions`, { stage: "interested" }))
        .status,
    ).toBe(201);
    const again = await colleague.agent.post<Body>(`/api/practices/${practice.id}/adoptions`, {
      stage: "interested",
    });
    expect(again.status).toBe(409);
    expect(again.body.error).toMatchObject({
      code: "CONFLICT",
      details: { reason: "already-adopting", stage: "interested" },
    });
    expect(await counts(practice.id)).toMatchObject({ count: 1 });
    expect(await Adoption.countDocuments({ practice: practice.id })).toBe(1);
  });

  it("lets the affiliation try again once its adoption was abandoned", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const bandung = await region("32.73");
    const first = await bandung.agent.post<Body>(`/api/practices/${practice.id}/adoptions`, {
      stage: "interested",
    });
    await bandung.agent.patch<Body>(`/api/adoptions/${first.body.adoption.id}`, {
      stage: "abandoned",
      note: "Anggaran dialihkan.",
    });
    const again = await bandung.agent.post<Body>(`/api/practices/${practice.id}/adoptions`, {
      stage: "interested",
    });
    expect(again.status).toBe(201);
    expect(await counts(practice.id)).toMatchObject({ count: 1, byStage: { interested: 1, abandoned: 1 } });
  });

  it("refuses the practice's own region, guests, members without an affiliation and unknown practices", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const own = await region("33.73");
    expect(
      (await own.agent.post<Body>(`/api/practices/${practice.id}/adoptions`, { stage: "interested" })).status,
    ).toBe(409);
    const guest = new Agent(server.url);
    expect(
      (await guest.post(`/api/practices/${practice.id}/adoptions`, { stage: "interested" })).status,
    ).toBe(401);
    const stray = await signedIn(server, "member");
    expect(
      (await stray.agent.post(`/api/practices/${practice.id}/adoptions`, { stage: "interested" })).status,
    ).toBe(403);
    const other = await region("73.71");
    expect(
      (await other.agent.post(`/api/practices/0123456789abcdef01234567/adoptions`, { stage: "interested" }))
        .status,
    ).toBe(404);
    expect(
      (await other.agent.post(`/api/practices/${practice.id}/adoptions`, { stage: "adopted" })).status,
    ).toBe(400);
    expect(await counts(practice.id)).toMatchObject({ count: 0 });
  });
});

describe("moving an adoption along", () => {
  it("follows interested → piloting → adopted, keeping a dated note at each step", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const makassar = await region("73.71");
    const created = await makassar.agent.post<Body>(`/api/practices/${practice.id}/adoptions`, {
      stage: "interested",
      date: "2024-01-10",
    });
    const id = created.body.adoption.id;
    const piloting = await makassar.agent.patch<Body>(`/api/adoptions/${id}`, {
      stage: "piloting",
      note: "Uji coba di 3 puskesmas.",
      date: "2024-03-01",
    });
    expect(piloting.status).toBe(200);
    const adopted = await makassar.agent.patch<Body>(`/api/adoptions/${id}`, {
      stage: "adopted",
      date: "2024-09-15",
    });
    expect(adopted.body.adoption.steps.map((s) => [s.stage, s.date])).toEqual([
      ["interested", "2024-01-10"],
      ["piloting", "2024-03-01"],
      ["adopted", "2024-09-15"],
    ]);
    expect(adopted.body.adoption.steps[1].note).toBe("Uji coba di 3 puskesmas.");
    expect(await counts(practice.id)).toMatchObject({
      count: 1,
      byStage: { interested: 0, piloting: 0, adopted: 1 },
    });
  });

  it.each<[AdoptionStage[], AdoptionStage]>([
    [[], "adopted"],
    [[], "interested"],
    [["piloting"], "interested"],
    [["piloting"], "piloting"],
    [["piloting", "adopted"], "abandoned"],
    [["piloting", "adopted"], "piloting"],
    [["abandoned"], "piloting"],
    [["abandoned"], "interested"],
  ])("after %j refuses a step to %s with 409 ILLEGAL_TRANSITION and changes nothing", async (path, to) => {
    const practice = await makePractice(author.actor, roomSlug);
    const kulonprogo = await region("34.01");
    const created = await kulonprogo.agent.post<Body>(`/api/practices/${practice.id}/adoptions`, {
      stage: "interested",
    });
    const id = created.body.adoption.id;
    for (const stage of path)
      expect((await kulonprogo.agent.patch(`/api/adoptions/${id}`, { stage })).status).toBe(200);
    const before = await counts(practice.id);
    const res = await kulonprogo.agent.patch<Body>(`/api/adoptions/${id}`, { stage: to });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe("ILLEGAL_TRANSITION");
    expect(await counts(practice.id)).toEqual(before);
    expect((await Adoption.findById(id).lean())?.steps).toHaveLength(path.length + 1);
  });

  it("lets only verified members of the adopting affiliation move it (not unverified colleagues, outsiders or moderators)", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const surabaya = await region("35.78");
    const created = await surabaya.agent.post<Body>(`/api/practices/${practice.id}/adoptions`, {
      stage: "interested",
    });
    const id = created.body.adoption.id;
    const unverifiedColleague = await signedIn(server, "member", {
      affiliation: { kind: "region", code: "35.78" },
    });
    const outsider = await region("73.06");
    const moderator = await signedIn(server, "moderator");
    for (const who of [unverifiedColleague, outsider, moderator]) {
      expect((await who.agent.patch(`/api/adoptions/${id}`, { stage: "piloting" })).status).toBe(403);
    }
    const mayor = await signedIn(server, "member", {
      affiliation: { kind: "region", code: "35.78" },
      verified: true,
    });
    expect((await mayor.agent.patch(`/api/adoptions/${id}`, { stage: "piloting" })).status).toBe(200);
  });

  it("refuses a step dated before the previous one", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const gowa = await region("73.06");
    const created = await gowa.agent.post<Body>(`/api/practices/${practice.id}/adoptions`, {
      stage: "interested",
      date: "2024-05-01",
    });
    const res = await gowa.agent.patch<Body>(`/api/adoptions/${created.body.adoption.id}`, {
      stage: "piloting",
      date: "2024-04-30",
    });
    expect(res.status).toBe(400);
    expect(res.body.error.details).toHaveProperty("date");
  });
});

describe("exact counts under concurrency", () => {
  it("counts twelve regions adopting at once exactly", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const codes = [
      "11.71",
      "12.71",
      "13.71",
      "14.71",
      "16.71",
      "18.71",
      "31.71",
      "32.73",
      "35.78",
      "51.71",
      "52.71",
      "73.71",
    ];
    const users = await Promise.all(
      codes.map((code) => makeMember({ affiliation: { kind: "region", code }, verified: true })),
    );
    const results = await Promise.allSettled(
      users.map((u) => createAdoption(u.actor, practice.id, { stage: "interested" })),
    );
    expect(results.every((r) => r.status === "fulfilled")).toBe(true);
    expect(await counts(practice.id)).toMatchObject({ count: 12, byStage: { interested: 12 } });
  });

  it("lets exactly one of eight concurrent adoptions by one region through", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const colleagues = await Promise.all(
      Array.from({ length: 8 }, () =>
        makeMember({ affiliation: { kind: "region", code: "61.71" }, verified: true }),
      ),
    );
    const results = await Promise.allSettled(
      colleagues.map((u) => createAdoption(u.actor, practice.id, { stage: "interested" })),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected");
    expect(ok).toHaveLength(1);
    expect(
      refused.map((r) => (r.status === "rejected" ? (r.reason as { status?: number }).status : 0)),
    ).toEqual(Array(7).fill(409));
    expect(await counts(practice.id)).toMatchObject({ count: 1, byStage: { interested: 1 } });
  });

  it("applies one of two racing steps and moves the counters once", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const adopter = await makeMember({ affiliation: { kind: "region", code: "64.72" }, verified: true });
    const created = await createAdoption(adopter.actor, practice.id, { stage: "interested" });
    const results = await Promise.allSettled([
      advanceAdoption(adopter.actor, created.id, { stage: "piloting" }),
      advanceAdoption(adopter.actor, created.id, { stage: "abandoned" }),
      advanceAdoption(adopter.actor, created.id, { stage: "piloting" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const final = await Adoption.findById(created.id).lean();
    if (!final) throw new Error("adoption vanished");
    const expected =
      final.stage === "abandoned"
        ? { count: 0, byStage: { interested: 0, piloting: 0, abandoned: 1 } }
        : { count: 1, byStage: { interested: 0, piloting: 1, abandoned: 0 } };
    expect(await counts(practice.id)).toMatchObject(expected);
    // The repair recount agrees with what $inc kept.
    await recountAdoptions(final.practice);
    expect(await counts(practice.id)).toMatchObject(expected);
  });
});

describe("live ledger", () => {
  it("broadcasts adoption:changed to the practice's thread room and the region rooms, not to others", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const watcher = await signedIn(server, "member");
    const pageSocket = await connectSocket(server.url, watcher.agent);
    const regionSocket = await connectSocket(server.url);
    const elsewhere = await connectSocket(server.url);
    sockets.push(pageSocket, regionSocket, elsewhere);
    expect(await ask(pageSocket, "thread:join", { threadId: practice.id })).toMatchObject({ ok: true });
    expect(await ask(regionSocket, "region:join", { code: "33.73" })).toMatchObject({
      ok: true,
      data: { code: "33.73" },
    });
    expect(await ask(elsewhere, "region:join", { code: "11.71" })).toMatchObject({ ok: true });
    expect(await ask(elsewhere, "region:join", { code: "99.99" })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
    const strayEvents = collect(elsewhere, "adoption:changed");

    const onPage = nextEvent(pageSocket, "adoption:changed");
    const onRegion = nextEvent(regionSocket, "adoption:changed");
    const gowa = await region("73.06");
    const created = await gowa.agent.post<Body>(`/api/practices/${practice.id}/adoptions`, {
      stage: "interested",
      note: "Lewat REST.",
    });
    expect(created).toMatchObject({ status: 201, body: { adoption: { stage: "interested" } } });
    const ev = (await onPage) as { adoption: AdoptionDto };
    expect(ev.adoption).toMatchObject({
      practiceId: practice.id,
      stage: "interested",
      affiliation: { code: "73.06" },
    });
    expect(((await onRegion) as { adoption: AdoptionDto }).adoption.id).toBe(ev.adoption.id);

    const illegal = await gowa.agent.patch<Body>(`/api/adoptions/${ev.adoption.id}`, { stage: "adopted" });
    expect(illegal).toMatchObject({ status: 409, body: { error: { code: "ILLEGAL_TRANSITION" } } });
    const step = nextEvent(pageSocket, "adoption:changed");
    expect(
      await gowa.agent.patch<Body>(`/api/adoptions/${ev.adoption.id}`, { stage: "piloting" }),
    ).toMatchObject({ status: 200 });
    expect(((await step) as { adoption: AdoptionDto }).adoption.stage).toBe("piloting");
    await sleep(150);
    expect(strayEvents.items).toHaveLength(0);
  });

  it("refuses a guest (401) and broadcasts nothing", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const watcher = await connectSocket(server.url);
    sockets.push(watcher);
    await ask(watcher, "thread:join", { threadId: practice.id });
    const seen = collect(watcher, "adoption:changed");
    const guest = new Agent(server.url);
    expect(
      await guest.post<Body>(`/api/practices/${practice.id}/adoptions`, { stage: "interested" }),
    ).toMatchObject({ status: 401, body: { error: { code: "UNAUTHENTICATED" } } });
    await sleep(150);
    expect(seen.items).toHaveLength(0);
  });
});

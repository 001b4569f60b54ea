import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  todayInIndonesia,
  type AdoptionDto,
  type PracticeDto,
  type PracticeRevisionDto,
  type ThreadDto,
} from "@rembuk/shared";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { connectSocket, nextEvent, type ClientSocket } from "../../test/socket.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { ask, clientId, makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { createPost } from "../posts/post.service.js";
import { Thread } from "../threads/thread.model.js";
import { makePractice, validPractice } from "./practice.fixtures.js";
import { Practice } from "./practice.model.js";
import type { PracticeThreadDto } from "./practice.presenter.js";
import { PracticeRevision } from "./practiceRevision.model.js";

let server: TestServer;
let admin: MadeUser;
let author: MadeUser & { agent: Agent };
let roomSlug: string;
const sockets: ClientSocket[] = [];

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
  for (const s of sockets) s.disconnect();
  await server?.close();
});

type Body = { practice: PracticeThreadDto; error: { code: string; details?: Record<string, string[]> } };
type PageBody = {
  practice: PracticeThreadDto;
  lineage: {
    ancestors: Array<{ id: string; title: string }>;
    descendants: Array<{ id: string; title: string }>;
  };
  adoptions: AdoptionDto[];
};

describe("editing a practice record keeps its history", () => {
  it("records each edit's changed fields before and after, and broadcasts the new record", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const watcher = await connectSocket(server.url);
    sockets.push(watcher);
    await ask(watcher, "thread:join", { threadId: practice.id });
    const updated = nextEvent(watcher, "practice:updated");

    const res = await author.agent.patch<Body>(`/api/practices/${practice.id}`, {
      practice: {
        stage: "implemented",
        cost: { amount: 400_000_000, source: "APBD" },
        sdgs: [10, 3],
        regionCode: "33.73",
      },
    });
    expect(res.status).toBe(200);
    expect(res.body.practice.practice).toMatchObject({ revision: 2, cost: { amount: 400_000_000 } });
    const event = (await updated) as { threadId: string; practice: PracticeDto };
    expect(event).toMatchObject({ threadId: practice.id, practice: { revision: 2 } });

    await author.agent.patch(`/api/practices/${practice.id}`, {
      practice: { regionCode: "33.74", contact: null },
    });
    const history = await new Agent(server.url).get<{ revisions: PracticeRevisionDto[] }>(
      `/api/practices/${practice.id}/history`,
    );
    expect(history.body.revisions.map((r) => [r.revision, r.fields])).toEqual([
      [3, ["regionCode", "contact"]],
      // stage and SDGs (same set, reordered) did not change, so only the cost counts.
      [2, ["cost"]],
    ]);
    expect(history.body.revisions[1]).toMatchObject({
      editor: { name: "Yuliana Pratiwi" },
      before: { cost: { amount: 350_000_000, source: "APBD" } },
      after: { cost: { amount: 400_000_000, source: "APBD" } },
    });
    const record = await Practice.findOne({ thread: practice.id }).lean();
    expect(record).toMatchObject({ regionCode: "33.74", provinceCode: "33", contact: null, revision: 3 });
  });

  it("makes no revision when nothing changes", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const res = await author.agent.patch<Body>(`/api/practices/${practice.id}`, {
      practice: { stage: "implemented" },
    });
    expect(res.status).toBe(200);
    expect(res.body.practice.practice.revision).toBe(1);
    expect(await PracticeRevision.countDocuments({ thread: practice.id })).toBe(0);
  });

  it("validates edits like creation, with practice.* field errors, and changes nothing", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    // A year after today in Indonesia, whatever today is: always in the future.
    const nextYear = `${Number(todayInIndonesia().slice(0, 4)) + 1}${todayInIndonesia().slice(4, 8)}01`;
    for (const [patch, field] of [
      [{ regionCode: "33.99" }, "practice.regionCode"],
      [{ sector: "7.77" }, "practice.sector"],
      [{ cost: { amount: -5, source: "APBD" } }, "practice.cost.amount"],
      [{ startDate: nextYear }, "practice.startDate"],
      [{ derivedFrom: practice.id }, "practice.derivedFrom"],
    ] as const) {
      const res = await author.agent.patch<Body>(`/api/practices/${practice.id}`, { practice: patch });
      expect(res.status).toBe(400);
      expect(res.body.error.details).toHaveProperty([field]);
    }
    expect((await author.agent.patch(`/api/practices/${practice.id}`, { practice: {} })).status).toBe(400);
    expect((await Practice.findOne({ thread: practice.id }).lean())?.revision).toBe(1);
  });

  it("lets the author and moderators edit, nobody else", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const other = await signedIn(server, "member", {
      affiliation: { kind: "region", code: "33.73" },
      verified: true,
    });
    expect(
      (await other.agent.patch(`/api/practices/${practice.id}`, { practice: { stage: "trial" } })).status,
    ).toBe(403);
    expect(
      (await new Agent(server.url).patch(`/api/practices/${practice.id}`, { practice: { stage: "trial" } }))
        .status,
    ).toBe(401);
    const moderator = await signedIn(server, "moderator");
    expect(
      (await moderator.agent.patch(`/api/practices/${practice.id}`, { practice: { stage: "trial" } })).status,
    ).toBe(200);
  });
});

describe("lineage", () => {
  it("shows where a practice came from and what grew from it", async () => {
    const origin = await makePractice(author.actor, roomSlug, {}, "Rujukan daring Salatiga");
    const gowaLeader = await signedIn(server, "member", {
      affiliation: { kind: "region", code: "73.06" },
      verified: true,
    });
    const child = await makePractice(
      gowaLeader.actor,
      roomSlug,
      { regionCode: "73.06", derivedFrom: origin.id },
      "Rujukan daring Gowa",
    );
    const grandchild = await makePractice(
      gowaLeader.actor,
      roomSlug,
      { regionCode: "73.71", derivedFrom: child.id },
      "Rujukan daring Makassar",
    );

    const page = await new Agent(server.url).get<PageBody>(`/api/practices/${child.id}`);
    expect(page.status).toBe(200);
    expect(page.body.lineage.ancestors.map((l) => l.title)).toEqual(["Rujukan daring Salatiga"]);
    expect(page.body.lineage.descendants.map((l) => l.title)).toEqual(["Rujukan daring Makassar"]);
    const leaf = await new Agent(server.url).get<PageBody>(`/api/practices/${grandchild.id}`);
    expect(leaf.body.lineage.ancestors.map((l) => l.title)).toEqual([
      "Rujukan daring Gowa",
      "Rujukan daring Salatiga",
    ]);

    // A cycle is refused: the origin cannot derive from its own descendant.
    const cycle = await author.agent.patch<Body>(`/api/practices/${origin.id}`, {
      practice: { derivedFrom: grandchild.id },
    });
    expect(cycle.status).toBe(400);
    expect(cycle.body.error.details).toHaveProperty(["practice.derivedFrom"]);
  });

  it("hides links to practices in rooms the viewer cannot see", async () => {
    const secret = await makeRoom(admin.actor, {
      visibility: "restricted",
      allowedAffiliations: [{ kind: "region", code: "33" }],
    });
    const hidden = await makePractice(author.actor, secret.slug, {}, "Praktik ruang tertutup");
    const visible = await makePractice(author.actor, roomSlug, { derivedFrom: hidden.id }, "Praktik terbuka");
    const outsider = await signedIn(server, "member", { affiliation: { kind: "region", code: "11.71" } });
    const page = await outsider.agent.get<PageBody>(`/api/practices/${visible.id}`);
    expect(page.body.lineage.ancestors).toEqual([]);
    expect(page.body.practice.practice.derivedFrom).toBeNull();
    expect((await outsider.agent.get(`/api/practices/${hidden.id}`)).status).toBe(404);
    const insider = await signedIn(server, "member", {
      affiliation: { kind: "region", code: "33.74" },
      verified: true,
    });
    const seen = await insider.agent.get<PageBody>(`/api/practices/${visible.id}`);
    expect(seen.body.practice.practice.derivedFrom).toBe(hidden.id);
    expect(seen.body.lineage.ancestors.map((l) => l.title)).toEqual(["Praktik ruang tertutup"]);
    // A derivedFrom the author cannot see is refused like a missing one.
    const res = await outsider.agent.post<{ error: { details: Record<string, string[]> } }>(
      `/api/rooms/${roomSlug}/threads`,
      {
        kind: "practice",
        title: "Turunan",
        body: "Isi.",
        practice: validPractice({ regionCode: "11.71", derivedFrom: hidden.id }),
      },
    );
    expect(res.status).toBe(400);
    expect(res.body.error.details).toHaveProperty(["practice.derivedFrom"]);
  });
});

describe("the practice page", () => {
  it("answers 404 for a discussion thread, an unknown id and 400 for a malformed one", async () => {
    const discussion = await makeThread(author.actor, roomSlug);
    const guest = new Agent(server.url);
    expect((await guest.get(`/api/practices/${discussion.id}`)).status).toBe(404);
    expect((await guest.get(`/api/practices/0123456789abcdef01234567`)).status).toBe(404);
    expect((await guest.get(`/api/practices/not-an-id`)).status).toBe(400);
  });

  it("brings the thread, its record, lineage and ledger in one answer", async () => {
    const practice = await makePractice(author.actor, roomSlug);
    const adopter = await signedIn(server, "member", {
      affiliation: { kind: "agency", name: "Lembaga Administrasi Negara" },
      verified: true,
    });
    await adopter.agent.post(`/api/practices/${practice.id}/adoptions`, {
      stage: "interested",
      note: "Studi kasus pelatihan.",
    });
    const page = await new Agent(server.url).get<PageBody>(`/api/practices/${practice.id}`);
    expect(page.body.practice).toMatchObject({ id: practice.id, kind: "practice", adoptionCount: 1 });
    expect(page.body.adoptions).toHaveLength(1);
    expect(page.body.adoptions[0].affiliation).toEqual({
      kind: "agency",
      name: "Lembaga Administrasi Negara",
    });
  });
});

describe("promoting a discussion to a practice", () => {
  it("turns the thread into a practice that cites its source posts, once", async () => {
    const discussion = await makeThread(author.actor, roomSlug, { title: "Pengalaman rujukan daring" });
    const { post: reply } = await createPost(author.actor, discussion.id, {
      body: "Waktu tunggu turun jadi 6 jam.",
      clientId: clientId(),
    });
    const moderator = await signedIn(server, "moderator");
    const watcher = await connectSocket(server.url);
    sockets.push(watcher);
    await ask(watcher, "room:join", { roomId: discussion.roomId });
    const updated = nextEvent(watcher, "thread:updated");

    const res = await moderator.agent.post<{ thread: PracticeThreadDto }>(
      `/api/threads/${discussion.id}/promote`,
      {
        practice: validPractice(),
        sourcePostIds: [reply.id],
      },
    );
    expect(res.status).toBe(200);
    expect(res.body.thread).toMatchObject({
      id: discussion.id,
      kind: "practice",
      author: { name: "Yuliana Pratiwi" },
      practice: { sourcePosts: [{ postId: reply.id, seq: 2 }] },
    });
    expect(((await updated) as { thread: ThreadDto }).thread).toMatchObject({
      id: discussion.id,
      kind: "practice",
    });
    const again = await moderator.agent.post(`/api/threads/${discussion.id}/promote`, {
      practice: validPractice(),
    });
    expect(again.status).toBe(409);
    expect(await Practice.countDocuments({ thread: discussion.id })).toBe(1);
  });

  it("is for moderators, validates the record and the cited posts, and leaves the thread alone otherwise", async () => {
    const discussion = await makeThread(author.actor, roomSlug);
    const other = await makeThread(author.actor, roomSlug);
    const { post: foreign } = await createPost(author.actor, other.id, {
      body: "Di utas lain.",
      clientId: clientId(),
    });
    const moderator = await signedIn(server, "moderator");
    expect(
      (await author.agent.post(`/api/threads/${discussion.id}/promote`, { practice: validPractice() }))
        .status,
    ).toBe(403);
    const bad = await moderator.agent.post<{ error: { details: Record<string, string[]> } }>(
      `/api/threads/${discussion.id}/promote`,
      {
        practice: validPractice({ sector: "8.88" }),
      },
    );
    expect(bad.status).toBe(400);
    expect(bad.body.error.details).toHaveProperty(["practice.sector"]);
    const wrongPost = await moderator.agent.post(`/api/threads/${discussion.id}/promote`, {
      practice: validPractice(),
      sourcePostIds: [foreign.id],
    });
    expect(wrongPost.status).toBe(400);
    expect((await Thread.findById(discussion.id).lean())?.kind).toBe("discussion");
    expect(await Practice.countDocuments({ thread: discussion.id })).toBe(0);
  });
});

import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { makeRoom } from "../rooms/forum.fixtures.js";
import { Thread } from "../threads/thread.model.js";
import { makePractice } from "./practice.fixtures.js";
import type { PracticeThreadDto } from "./practice.presenter.js";

let server: TestServer;
let admin: MadeUser;
let author: MadeUser & { agent: Agent };
let roomSlug: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  roomSlug = (await makeRoom(admin.actor)).slug;
  author = await signedIn(server, "member", {
    affiliation: { kind: "region", code: "33.73" },
    verified: true,
  });
});
afterAll(() => server?.close());

type Page = { practices: PracticeThreadDto[] };

/** A practice waiting in the moderation queue (as pre-moderation leaves an unverified author's). */
async function queuedPractice(title: string) {
  const practice = await makePractice(author.actor, roomSlug, {}, title);
  await Thread.updateOne({ _id: practice.id }, { $set: { status: "queued" } });
  return practice;
}

const titles = (body: Page) => body.practices.map((p) => p.title);

describe("practices waiting for approval", () => {
  it("stay out of other people's directory, page, ledger, region page, export and dashboard", async () => {
    const practice = await queuedPractice("Praktik menunggu persetujuan");
    const other = await signedIn(server, "member", {
      affiliation: { kind: "region", code: "73.06" },
      verified: true,
    });
    const guest = new Agent(server.url);
    const moderator = await signedIn(server, "moderator");

    for (const who of [guest, other.agent]) {
      expect(titles((await who.get<Page>("/api/practices?limit=100")).body)).not.toContain(
        "Praktik menunggu persetujuan",
      );
      expect((await who.get(`/api/practices/${practice.id}`)).status).toBe(404);
      expect(titles((await who.get<Page>("/api/regions/33.73")).body)).not.toContain(
        "Praktik menunggu persetujuan",
      );
    }
    expect(
      (await other.agent.post(`/api/practices/${practice.id}/adoptions`, { stage: "interested" })).status,
    ).toBe(404);
    expect((await moderator.agent.get("/api/practices.csv")).text).not.toContain(practice.id);
    const stats = await moderator.agent.get<{ stats: { totals: { practices: number } } }>(
      "/api/practices/stats?region=33.73",
    );
    expect(stats.body.stats.totals.practices).toBe(0);
  });

  it("show to their author, marked as queued, who cannot collect adoptions yet", async () => {
    const practice = await queuedPractice("Praktik saya yang menunggu");
    const mine = await author.agent.get<Page>("/api/practices?limit=100");
    expect(mine.body.practices.find((p) => p.id === practice.id)).toMatchObject({ status: "queued" });
    expect((await author.agent.get(`/api/practices/${practice.id}`)).status).toBe(200);
    // Published practices are the only ones a region can adopt; a room moderator sees it but cannot adopt it yet.
    const moderator = await signedIn(server, "moderator", {
      affiliation: { kind: "agency", name: "Lembaga Administrasi Negara" },
      verified: true,
    });
    expect(
      (await moderator.agent.post(`/api/practices/${practice.id}/adoptions`, { stage: "interested" })).status,
    ).toBe(409);
  });
});

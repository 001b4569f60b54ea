import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { QaSessionDto } from "@rembuk/shared";
import { signedIn, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { makeRoom } from "./test/fixtures.js";

let server: TestServer;
let host: MadeUser & { agent: Agent };
beforeAll(async () => {
  server = await startTestServer();
  host = await signedIn(server, "member", { verified: true, affiliation: { kind: "region", code: "35.10" } });
});
afterAll(() => server?.close());

async function session(slug: string, title: string, startsAt?: string, status?: "live" | "ended") {
  const res = await host.agent.post<{ session: QaSessionDto }>(`/api/rooms/${slug}/qa`, {
    title,
    moderated: false,
    allowAnonymous: false,
    ...(startsAt ? { startsAt } : {}),
  });
  expect(res.status).toBe(201);
  if (status) await host.agent.post(`/api/qa/${res.body.session.id}/status`, { status: "live" });
  if (status === "ended") await host.agent.post(`/api/qa/${res.body.session.id}/status`, { status: "ended" });
  return res.body.session;
}

const titles = async (agent: Agent, query = "") => {
  const res = await agent.get<{ sessions: QaSessionDto[] }>(`/api/qa${query}`);
  expect(res.status).toBe(200);
  return res.body.sessions.map((s) => s.title);
};

describe("GET /qa", () => {
  it("lists sessions across the rooms the viewer may see: live, then scheduled by start, then ended", async () => {
    const open = await makeRoom();
    const members = await makeRoom({ visibility: "members" });
    const restricted = await makeRoom({ visibility: "restricted", allowedRegion: "35" });
    // Fixed instants far from any real "now": the order depends on them, not on when the test runs.
    await session(open.slug, "Terjadwal nanti", "2031-05-02T02:00:00.000Z");
    await session(open.slug, "Terjadwal tanpa waktu");
    await session(open.slug, "Terjadwal segera", "2031-05-01T02:00:00.000Z");
    await session(open.slug, "Sedang berlangsung", undefined, "live");
    await session(open.slug, "Sudah selesai", undefined, "ended");
    await session(members.slug, "Khusus anggota", "2031-05-03T02:00:00.000Z");
    await session(restricted.slug, "Forum tertutup", undefined, "live");

    const guest = new Agent(server.url);
    expect(await titles(guest)).toEqual([
      "Sedang berlangsung",
      "Terjadwal segera",
      "Terjadwal nanti",
      "Terjadwal tanpa waktu",
      "Sudah selesai",
    ]);
    const outsider = await signedIn(server, "member", { affiliation: { kind: "region", code: "33.73" } });
    expect(await titles(outsider.agent)).toEqual([
      "Sedang berlangsung",
      "Terjadwal segera",
      "Terjadwal nanti",
      "Khusus anggota",
      "Terjadwal tanpa waktu",
      "Sudah selesai",
    ]);
    const insider = (await titles(host.agent, "?status=live")).sort();
    expect(insider).toEqual(["Forum tertutup", "Sedang berlangsung"]);

    expect(await titles(guest, "?status=ended")).toEqual(["Sudah selesai"]);
    expect(await titles(guest, "?limit=2")).toEqual(["Sedang berlangsung", "Terjadwal segera"]);
    const one = (await guest.get<{ sessions: QaSessionDto[] }>("/api/qa?status=live")).body.sessions[0];
    expect(one).toMatchObject({
      roomSlug: open.slug,
      status: "live",
      joinCode: expect.stringMatching(/^[A-Z2-9]{6}$/),
    });
  });

  it("refuses bad filters with 400", async () => {
    const guest = new Agent(server.url);
    for (const q of ["?status=berjalan", "?limit=0", "?limit=51", "?limit=dua", "?sort=new"]) {
      const res = await guest.get<{ error: { code: string } }>(`/api/qa${q}`);
      expect([q, res.status, res.body.error.code]).toEqual([q, 400, "VALIDATION"]);
    }
  });
});

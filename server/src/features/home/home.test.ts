import type { HomeDto } from "@rembuk/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { clientId, makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { makePractice } from "../practices/practice.fixtures.js";
import { createSession } from "../qa/test/fixtures.js";

/** Issue 14: the signed-in home page's own data (`GET /home`), each part as its owning page decides. */
let server: TestServer;
let admin: MadeUser;
type Signed = MadeUser & { agent: Agent };
let reader: Signed;
let writer: Signed;
let open: string;
let restricted: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  reader = await signedIn(server, "member", {
    name: "Pembaca Uji",
    affiliation: { kind: "region", code: "33.73" },
    verified: true,
  });
  writer = await signedIn(server, "member", { name: "Penulis Uji" });
  open = (await makeRoom(admin.actor)).slug;
  restricted = (
    await makeRoom(admin.actor, {
      visibility: "restricted",
      allowedAffiliations: [{ kind: "region", code: "11" }],
    })
  ).slug;
});
afterAll(() => server?.close());

const home = async (who: Agent) => {
  const res = await who.get<{ home: HomeDto }>("/api/home");
  expect(res.status).toBe(200);
  return res.body.home;
};

describe("GET /home", () => {
  it("is for signed-in people only", async () => {
    expect((await new Agent(server.url).get("/api/home")).status).toBe(401);
  });

  it("lists threads with unread posts across the rooms the reader sees, until they are read", async () => {
    const thread = await makeThread(writer.actor, open, { title: "Utas baru untuk beranda" });
    const secret = await makeThread(admin.actor, restricted, { title: "Utas ruang tertutup" });
    let mine = await home(reader.agent);
    const ids = mine.unread.threads.map((t) => t.id);
    expect(ids).toContain(thread.id);
    expect(ids).not.toContain(secret.id);
    expect(mine.unread.total).toBeGreaterThanOrEqual(1);
    expect(mine.unread.threads.find((t) => t.id === thread.id)?.unreadCount).toBe(1);

    await reader.agent.post(`/api/threads/${thread.id}/read`, { seq: 1 });
    mine = await home(reader.agent);
    expect(mine.unread.threads.map((t) => t.id)).not.toContain(thread.id);

    await writer.agent.post(`/api/threads/${thread.id}/posts`, {
      body: "Balasan baru.",
      clientId: clientId(),
    });
    expect((await home(reader.agent)).unread.threads.map((t) => t.id)).toContain(thread.id);

    await reader.agent.post("/api/threads/read-all", {});
    mine = await home(reader.agent);
    expect(mine.unread).toEqual({ threads: [], total: 0 });
  });

  it("lists the Q&A questions left unanswered that the reader owes, only to their host", async () => {
    const host = await signedIn(server, "moderator", { name: "Pemandu Uji" });
    const session = await createSession(host.agent, open, {
      moderated: false,
      allowAnonymous: true,
      title: "Tanya jawab beranda",
    });
    await host.agent.post(`/api/qa/${session.id}/status`, { status: "live" });
    const asked = await reader.agent.post(`/api/qa/${session.id}/questions`, {
      text: "Bagaimana anggaran pemeliharaan aplikasinya?",
      clientId: clientId(),
    });
    expect(asked.status).toBe(201);
    await host.agent.post(`/api/qa/${session.id}/status`, { status: "ended" });

    const owed = (await home(host.agent)).followUps;
    expect(owed).toHaveLength(1);
    expect(owed[0]).toMatchObject({
      body: "Bagaimana anggaran pemeliharaan aplikasinya?",
      sessionId: session.id,
      sessionTitle: "Tanya jawab beranda",
      roomSlug: open,
    });
    expect((await home(reader.agent)).followUps).toEqual([]);
  });

  it("suggests practices in the sectors the reader's office adopts, not the adopted ones or their own", async () => {
    expect((await home(reader.agent)).similar).toEqual([]);
    // Practices of another region (a region cannot adopt its own).
    const elsewhere = { sector: "1.02", regionCode: "35.10" };
    const adopted = await makePractice(admin.actor, open, elsewhere, "Rujukan daring");
    const alike = await makePractice(admin.actor, open, elsewhere, "Antrean puskesmas daring");
    const own = await makePractice(reader.actor, open, { sector: "1.02" }, "Praktik pembaca sendiri");
    const other = await makePractice(
      admin.actor,
      open,
      { ...elsewhere, sector: "2.11" },
      "Praktik sektor lain",
    );
    const res = await reader.agent.post(`/api/practices/${adopted.id}/adoptions`, { stage: "interested" });
    expect(res.status, JSON.stringify(res.body)).toBe(201);

    const ids = (await home(reader.agent)).similar.map((p) => p.id);
    expect(ids).toContain(alike.id);
    expect(ids).not.toContain(adopted.id);
    expect(ids).not.toContain(own.id);
    expect(ids).not.toContain(other.id);
  });
});

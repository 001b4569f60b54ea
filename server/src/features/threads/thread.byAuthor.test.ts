import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ThreadDto } from "@rembuk/shared";
import { makeAdmin, makeMember, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { Thread } from "./thread.model.js";

let server: TestServer;
let admin: MadeUser;
let author: MadeUser;
let open: ThreadDto;
let secret: ThreadDto;
let queued: ThreadDto;

type Page = { threads: ThreadDto[]; nextCursor: string | null };

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  author = await makeMember({
    name: "Wali Kota Salatiga",
    affiliation: { kind: "region", code: "33.73" },
    verified: true,
  });
  const publicRoom = await makeRoom(admin.actor);
  const restricted = await makeRoom(admin.actor, {
    visibility: "restricted",
    allowedAffiliations: [{ kind: "region", code: "33" }],
  });
  open = await makeThread(author.actor, publicRoom.slug, { title: "Mal pelayanan publik" });
  secret = await makeThread(author.actor, restricted.slug, { title: "Rapat pimpinan Jawa Tengah" });
  queued = await makeThread(author.actor, publicRoom.slug, { title: "Menunggu tinjauan" });
  await Thread.updateOne({ _id: queued.id }, { status: "queued" });
  for (let i = 0; i < 3; i++) await makeThread(author.actor, publicRoom.slug, { title: `Utas ke-${i}` });
});

afterAll(async () => {
  await server?.close();
});

const titles = (page: Page) => page.threads.map((t) => t.title);

describe("GET /users/:id/threads", () => {
  it("shows a guest only published threads in rooms the guest may see, newest first", async () => {
    const res = await new Agent(server.url).get<Page>(`/api/users/${author.id}/threads`);
    expect(res.status).toBe(200);
    expect(titles(res.body)).toEqual(["Utas ke-2", "Utas ke-1", "Utas ke-0", "Mal pelayanan publik"]);
    expect(titles(res.body)).not.toContain(secret.title);
    expect(titles(res.body)).not.toContain(queued.title);
  });

  it("shows the author their own restricted-room and queued threads", async () => {
    const self = new Agent(server.url);
    await self.post("/api/auth/login", { email: author.email, password: author.password });
    const res = await self.get<Page>(`/api/users/${author.id}/threads?limit=100`);
    expect(titles(res.body)).toEqual(expect.arrayContaining([secret.title, queued.title, open.title]));
  });

  it("pages with a cursor without repeating or skipping", async () => {
    const agent = new Agent(server.url);
    const first = await agent.get<Page>(`/api/users/${author.id}/threads?limit=2`);
    expect(first.body.nextCursor).toEqual(expect.any(String));
    const second = await agent.get<Page>(
      `/api/users/${author.id}/threads?limit=2&cursor=${encodeURIComponent(first.body.nextCursor ?? "")}`,
    );
    expect([...titles(first.body), ...titles(second.body)]).toEqual([
      "Utas ke-2",
      "Utas ke-1",
      "Utas ke-0",
      "Mal pelayanan publik",
    ]);
    expect(second.body.nextCursor).toBeNull();
  });

  it("answers 404 for an unknown user, 400 for a malformed id or cursor", async () => {
    const agent = new Agent(server.url);
    expect((await agent.get(`/api/users/${"a".repeat(24)}/threads`)).status).toBe(404);
    expect((await agent.get(`/api/users/nope/threads`)).status).toBe(400);
    expect((await agent.get(`/api/users/${author.id}/threads?cursor=forged`)).status).toBe(400);
  });
});

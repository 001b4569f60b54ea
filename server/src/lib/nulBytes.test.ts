import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "../test/factories.js";
import type { Agent } from "../test/http.js";
import { connectSocket } from "../test/socket.js";
import { startTestServer, type TestServer } from "../test/testServer.js";
import { makeRoom, makeThread } from "../features/rooms/forum.fixtures.js";

let server: TestServer;
let admin: Agent;
let adminId: string;
let slug: string;
let threadId: string;

beforeAll(async () => {
  server = await startTestServer();
  const made = await signedIn(server, "admin");
  admin = made.agent;
  adminId = made.id;
  const room = await makeRoom(made.actor);
  slug = room.slug;
  threadId = (await makeThread(made.actor, room.slug)).id;
});
afterAll(() => server?.close());

/** Every query parameter of every GET route, plus path parameters, each given a NUL byte. */
function urls(): string[] {
  const params: Record<string, string[]> = {
    "/api/users": ["query", "role", "cursor", "limit"],
    [`/api/rooms/${slug}/threads`]: ["sort", "cursor", "limit"],
    [`/api/users/${adminId}/threads`]: ["cursor", "limit"],
    [`/api/threads/${threadId}/posts`]: ["afterSeq", "limit"],
    "/api/practices": [
      "province",
      "region",
      "sector",
      "stage",
      "sdg",
      "featured",
      "hasAdoptions",
      "sort",
      "cursor",
      "limit",
    ],
    "/api/practices.csv": ["province", "region", "sector", "sort"],
    "/api/practices/stats": ["province", "region", "sector", "stage"],
    "/api/moderation/log": ["actorId", "action", "roomSlug", "targetId", "from", "to", "cursor", "limit"],
    "/api/moderation/log.csv": ["actorId", "action", "roomSlug", "from", "to"],
    "/api/moderation/queue": ["roomSlug", "limit"],
    "/api/moderation/flags": ["status"],
    "/api/featured": ["limit"],
    "/api/qa": ["status", "limit"],
    "/api/taxonomy/regions": ["q"],
  };
  const out: string[] = [];
  for (const [path, names] of Object.entries(params)) {
    for (const name of names) {
      out.push(`${path}?${name}=%00`, `${path}?${name}=ab%00cd`);
    }
  }
  out.push(
    `/api/users/%00`,
    `/api/rooms/%00`,
    `/api/rooms/ruang%00/threads`,
    `/api/regions/35%00`,
    `/api/qa/code/ABC%00EF`,
  );
  return out;
}

describe("a NUL byte anywhere in a request", () => {
  it("is a 400 VALIDATION in every query parameter and path parameter, never a 500", async () => {
    const wrong: string[] = [];
    for (const url of urls()) {
      const res = await admin.get<{ error?: { code: string } }>(url);
      if (res.status !== 400 || res.body.error?.code !== "VALIDATION") wrong.push(`${url} → ${res.status}`);
    }
    expect(wrong).toEqual([]);
  });

  it("is a 400 in a JSON body, whatever the field", async () => {
    const res = await admin.post<{ error: { code: string } }>(`/api/rooms/${slug}/threads`, {
      title: "Judul\u0000 yang cukup",
      body: "Isi",
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION");
    const patch = await admin.patch<{ error: { code: string } }>(`/api/users/${adminId}`, {
      name: "Nama\u0000",
    });
    expect(patch.status).toBe(400);
  });

  it("is refused in a socket payload with a VALIDATION ack", async () => {
    const socket = await connectSocket(server.url, admin);
    try {
      // The twin: the same payload without the NUL is accepted, so the refusal is about the NUL.
      const fine = await socket.emitWithAck("post:create", {
        threadId,
        body: "Halo",
        clientId: "nul-byte-test-0",
      });
      expect(fine).toMatchObject({ ok: true });
      const ack = await socket.emitWithAck("post:create", {
        threadId,
        body: "Halo\u0000",
        clientId: "nul-byte-test-1",
      });
      expect(ack).toMatchObject({ ok: false, error: { code: "VALIDATION" } });
    } finally {
      socket.disconnect();
    }
  });
});

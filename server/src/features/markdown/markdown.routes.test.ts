import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { signedIn } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";

let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterAll(async () => {
  await server?.close();
});

type Preview = { html: string; mentions: string[] };

describe("POST /api/markdown/preview", () => {
  it("renders exactly as a post would: markdown on, raw HTML and javascript: links inert, mentions resolved", async () => {
    const ani = await signedIn(server, "member", { name: "Ani Lestari" });
    const body = `**Tebal** <script>alert(1)</script> [x](javascript:alert(1)) @[Siapa](${ani.id})`;
    const res = await ani.agent.post<Preview>("/api/markdown/preview", { body });
    expect(res.status).toBe(200);
    expect(res.body.html).toContain("<strong>Tebal</strong>");
    expect(res.body.html).toContain("&lt;script&gt;");
    expect(res.body.html).not.toContain("<script");
    expect(res.body.html).not.toMatch(/href="javascript:/i);
    expect(res.body.html).toContain(`data-user-id="${ani.id}"`);
    expect(res.body.html).toContain("@Ani Lestari");
    expect(res.body.mentions).toEqual([ani.id]);
  });

  it("refuses guests, unknown keys and bodies over the post limit, and stores nothing", async () => {
    const guest = new Agent(server.url);
    expect((await guest.post("/api/markdown/preview", { body: "hai" })).status).toBe(401);
    const ani = await signedIn(server, "member");
    expect((await ani.agent.post("/api/markdown/preview", { body: "hai", extra: 1 })).status).toBe(400);
    expect((await ani.agent.post("/api/markdown/preview", { body: "x".repeat(20_001) })).status).toBe(400);
    expect((await ani.agent.post<Preview>("/api/markdown/preview", { body: "" })).body).toEqual({
      html: "",
      mentions: [],
    });
  });
});

import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { LIMITS } from "@rembuk/shared";
import { Agent } from "./test/http.js";
import { signedIn } from "./test/factories.js";
import { startTestServer, type TestServer } from "./test/testServer.js";

type ErrorBody = { error: { code: string; message: string } };

let server: TestServer;
let dist: string;
beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), "rembuk-dist-"));
  mkdirSync(join(dist, "assets"));
  writeFileSync(join(dist, "index.html"), "<!doctype html><title>Rembuk</title>");
  writeFileSync(join(dist, "assets", "index-abc123.js"), "console.log('rembuk')");
  writeFileSync(join(dist, "assets", "index-abc123.js.map"), '{"version":3,"sources":["App.tsx"]}');
  server = await startTestServer({ app: { clientDist: dist } });
});
afterAll(() => server.close());

const agent = () => new Agent(server.url);

describe("the app", () => {
  it("reports health", async () => {
    const res = await agent().get("/api/health");
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      ok: true,
      db: "embedded",
      redis: false,
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
  });

  it("sends the CSP the client is built for, and other security headers", async () => {
    const res = await agent().get("/api/health");
    expect(res.headers.get("content-security-policy")).toBe(
      "default-src 'self';script-src 'self';style-src 'self' 'unsafe-inline';img-src 'self' data:;connect-src 'self' ws: wss:;font-src 'self';object-src 'none';frame-ancestors 'none';base-uri 'self'",
    );
    expect(res.headers.get("x-content-type-options")).toBe("nosniff");
    expect(res.headers.get("x-powered-by")).toBeNull();
  });

  it("honours a sane x-request-id and makes one up otherwise", async () => {
    const given = await agent().get("/api/health", { headers: { "x-request-id": "lb-1234.abc" } });
    expect(given.headers.get("x-request-id")).toBe("lb-1234.abc");
    const made = await agent().get("/api/health", { headers: { "x-request-id": "<script>" } });
    expect(made.headers.get("x-request-id")).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("answers 413 PAYLOAD_TOO_LARGE for an oversized JSON body", async () => {
    const raw = JSON.stringify({ email: "a@b.id", password: "x".repeat(LIMITS.jsonBodyBytes), name: "Ani" });
    const res = await agent().request<ErrorBody>("POST", "/api/auth/register", { raw });
    expect(res.status).toBe(413);
    expect(res.body.error.code).toBe("PAYLOAD_TOO_LARGE");
  });

  it("answers 400 for malformed JSON", async () => {
    const res = await agent().request<ErrorBody>("POST", "/api/auth/login", { raw: "{nope" });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe("VALIDATION");
  });

  it("refuses an unsafe request from a foreign origin with 403 FOREIGN_ORIGIN, and changes nothing", async () => {
    const me = await signedIn(server);
    me.agent.origin = "https://evil.example";
    const res = await me.agent.patch<ErrorBody>(`/api/users/${me.id}`, { name: "Diretas" });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe("FOREIGN_ORIGIN");
    me.agent.origin = server.url;
    const after = await me.agent.get<{ user: { name: string } }>(`/api/users/${me.id}`);
    expect(after.body.user.name).not.toBe("Diretas");
    // Reads are not cross-origin-sensitive (no CORS headers are sent, so a page cannot read them).
    const read = await new Agent(server.url, "https://evil.example").get("/api/health");
    expect(read.status).toBe(200);
    expect(read.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("answers unknown API paths with a JSON 404", async () => {
    for (const [method, path] of [
      ["GET", "/api/nope"],
      ["POST", "/api/users/65f000000000000000000000/nope"],
    ] as const) {
      const res = await agent().request<ErrorBody>(method, path);
      expect(res.status).toBe(404);
      expect(res.body.error.code).toBe("NOT_FOUND");
    }
  });

  it("serves the client: long-cached hashed assets, an uncached shell for client routes", async () => {
    const asset = await agent().get("/assets/index-abc123.js");
    expect(asset.status).toBe(200);
    expect(asset.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    for (const path of ["/", "/rooms/inovasi-layanan", "/threads/65f000000000000000000000"]) {
      const page = await agent().get(path, { headers: { accept: "text/html" } });
      expect(page.status).toBe(200);
      expect(page.text).toContain("<title>Rembuk</title>");
      expect(page.headers.get("cache-control")).toBe("no-cache");
    }
    expect((await agent().get("/assets/missing-123.js")).status).toBe(404);
  });

  it("never serves a source map, even one left in the build", async () => {
    const map = await agent().get("/assets/index-abc123.js.map");
    expect(map.status).toBe(404);
    expect(map.text).not.toContain("App.tsx");
  });
});

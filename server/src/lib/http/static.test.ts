import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { acceptedEncodings, JSON_COMPRESSION_THRESHOLD } from "./static.js";

const SCRIPT = `console.log(${JSON.stringify("rembuk ".repeat(200))});`;
const SHELL = `<!doctype html><title>Rembuk</title><p>${"Rembuk ".repeat(100)}</p>`;

let server: TestServer;
beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), "rembuk-dist-"));
  mkdirSync(join(dist, "assets"));
  const write = (path: string, text: string) => {
    writeFileSync(join(dist, path), text);
    writeFileSync(join(dist, `${path}.br`), brotliCompressSync(text));
    writeFileSync(join(dist, `${path}.gz`), gzipSync(text));
  };
  write("index.html", SHELL);
  write("assets/index-abc123.js", SCRIPT);
  write("sw.js", SCRIPT);
  writeFileSync(join(dist, "assets", "plain-abc123.js"), "1");
  server = await startTestServer({ app: { clientDist: dist } });
});
afterAll(() => server.close());

/** A raw GET: Node's fetch would decode the body and hide what came over the wire. */
function get(path: string, acceptEncoding?: string, method = "GET") {
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((resolve, reject) => {
    const req = request(`${server.url}${path}`, {
      method,
      headers: acceptEncoding === undefined ? {} : { "accept-encoding": acceptEncoding },
    });
    req.on("response", (res) => {
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on("error", reject);
    req.end();
  });
}

describe("static assets", () => {
  it("serves the brotli copy to a browser that takes it, typed as the original and cached for a year", async () => {
    const res = await get("/assets/index-abc123.js", "gzip, deflate, br, zstd");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["content-type"]).toMatch(/^text\/javascript/);
    expect(res.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(res.headers["cache-control"]).toBe("public, max-age=31536000, immutable");
    expect(brotliDecompressSync(res.body).toString()).toBe(SCRIPT);
  });

  it("falls back to gzip, then to the file as built", async () => {
    const gz = await get("/assets/index-abc123.js", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(gunzipSync(gz.body).toString()).toBe(SCRIPT);

    const plain = await get("/assets/index-abc123.js");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(plain.headers["vary"]).toMatch(/Accept-Encoding/i);
    expect(plain.body.toString()).toBe(SCRIPT);

    const refused = await get("/assets/index-abc123.js", "br;q=0, gzip;q=0");
    expect(refused.headers["content-encoding"]).toBeUndefined();
  });

  it("answers HEAD with the chosen encoding and no body", async () => {
    const res = await get("/assets/index-abc123.js", "br", "HEAD");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.body.length).toBe(0);
  });

  it("serves a file without compressed copies as it is", async () => {
    const res = await get("/assets/plain-abc123.js", "br");
    expect(res.headers["content-encoding"]).toBeUndefined();
    expect(res.body.toString()).toBe("1");
  });

  it("never serves a compressed copy by its own name", async () => {
    expect((await get("/assets/index-abc123.js.br", "br")).status).toBe(404);
  });

  it("revalidates the shell and the service worker on every visit", async () => {
    for (const path of ["/", "/threads/abc", "/index.html"]) {
      const res = await get(path, "br");
      expect(res.status, path).toBe(200);
      expect(res.headers["content-encoding"], path).toBe("br");
      expect(res.headers["content-type"], path).toMatch(/^text\/html/);
      expect(res.headers["cache-control"], path).toBe("no-cache");
      expect(brotliDecompressSync(res.body).toString(), path).toBe(SHELL);
    }
    const sw = await get("/sw.js", "gzip");
    expect(sw.headers["cache-control"]).toBe("no-cache");
    expect(sw.headers["content-encoding"]).toBe("gzip");
  });
});

describe("API responses", () => {
  it("compresses JSON above the threshold", async () => {
    const res = await get("/api/taxonomy/regions", "gzip, br");
    expect(res.status).toBe(200);
    expect(res.headers["content-encoding"]).toBe("br");
    expect(res.headers["vary"]).toMatch(/Accept-Encoding/i);
    const body = brotliDecompressSync(res.body);
    expect(body.length).toBeGreaterThan(JSON_COMPRESSION_THRESHOLD);
    expect(res.body.length).toBeLessThan(body.length / 3);
    expect(JSON.parse(body.toString())).toHaveProperty("regions");

    const gz = await get("/api/taxonomy/regions", "gzip");
    expect(gz.headers["content-encoding"]).toBe("gzip");
    expect(JSON.parse(gunzipSync(gz.body).toString())).toHaveProperty("regions");
  });

  it("leaves small answers and browsers without compression alone", async () => {
    const small = await get("/api/auth/me", "gzip, br");
    expect(small.status).toBe(401);
    expect(small.headers["content-encoding"]).toBeUndefined();
    const plain = await get("/api/taxonomy/regions");
    expect(plain.headers["content-encoding"]).toBeUndefined();
    expect(JSON.parse(plain.body.toString())).toHaveProperty("regions");
  });
});

describe("acceptedEncodings", () => {
  it("reads the browser's list, best first, honouring q=0 and *", () => {
    expect(acceptedEncodings("gzip, deflate, br")).toEqual(["br", "gzip"]);
    expect(acceptedEncodings("gzip;q=1.0, br;q=0")).toEqual(["gzip"]);
    expect(acceptedEncodings("*")).toEqual(["br", "gzip"]);
    expect(acceptedEncodings("identity")).toEqual([]);
    expect(acceptedEncodings(undefined)).toEqual([]);
  });
});

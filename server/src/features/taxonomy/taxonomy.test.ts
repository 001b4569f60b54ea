import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RegionDto } from "@rembuk/shared";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { findRegion, isKnownRegion, listRegions, provinceOf, regionName } from "./taxonomy.service.js";

describe("region dataset", () => {
  it("has Indonesia's 38 provinces and 514 kabupaten/kota", () => {
    const regions = listRegions();
    expect(regions.filter((r) => r.kind === "province")).toHaveLength(38);
    expect(regions.filter((r) => r.kind !== "province")).toHaveLength(514);
    expect(regions.filter((r) => r.kind === "kota").length).toBeGreaterThan(90);
    expect(new Set(regions.map((r) => r.code)).size).toBe(regions.length);
  });

  it("looks codes up", () => {
    expect(findRegion("33.73")).toEqual({
      code: "33.73",
      name: "Kota Salatiga",
      kind: "kota",
      provinceCode: "33",
    });
    expect(findRegion("35.10")).toMatchObject({ name: "Kabupaten Banyuwangi", kind: "kabupaten" });
    expect(findRegion("33")).toEqual({ code: "33", name: "Jawa Tengah", kind: "province" });
    expect(regionName("73.71")).toBe("Kota Makassar");
    expect(regionName("99")).toBeNull();
    expect(isKnownRegion("34.01")).toBe(true);
    expect(isKnownRegion("34.99")).toBe(false);
    expect(provinceOf("73.06")).toBe("73");
    expect(provinceOf("73")).toBe("73");
    expect(provinceOf("00.00")).toBeNull();
  });

  it("gives every kabupaten/kota a known province", () => {
    for (const r of listRegions())
      if (r.kind !== "province") expect(isKnownRegion(r.provinceCode ?? "")).toBe(true);
  });
});

describe("GET /api/taxonomy/regions", () => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer();
  });
  afterAll(() => server.close());

  it("serves the flat list, cacheable and revalidated by ETag", async () => {
    const agent = new Agent(server.url);
    const res = await agent.get<{ regions: RegionDto[] }>("/api/taxonomy/regions");
    expect(res.status).toBe(200);
    expect(res.body.regions).toHaveLength(552);
    expect(res.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const etag = res.headers.get("etag");
    expect(etag).toBeTruthy();
    const again = await agent.get("/api/taxonomy/regions", { headers: { "if-none-match": etag ?? "" } });
    expect(again.status).toBe(304);
  });
});

import type { SearchResponse } from "@rembuk/shared";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { clientId, makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { createPost } from "../posts/post.service.js";
import { snippet } from "./snippet.js";
import { analyse } from "./text.js";

let server: TestServer;
let admin: MadeUser;
let author: MadeUser;
let guest: Agent;
let slug: string;

beforeAll(async () => {
  server = await startTestServer();
  admin = await makeAdmin();
  author = await signedIn(server, "member", { name: "Sri Wahyuni", verified: true });
  guest = new Agent(server.url);
  slug = (await makeRoom(admin.actor)).slug;
  const thread = await makeThread(author.actor, slug, { title: "Berbagi pengalaman", body: "Pembuka." });
  const say = (body: string) => createPost(author.actor, thread.id, { body, clientId: clientId() });
  await say("Puskesmas kami melayani warga sampai malam.");
  await say("Pelayanan perizinan kini satu hari.");
  await say("Desa membangun jalan usaha tani.");
  await say("Antrean di Mal Pelayanan Publik makin pendek.");
  await say("Kami buka MPP kedua tahun ini.");
  await say("Angka tengkes turun 4 persen.");
});
afterAll(() => server?.close());

const find = async (q: string, extra = "") =>
  (await guest.get<SearchResponse>(`/api/search?q=${encodeURIComponent(q)}${extra}`)).body;
const texts = (r: SearchResponse) => r.results.map((x) => x.snippet.replace(/<\/?mark>/g, ""));

describe("Indonesian word forms", () => {
  it("stems affixes: layanan finds melayani and pelayanan; pembangunan finds membangun", async () => {
    const layanan = texts(await find("layanan", "&kind=post"));
    expect(layanan.some((t) => t.includes("melayani"))).toBe(true);
    expect(layanan.some((t) => t.includes("Pelayanan perizinan"))).toBe(true);
    expect(texts(await find("pembangunan")).some((t) => t.includes("membangun"))).toBe(true);
  });

  it("an acronym finds its expansion and back; a synonym finds the other word", async () => {
    const mpp = texts(await find("MPP"));
    expect(mpp.some((t) => t.includes("Mal Pelayanan Publik"))).toBe(true);
    expect(mpp.some((t) => t.includes("MPP kedua"))).toBe(true);
    expect(texts(await find("mal pelayanan publik")).some((t) => t.includes("MPP kedua"))).toBe(true);
    expect(texts(await find("stunting")).some((t) => t.includes("tengkes"))).toBe(true);
  });

  it("a region code finds its region, and a province code with a filter finds its regions", async () => {
    const r = await find("33.73");
    expect(r.results[0]).toMatchObject({
      kind: "region",
      id: "33.73",
      title: "Kota Salatiga",
      url: "/regions/33.73",
    });
    expect((await find("salatiga")).results.some((x) => x.kind === "region" && x.id === "33.73")).toBe(true);
  });

  it("folds case and diacritics, and a typed prefix finds whole words", async () => {
    expect(texts(await find("PÉLAYANAN")).some((t) => t.includes("melayani"))).toBe(true);
    expect(texts(await find("periz")).some((t) => t.includes("perizinan"))).toBe(true);
    const s = await guest.get<{ suggestions: { kind: string; title: string }[] }>(
      "/api/search/suggest?q=salat",
    );
    expect(s.body.suggestions.some((x) => x.kind === "region" && x.title === "Kota Salatiga")).toBe(true);
    expect(
      (await guest.get<{ suggestions: { title: string }[] }>("/api/search/suggest?q=sri%20wah")).body
        .suggestions,
    ).toContainEqual(expect.objectContaining({ kind: "person", title: "Sri Wahyuni" }));
  });

  it("answers bad input with 400, never 500", async () => {
    for (const q of [
      "kind=nope",
      "limit=0",
      "cursor=abc",
      "from=2024-13",
      "author=xyz",
      `q=${"a".repeat(300)}`,
    ]) {
      const res = await guest.get<{ error: { code: string } }>(`/api/search?${q}`);
      expect(res.status, q).toBe(400);
      expect(res.body.error.code).toBe("VALIDATION");
    }
  });
});

describe("text analysis", () => {
  it("joins Indonesian and English word forms under one term", () => {
    const t = (s: string) => analyse(s).terms;
    expect(new Set([...t("layanan melayani dilayani pelayanan")])).toEqual(new Set(["layan"]));
    expect(t("services service")).toEqual(["servic", "servic"]);
    expect(t("Kota 33.73, 2024")).toEqual(["kota", "33_73", "2024"]);
  });

  it("snippets escape everything and mark only matched words", () => {
    const html = snippet("<b>Pelayanan</b> & melayani warga", new Set(["layan"]), null);
    expect(html).toBe("&lt;b&gt;<mark>Pelayanan</mark>&lt;/b&gt; &amp; <mark>melayani</mark> warga");
  });
});

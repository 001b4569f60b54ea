import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { makeAdmin, signedIn, type MadeUser } from "../../test/factories.js";
import type { Agent } from "../../test/http.js";
import { startTestServer, type TestServer } from "../../test/testServer.js";
import { makeRoom, makeThread } from "../rooms/forum.fixtures.js";
import { makePractice } from "../practices/practice.fixtures.js";
import { createSession } from "../qa/test/fixtures.js";
import { plainSummary, withPageMeta } from "./share.html.js";

/**
 * Issue 14, sharing: a practice, thread or Q&A link pasted into a chat app gets a preview from the
 * page's Open Graph tags, rendered by the server, saying only what a signed-out visitor may read.
 */
const SHELL = `<!doctype html><html lang="id"><head>
<meta name="description" content="Situs" />
<meta property="og:title" content="Rembuk" />
<meta
  property="og:description"
  content="Forum praktik baik"
/>
<title>Rembuk</title>
</head><body><div id="root"></div></body></html>`;

let server: TestServer;
let admin: MadeUser;
let host: MadeUser & { agent: Agent };
let open: string;
let restricted: string;

beforeAll(async () => {
  const dist = mkdtempSync(join(tmpdir(), "rembuk-share-"));
  writeFileSync(join(dist, "index.html"), SHELL);
  server = await startTestServer({ app: { clientDist: dist } });
  admin = await makeAdmin();
  host = await signedIn(server, "moderator", { name: "Pemandu Uji" });
  open = (await makeRoom(admin.actor)).slug;
  restricted = (
    await makeRoom(admin.actor, {
      visibility: "restricted",
      allowedAffiliations: [{ kind: "region", code: "33" }],
    })
  ).slug;
});
afterAll(() => server?.close());

/** The page as a chat app's crawler fetches it: no cookies, no script. */
async function page(path: string) {
  const res = await fetch(`${server.url}${path}`);
  return { status: res.status, html: await res.text(), cacheControl: res.headers.get("cache-control") };
}
const og = (html: string, property: string) =>
  new RegExp(`<meta property="og:${property}" content="([^"]*)"`).exec(html)?.[1] ?? null;

describe("link previews", () => {
  it("describe a public thread by its title and opening post, with absolute page and image links", async () => {
    const thread = await makeThread(admin.actor, open, {
      title: 'Antrean puskesmas <pagi> & "sore"',
      body: "Kami memakai **nomor antrean** lewat [pesan singkat](https://contoh.go.id).",
    });
    const res = await page(`/threads/${thread.id}`);
    expect(res.status).toBe(200);
    expect(res.cacheControl).toBe("no-cache");
    expect(og(res.html, "title")).toBe("Antrean puskesmas &lt;pagi&gt; &amp; &quot;sore&quot;");
    expect(og(res.html, "description")).toBe("Kami memakai nomor antrean lewat pesan singkat.");
    expect(og(res.html, "type")).toBe("article");
    expect(og(res.html, "url")).toBe(`${server.url}/threads/${thread.id}`);
    expect(og(res.html, "image")).toBe(`${server.url}/og-image.png`);
    // The page's own title and description replace the site's, once each.
    expect(res.html.match(/<title>/g)).toHaveLength(1);
    expect(res.html).toContain(
      "<title>Antrean puskesmas &lt;pagi&gt; &amp; &quot;sore&quot; · Rembuk</title>",
    );
    expect(res.html.match(/name="description"/g)).toHaveLength(1);
    expect(res.html.match(/og:title/g)).toHaveLength(1);
    expect(res.html.match(/og:description/g)).toHaveLength(1);
    expect(res.html).toContain('<div id="root"></div>');
  });

  it("describe a practice by its title, region and problem", async () => {
    const practice = await makePractice(admin.actor, open, {}, "Rujukan daring terpadu");
    const res = await page(`/practices/${practice.id}`);
    expect(og(res.html, "title")).toBe("Rujukan daring terpadu — Kota Salatiga, Jawa Tengah");
    expect(og(res.html, "description")).toMatch(/^Antrean rujukan puskesmas/);
  });

  it("describe a Q&A session by its id and by its join code", async () => {
    const session = await createSession(host.agent, open, {
      moderated: false,
      allowAnonymous: true,
      title: "Tanya jawab Mal Pelayanan Publik",
    });
    for (const path of [`/qa/${session.id}`, `/qa/join/${session.joinCode}`]) {
      expect(og((await page(path)).html, "title")).toBe("Tanya jawab Mal Pelayanan Publik");
    }
  });

  it("say nothing of what the public may not see: a restricted room's thread or session, an unknown id", async () => {
    const secret = await makeThread(admin.actor, restricted, {
      title: "Rahasia anggaran",
      body: "Isi rahasia",
    });
    const session = await createSession(host.agent, restricted, {
      moderated: false,
      allowAnonymous: true,
      title: "Sesi tertutup",
    });
    for (const path of [
      `/threads/${secret.id}`,
      `/practices/${secret.id}`,
      `/qa/${session.id}`,
      `/qa/join/${session.joinCode}`,
      "/threads/000000000000000000000000",
      "/threads/bukan-id",
    ]) {
      const res = await page(path);
      expect(res.status).toBe(200);
      expect(res.html).toBe(SHELL);
    }
  });
});

describe("plainSummary", () => {
  it("keeps a short text whole and cuts a long one at a word, with an ellipsis", () => {
    expect(plainSummary("# Judul\n\n*Penting*: `kode`")).toBe("Judul Penting: kode");
    const long = plainSummary("kata ".repeat(100), 50);
    expect(long.length).toBeLessThanOrEqual(50);
    expect(long.endsWith("kata…")).toBe(true);
  });

  it("withPageMeta leaves a page with nothing to replace readable", () => {
    const html = withPageMeta("<html><head></head><body></body></html>", {
      type: "website",
      title: "T",
      description: "D",
      url: "http://x/a",
      image: "http://x/og-image.png",
    });
    expect(html).toContain('<meta property="og:title" content="T" />');
  });
});

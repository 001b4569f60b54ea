import { describe, expect, it } from "vitest";
import { isSafeUrl, mentionCandidates, plainExcerpt, renderMarkdown } from "./markdown.render.js";

const html = (src: string) => renderMarkdown(src).html;

const ALLOWED_TAGS = new Set([
  "p",
  "a",
  "em",
  "strong",
  "code",
  "pre",
  "blockquote",
  "ul",
  "ol",
  "li",
  "br",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "hr",
  "table",
  "thead",
  "tbody",
  "tr",
  "th",
  "td",
  "s",
]);
const ALLOWED_ATTRS = new Set(["href", "rel", "target", "class", "data-user-id", "title", "style", "start"]);

/**
 * No live markup that could run script: every real tag (text `<` is escaped to `&lt;`) is one we
 * produce, with attributes we produce, and every href is http(s), mailto or relative.
 */
function expectInert(out: string) {
  for (const [, tag, attrs] of out.matchAll(/<\/?([a-zA-Z0-9-]+)([^>]*)>/g)) {
    expect(ALLOWED_TAGS).toContain(tag.toLowerCase());
    for (const [, name, value] of attrs.matchAll(/\s([^\s=]+)="([^"]*)"/g)) {
      expect(ALLOWED_ATTRS).toContain(name.toLowerCase());
      if (name === "href") expect(value).toMatch(/^(https?:|mailto:|[^:]*$)/i);
      if (name === "style") expect(value).toMatch(/^text-align:(left|right|center)$/);
    }
  }
}

describe("markdown rendering: XSS", () => {
  it.each([
    ["script tag", "<script>alert(1)</script>"],
    ["img onerror", '<img src=x onerror="alert(1)">'],
    ["svg onload", "<svg onload=alert(1)>"],
    ["javascript link", "[x](javascript:alert(1))"],
    ["mixed-case scheme", "[x](JaVaScRiPt:alert(1))"],
    ["entity-encoded scheme", "[x](&#106;avascript:alert(1))"],
    ["hex entity scheme", "[x](&#x6A;&#x61;vascript:alert(1))"],
    ["tab inside scheme", "[x](java&#9;script:alert(1))"],
    ["data link", "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)"],
    ["vbscript link", "[x](vbscript:msgbox(1))"],
    ["reference link", "[x][r]\n\n[r]: javascript:alert(1)"],
    ["autolink", "<javascript:alert(1)>"],
    ["image with javascript", "![x](javascript:alert(1))"],
    ["image onerror via title", '![x](https://a.example/x.png "x\\" onerror=\\"alert(1)")'],
    ["data image", "![x](data:image/png;base64,AAAA)"],
    ["html in link text", "[<img src=x onerror=alert(1)>](https://ok.example)"],
    ["attribute break-out in url", '[x](https://a.example/"onmouseover="alert(1))'],
  ])("%s comes out inert", (_name, src) => {
    expectInert(html(src));
  });

  it("shows raw HTML as text instead of dropping it", () => {
    expect(html("<b>tebal</b>")).toContain("&lt;b&gt;tebal&lt;/b&gt;");
  });

  it("leaves a refused link visible as text", () => {
    const out = html("[klik](javascript:alert(1))");
    expect(out).not.toContain("<a");
    expect(out).toContain("klik");
  });
});

describe("markdown rendering: what is allowed", () => {
  it("renders http, https, mailto and relative links with rel and target", () => {
    for (const href of [
      "https://jdih.go.id",
      "http://banyuwangikab.go.id",
      "mailto:humas@lan.go.id",
      "/rooms/spbe",
      "#bagian-2",
    ]) {
      const out = html(`[tautan](${href})`);
      expect(out).toContain(`href="${href}"`);
      expect(out).toContain('rel="noopener noreferrer ugc nofollow"');
      expect(out).toContain('target="_blank"');
    }
  });

  it("linkifies bare URLs with the same attributes", () => {
    const out = html("lihat https://spbe.go.id/panduan ya");
    expect(out).toContain(
      '<a href="https://spbe.go.id/panduan" rel="noopener noreferrer ugc nofollow" target="_blank">',
    );
  });

  it("turns images into links instead of embedding them", () => {
    const out = html("![Denah Mal Pelayanan Publik](https://example.go.id/denah.png)");
    expect(out).toContain('<a href="https://example.go.id/denah.png"');
    expect(out).toContain("Denah Mal Pelayanan Publik</a>");
    expect(out).not.toContain("<img");
  });

  it("renders code blocks, quotes, lists and tables", () => {
    const out = html(
      "```js\nconst a = '<b>';\n```\n\n> kutipan\n\n- satu\n- dua\n\n| Kab | Nilai |\n| --- | --- |\n| Banyuwangi | 90 |\n",
    );
    expect(out).toContain("<pre><code class=\"language-js\">const a = '&lt;b&gt;';");
    expect(out).toContain("<blockquote>");
    expect(out).toContain("<li>satu</li>");
    expect(out).toContain("<table>");
  });

  it("checks URLs by scheme", () => {
    expect(isSafeUrl("https://a.id")).toBe(true);
    expect(isSafeUrl("./x:y")).toBe(true);
    expect(isSafeUrl("javascript:x")).toBe(false);
    expect(isSafeUrl("java%09script:x")).toBe(false);
    expect(isSafeUrl(" javascript:x")).toBe(false);
    expect(isSafeUrl("ftp://a.id")).toBe(false);
  });
});

describe("mentions", () => {
  const ani = "64b7f0c2a1b2c3d4e5f60718";
  const unknown = "64b7f0c2a1b2c3d4e5f6ffff";

  it("links resolved mentions with the user's current name and lists them", () => {
    const r = renderMarkdown(
      `Terima kasih @[Bu Ani](${ani}) dan @[Siapa](${unknown})!`,
      new Map([[ani, "Ani Wijaya"]]),
    );
    expect(r.html).toContain(`<a class="mention" href="/users/${ani}" data-user-id="${ani}">@Ani Wijaya</a>`);
    expect(r.html).toContain("@Siapa");
    expect(r.html).not.toContain(unknown);
    expect(r.mentions).toEqual([ani]);
  });

  it("ignores mentions inside code and escapes labels", () => {
    const r = renderMarkdown(`\`@[x](${ani})\` @[<b>](${unknown})`, new Map([[ani, "Ani"]]));
    expect(r.mentions).toEqual([]);
    expect(r.html).toContain("@&lt;b&gt;");
  });

  it("extracts candidates to resolve", () => {
    expect(mentionCandidates(`@[A](${ani}) @[B](${ani.toUpperCase()}) @[C](123)`)).toEqual([ani]);
  });
});

describe("excerpts", () => {
  it("gives plain text, collapsed and cut", () => {
    expect(plainExcerpt("# Judul\n\n**Smart Kampung** di [Banyuwangi](https://x.id)")).toBe(
      "Judul Smart Kampung di Banyuwangi",
    );
    expect(plainExcerpt("a ".repeat(200), 20).length).toBeLessThanOrEqual(20);
  });
});

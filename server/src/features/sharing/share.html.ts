import type { PageMeta } from "../../lib/http/static.js";

/**
 * The link preview WhatsApp, Telegram and other apps build from a page's Open Graph tags. They read
 * the HTML the server sends and run no script, so the tags go into `index.html` before it leaves.
 */

const MAX_DESCRIPTION = 200;

const escapeHtml = (text: string) =>
  text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c,
  );

/** Markdown source as one line of plain text, cut at a word near `max` characters. */
export function plainSummary(markdown: string, max = MAX_DESCRIPTION): string {
  const text = markdown
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[`*_>#~|]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(" ");
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).trimEnd()}…`;
}

/** `index.html` with this page's title and preview tags in place of the site-wide ones. */
export function withPageMeta(indexHtml: string, meta: PageMeta): string {
  const tags = [
    `<title>${escapeHtml(meta.title)} · Rembuk</title>`,
    `<meta name="description" content="${escapeHtml(meta.description)}" />`,
    `<meta property="og:site_name" content="Rembuk" />`,
    `<meta property="og:type" content="${meta.type}" />`,
    `<meta property="og:title" content="${escapeHtml(meta.title)}" />`,
    `<meta property="og:description" content="${escapeHtml(meta.description)}" />`,
    `<meta property="og:url" content="${escapeHtml(meta.url)}" />`,
    `<meta property="og:image" content="${escapeHtml(meta.image)}" />`,
    `<meta property="og:image:width" content="1200" />`,
    `<meta property="og:image:height" content="630" />`,
    `<meta property="og:locale" content="id_ID" />`,
    `<meta name="twitter:card" content="summary_large_image" />`,
  ].join("\n    ");
  // The site-wide tags of the built page make way for the page's own.
  return indexHtml
    .replace(/\s*<title>[^<]*<\/title>/, "")
    .replace(/\s*<meta\s+(?:name="description"|property="og:[^"]*"|name="twitter:[^"]*")\s[^>]*>/g, "")
    .replace("</head>", `    ${tags}\n  </head>`);
}

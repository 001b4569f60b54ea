import { existsSync, readdirSync, readFileSync } from "node:fs";
import { extname, join, relative, sep } from "node:path";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import compression from "compression";
import express, { type Express, type Request, type RequestHandler, type Response } from "express";

/**
 * How the browser gets its bytes. The client build writes `<file>.br` and `<file>.gz` beside every
 * compressible file (client/vite.precompress.ts), so static files are never compressed per request:
 * we pick the variant the browser accepts. Hashed files under `assets/` never change and are cached
 * for a year; everything else (index.html, the service worker, the manifest) is revalidated each
 * time so a deploy is picked up at once. API JSON is compressed on the fly above a size threshold.
 */

const IMMUTABLE = "public, max-age=31536000, immutable";
const REVALIDATE = "no-cache";

/** Below this a compressed JSON body saves less than the extra work and headers cost. */
export const JSON_COMPRESSION_THRESHOLD = 1024;

/**
 * Compresses JSON answers only: streamed downloads (CSV exports) and anything that must reach the
 * browser as written keep going out untouched. Socket.io never passes through Express.
 */
export function compressJson(): RequestHandler {
  return compression({
    threshold: JSON_COMPRESSION_THRESHOLD,
    filter: (req, res) => {
      const type = String(res.getHeader("Content-Type") ?? "");
      return type.startsWith("application/json") && compression.filter(req, res);
    },
  });
}

type Encoding = "br" | "gzip";
const SUFFIX: Record<Encoding, string> = { br: ".br", gzip: ".gz" };

/** Every file under `dir`, relative with forward slashes. */
function listFiles(dir: string, root = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    return entry.isDirectory() ? listFiles(path, root) : [relative(root, path).split(sep).join("/")];
  });
}

/**
 * The encodings `accept-encoding` allows, best first. A q=0 refuses that encoding; anything more
 * elaborate than that is not worth negotiating for two precompressed variants.
 */
export function acceptedEncodings(header: string | undefined): Encoding[] {
  if (!header) return [];
  const accepted = new Set<string>();
  for (const part of header.split(",")) {
    const [name = "", ...params] = part.trim().toLowerCase().split(";");
    const q = params.map((p) => p.trim()).find((p) => p.startsWith("q="));
    if (q && Number(q.slice(2)) === 0) continue;
    accepted.add(name.trim());
  }
  const all = accepted.has("*");
  return (["br", "gzip"] as const).filter((e) => accepted.has(e) || all);
}

/** A page's own link-preview tags (Open Graph), absolute links included. */
export interface PageMeta {
  type: "article" | "website";
  title: string;
  description: string;
  url: string;
  image: string;
}

export interface PageMetaSource {
  /** The tags for the app page at `path`, or `null` where the site's own stay. */
  find(path: string, origin: string): Promise<PageMeta | null>;
  /** `index.html` carrying them. */
  render(indexHtml: string, meta: PageMeta): string;
}

/** A page rendered for this request, compressed as the precompressed shell would have been. */
function sendHtml(req: Request, res: Response, html: string): void {
  res.vary("Accept-Encoding");
  res.type("html");
  const [encoding] = acceptedEncodings(req.headers["accept-encoding"]);
  if (!encoding) return void res.send(html);
  res.setHeader("Content-Encoding", encoding);
  // A quick brotli level: the page is a few kilobytes and made per request.
  const body =
    encoding === "br"
      ? brotliCompressSync(html, { params: { [constants.BROTLI_PARAM_QUALITY]: 5 } })
      : gzipSync(html);
  res.send(body);
}

export function serveClient(app: Express, dist: string | null, pages?: PageMetaSource): void {
  if (!dist || !existsSync(join(dist, "index.html"))) return;
  const indexHtml = pages ? readFileSync(join(dist, "index.html"), "utf8") : "";
  const files = new Set(listFiles(dist));
  const staticFiles = express.static(dist, {
    index: false,
    setHeaders: (res, path) => {
      res.setHeader(
        "Cache-Control",
        relative(dist, path).startsWith(`assets${sep}`) ? IMMUTABLE : REVALIDATE,
      );
    },
  });

  /** Points the request at the best precompressed copy of `file`, if the browser takes one. */
  const pickVariant = (req: Request, res: Response, file: string): string => {
    const variants = (["br", "gzip"] as const).filter((e) => files.has(file + SUFFIX[e]));
    if (variants.length === 0) return file;
    res.vary("Accept-Encoding");
    const encoding = acceptedEncodings(req.headers["accept-encoding"]).find((e) => variants.includes(e));
    if (!encoding) return file;
    // Set before `send` runs: it keeps a Content-Type already present instead of guessing from `.br`.
    res.type(extname(file));
    res.setHeader("Content-Encoding", encoding);
    return file + SUFFIX[encoding];
  };

  app.use((req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    let file: string;
    try {
      file = decodeURIComponent(req.path).replace(/^\/+/, "");
    } catch {
      return next();
    }
    // The compressed copies are served only through negotiation, never asked for by name; source
    // maps would publish the client's sources, so a build that still emits them gets a 404.
    if (!files.has(file) || /\.(br|gz|map)$/.test(file)) return next();
    const served = pickVariant(req, res, file);
    if (served === file) return staticFiles(req, res, next);
    const original = req.url;
    req.url = `/${served.split("/").map(encodeURIComponent).join("/")}`;
    staticFiles(req, res, (err?: unknown) => {
      req.url = original;
      next(err);
    });
  });

  app.use(async (req, res, next) => {
    if (req.method !== "GET" && req.method !== "HEAD") return next();
    // A missing file (with an extension) is a 404, not the app shell; /socket.io is Socket.io's.
    // Extensions start with a letter, so app paths ending in a Kemendagri code (/regions/33.73) still route.
    if (/\.[A-Za-z][A-Za-z0-9]*$/.test(req.path) || req.path.startsWith("/socket.io")) return next();
    res.setHeader("Cache-Control", REVALIDATE);
    try {
      const meta = pages
        ? await pages.find(req.path, `${req.protocol}://${req.get("host") ?? "localhost"}`)
        : null;
      if (meta) return sendHtml(req, res, pages!.render(indexHtml, meta));
    } catch (err) {
      return next(err);
    }
    res.sendFile(join(dist, pickVariant(req, res, "index.html")), { cacheControl: false });
  });
}

import MarkdownIt from "markdown-it";
import type { StateInline, Token } from "markdown-it";

/**
 * Post bodies are stored as raw Markdown and rendered here, once per write, into HTML that is safe to
 * insert as-is:
 * - raw HTML is off, so `<script>` or `<img onerror>` come out as text;
 * - every link and autolink must be http, https, mailto or relative (checked after markdown-it has
 *   decoded entities and escapes, so `&#106;avascript:` or `JaVaScRiPt:` are refused too); a refused
 *   link stays visible as plain text;
 * - links open in a new tab and carry `rel="noopener noreferrer ugc nofollow"`: user-generated content
 *   must neither reach back into our window nor lend it search ranking;
 * - images are never embedded: `![alt](url)` becomes a link to the image. A remote image would tell a
 *   third party who reads which thread (and when), and our CSP keeps `img-src` to our own origin;
 * - mentions are written `@[Name](userId)`; those naming an existing user render as a link to the
 *   profile showing the user's *current* name (so nobody can label a mention "@Presiden"), the others
 *   as plain text `@Name`.
 */

const LINK_REL = "noopener noreferrer ugc nofollow";
const SAFE_SCHEMES = new Set(["http", "https", "mailto"]);
const MENTION = /^@\[([^\]\n]{1,80})\]\(([a-f0-9]{24})\)/i;
/** More mentions than this in one post is spam; the rest render as text. */
export const MAX_MENTIONS = 20;

/**
 * A link destination is safe when it has no scheme (relative, `#anchor`, `/path`) or one from the
 * list. Anything before the first `:` that comes ahead of `/`, `?` or `#` counts as a scheme, even if a
 * browser would not parse it as one (`java%09script:`), so there is nothing to argue about.
 */
export function isSafeUrl(url: string): boolean {
  // Control characters and whitespace are stripped by browsers inside schemes; refuse them outright.
  // eslint-disable-next-line no-control-regex -- matching control characters is the point here
  if (/[\u0000-\u0020\u007f]/.test(url)) return false;
  const end = url.search(/[:/?#]/);
  if (end === -1 || url[end] !== ":") return true;
  return SAFE_SCHEMES.has(url.slice(0, end).toLowerCase());
}

/** markdown-it's env is an open record; ours adds two known fields. */
interface RenderEnv extends Record<PropertyKey, unknown> {
  /** userId → current display name, for the mentions that resolved. */
  users: ReadonlyMap<string, string>;
  /** Filled while rendering: the resolved mentions actually rendered (not those inside code). */
  mentioned: Set<string>;
}

function isRenderEnv(env: unknown): env is RenderEnv {
  return typeof env === "object" && env !== null && "users" in env && "mentioned" in env;
}

/** What `mentionRule` put on its token. */
function mentionMeta(token: Token): { label: string; userId: string } {
  const meta: unknown = token.meta;
  if (typeof meta === "object" && meta !== null && "label" in meta && "userId" in meta)
    return { label: String(meta.label), userId: String(meta.userId) };
  return { label: "", userId: "" };
}

function mentionRule(state: StateInline, silent: boolean): boolean {
  if (state.src.charCodeAt(state.pos) !== 0x40 /* @ */) return false;
  const match = MENTION.exec(state.src.slice(state.pos, state.pos + 120));
  if (!match) return false;
  if (!silent) {
    const token = state.push("mention", "", 0);
    token.meta = { label: match[1], userId: match[2].toLowerCase() };
  }
  state.pos += match[0].length;
  return true;
}

function createRenderer() {
  const md = new MarkdownIt("default", { html: false, linkify: true, typographer: false, breaks: true });
  md.validateLink = isSafeUrl;
  md.inline.ruler.before("link", "mention", mentionRule);

  const escape = md.utils.escapeHtml;

  md.renderer.rules.mention = (tokens: Token[], idx: number, _opts, env: unknown) => {
    const { label, userId } = mentionMeta(tokens[idx]);
    const name = isRenderEnv(env) ? env.users.get(userId) : undefined;
    if (!isRenderEnv(env) || name === undefined || env.mentioned.size >= MAX_MENTIONS)
      return `@${escape(label)}`;
    env.mentioned.add(userId);
    return `<a class="mention" href="/users/${userId}" data-user-id="${userId}">@${escape(name)}</a>`;
  };

  md.renderer.rules.link_open = (tokens, idx, opts, _env, self) => {
    const token = tokens[idx];
    token.attrSet("rel", LINK_REL);
    token.attrSet("target", "_blank");
    return self.renderToken(tokens, idx, opts);
  };

  md.renderer.rules.image = (tokens, idx) => {
    const token = tokens[idx];
    const src = String(token.attrGet("src") ?? "");
    const alt = token.children?.map((c) => c.content).join("") || src;
    return `<a href="${escape(src)}" rel="${LINK_REL}" target="_blank" class="image-link">${escape(alt)}</a>`;
  };

  return md;
}

const md = createRenderer();

/** The user ids a body mentions, to resolve before rendering (at most MAX_MENTIONS, lower-cased). */
export function mentionCandidates(body: string): string[] {
  const ids = new Set<string>();
  for (const m of body.matchAll(/@\[[^\]\n]{1,80}\]\(([a-f0-9]{24})\)/gi)) {
    ids.add(m[1].toLowerCase());
    if (ids.size >= MAX_MENTIONS) break;
  }
  return [...ids];
}

export interface Rendered {
  html: string;
  /** Resolved mentions, in order of first appearance. */
  mentions: string[];
}

/** Render a post body; `users` maps the resolvable mentioned ids to their current names. */
export function renderMarkdown(body: string, users: ReadonlyMap<string, string> = new Map()): Rendered {
  const env: RenderEnv = { users, mentioned: new Set() };
  const html = md.render(body, env);
  return { html, mentions: [...env.mentioned] };
}

/** Plain text of a body, whitespace collapsed and cut at `max` characters (for reply quotes). */
export function plainExcerpt(body: string, max = 160): string {
  const parts: string[] = [];
  for (const block of md.parse(body, { users: new Map(), mentioned: new Set() })) {
    if (block.type === "inline") {
      for (const t of block.children ?? []) {
        if (t.type === "text" || t.type === "code_inline") parts.push(t.content);
        else if (t.type === "mention") parts.push(`@${mentionMeta(t).label}`);
        else if (t.type === "softbreak" || t.type === "hardbreak") parts.push(" ");
      }
      parts.push(" ");
    } else if (block.type === "code_block" || block.type === "fence") {
      parts.push(block.content, " ");
    }
  }
  const text = parts.join("").replace(/\s+/g, " ").trim();
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

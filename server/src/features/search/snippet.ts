import { fold, termOf, tokens } from "./text.js";

const escape = (s: string) =>
  s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** Folding may change a string's length (ligatures): fold per character, keeping where each came from. */
function foldWithMap(text: string): { folded: string; origin: number[] } {
  // Most text is ASCII, where folding is lower-casing and keeps every offset.
  if (/^[\x20-\x7e\s]*$/.test(text)) {
    return { folded: text.toLowerCase(), origin: Array.from({ length: text.length + 1 }, (_, i) => i) };
  }
  let folded = "";
  const origin: number[] = [];
  let i = 0;
  for (const ch of text) {
    const f = fold(ch);
    folded += f;
    for (let k = 0; k < f.length; k++) origin.push(i);
    i += ch.length;
  }
  origin.push(text.length);
  return { folded, origin };
}

const WINDOW = 180;

/**
 * The stretch of `text` around the first match, HTML-escaped, with matched words wrapped in `<mark>`
 * (the only tag a snippet ever has). A word matches when its term is one of the query's or it begins
 * with the prefix being typed.
 */
export function snippet(
  text: string,
  terms: ReadonlySet<string>,
  prefix: string | null,
  window = WINDOW,
): string {
  const { folded, origin } = foldWithMap(text);
  const hits = tokens(folded)
    .filter((t) => (prefix && t.word.startsWith(prefix)) || terms.has(termOf(t.word) ?? ""))
    .map((t) => ({ start: origin[t.start]!, end: origin[t.end]! }));
  const first = hits[0]?.start ?? 0;
  let from = Math.max(0, first - 60);
  if (from > 0) {
    const space = text.indexOf(" ", from);
    if (space !== -1 && space < first) from = space + 1;
  }
  let to = Math.min(text.length, from + window);
  if (to < text.length) {
    const space = text.lastIndexOf(" ", to);
    if (space > first) to = space;
  }
  let out = from > 0 ? "… " : "";
  let at = from;
  for (const h of hits) {
    if (h.start < at || h.end > to) continue;
    out += `${escape(text.slice(at, h.start))}<mark>${escape(text.slice(h.start, h.end))}</mark>`;
    at = h.end;
  }
  out += escape(text.slice(at, to));
  if (to < text.length) out += " …";
  return out;
}

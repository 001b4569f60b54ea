import { Stemmer } from "sastrawijs";
import { stemmer as porter } from "stemmer";

/**
 * Text → index terms, the same way for documents and queries.
 *
 * A term is `porter(sastrawi(word))`: Sastrawi (Nazief–Adriani with a root dictionary) removes
 * Indonesian affixes only when a dictionary root is left, so English words pass through it untouched;
 * Porter then folds English inflections. Composing both keeps one term per word, and every form the
 * first stemmer joins stays joined (docs/search.md explains the choice). Words with digits (numbers,
 * region codes such as `33.73`) are kept exactly.
 */

const sastrawi = new Stemmer();

/** Words too common to help (Indonesian and English); they are not indexed. */
const STOP = new Set(
  (
    "yang dan di ke dari ini itu untuk dengan pada dalam atau juga ada tidak akan oleh sebagai karena " +
    "agar bagi para kami kita saya anda mereka ia dia telah sudah lebih serta maupun namun jika bahwa " +
    "the and of to in a an is are was were for on with by as at be or it this that from"
  ).split(" "),
);

/** Lower case, diacritics removed (é → e), so `Pelayanan`, `PELAYANAN` and `pelayânan` are one word. */
export function fold(text: string): string {
  return text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase();
}

/** Region codes and decimals (`33.73`) stay one token; everything else splits on non-alphanumerics. */
const TOKEN = /\d+(?:\.\d+)+|[\p{L}\p{N}]+/gu;

export interface Token {
  word: string;
  start: number;
  end: number;
}

/** Tokens of already-folded text with their offsets (snippets highlight by offset). */
export function tokens(folded: string): Token[] {
  const out: Token[] = [];
  for (const m of folded.matchAll(TOKEN))
    out.push({ word: m[0], start: m.index, end: m.index + m[0].length });
  return out;
}

const cache = new Map<string, string>();
const CACHE_MAX = 100_000;

/** The index term of one folded word; `null` for stop words. Dots become `_` (terms are field names). */
export function termOf(word: string): string | null {
  if (STOP.has(word)) return null;
  const hit = cache.get(word);
  if (hit !== undefined) return hit;
  let term: string;
  if (/\d/.test(word) || word.length < 3) term = word.replace(/\./g, "_");
  else term = porter(sastrawi.stem(word));
  if (cache.size >= CACHE_MAX) cache.clear();
  cache.set(word, term);
  return term;
}

/** Terms of a text in order (stop words dropped), with the folded words they came from. */
export function analyse(text: string): { terms: string[]; words: string[] } {
  const terms: string[] = [];
  const words: string[] = [];
  for (const t of tokens(fold(text))) {
    const term = termOf(t.word);
    if (term === null) continue;
    terms.push(term);
    words.push(t.word);
  }
  return { terms, words };
}

import type { Document } from "bson";
import { CommandError } from "../errors.js";
import { isPlainObject } from "./keys.js";

/**
 * `$text` search over a text index (https://www.mongodb.com/docs/manual/reference/operator/query/text/):
 * terms are ORed, quoted phrases must all appear, `-term` excludes; matching is case- and
 * diacritic-insensitive (text index version 3) with English stop words dropped and words stemmed
 * (Porter steps 1a-1c: plurals, -ed, -ing, -y; mongod uses the full Snowball stemmer, so rarer
 * suffixes differ). The score is mongod's: per field, each term counts 1 + 1/2 + 1/4 … for its
 * repeats, times (0.5 + 0.5 · count / tokens), times the field's weight.
 */
export interface TextIndexInfo {
  name: string;
  /** Field → weight; `$**` means every string field. */
  weights: Map<string, number>;
  language: string;
}

export function isTextSpec(spec: Document): boolean {
  return isPlainObject(spec.key) && Object.values(spec.key).includes("text");
}

export function textIndexInfo(spec: Document): TextIndexInfo {
  const weights = new Map<string, number>();
  for (const [k, v] of Object.entries(spec.key as Document)) if (v === "text") weights.set(k, 1);
  if (isPlainObject(spec.weights)) {
    for (const [k, w] of Object.entries(spec.weights)) weights.set(k, Number(w));
  }
  const language = typeof spec.default_language === "string" ? spec.default_language : "english";
  return { name: String(spec.name), weights, language };
}

const STOP_WORDS = new Set(
  (
    "a about above after again against all am an and any are as at be because been before being below " +
    "between both but by can did do does doing down during each few for from further had has have " +
    "having he her here hers herself him himself his how i if in into is it its itself just me more " +
    "most my myself no nor not now of off on once only or other our ours ourselves out over own same " +
    "she should so some such than that the their theirs them themselves then there these they this " +
    "those through to too under until up very was we were what when where which while who whom why " +
    "will with you your yours yourself yourselves"
  ).split(" "),
);

const VOWEL = /[aeiouy]/;

/** The measure m of a stem: the number of vowel-consonant sequences (Porter). */
function measure(stem: string): number {
  return (
    stem
      .replace(/[^aeiouy]+/g, "C")
      .replace(/[aeiouy]+/g, "V")
      .match(/VC/g) ?? []
  ).length;
}

/** Porter stemmer steps 1a–1c. */
export function stem(word: string): string {
  if (word.length <= 2) return word;
  let w = word;
  if (w.endsWith("sses")) w = w.slice(0, -2);
  else if (w.endsWith("ies")) w = w.slice(0, -2);
  else if (!w.endsWith("ss") && w.endsWith("s")) w = w.slice(0, -1);
  let step1bMore = false;
  if (w.endsWith("eed")) {
    if (measure(w.slice(0, -3)) > 0) w = w.slice(0, -1);
  } else if (w.endsWith("ed") && VOWEL.test(w.slice(0, -2))) {
    w = w.slice(0, -2);
    step1bMore = true;
  } else if (w.endsWith("ing") && VOWEL.test(w.slice(0, -3))) {
    w = w.slice(0, -3);
    step1bMore = true;
  }
  if (step1bMore) {
    if (/(at|bl|iz)$/.test(w)) w += "e";
    else if (/([^aeiouylsz])\1$/.test(w)) w = w.slice(0, -1);
    else if (measure(w) === 1 && /[^aeiou][aeiouy][^aeiouwxy]$/.test(w)) w += "e";
  }
  if (w.endsWith("y") && VOWEL.test(w.slice(0, -1))) w = w.slice(0, -1) + "i";
  return w;
}

function fold(s: string): string {
  return s.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase();
}

function tokens(text: string, language: string): string[] {
  const out: string[] = [];
  for (const raw of fold(text).split(/[^\p{L}\p{N}]+/u)) {
    if (!raw) continue;
    if (language === "english" || language === "en") {
      if (STOP_WORDS.has(raw)) continue;
      out.push(stem(raw));
    } else out.push(raw);
  }
  return out;
}

export interface TextSearch {
  terms: string[];
  phrases: string[];
  negated: string[];
  negatedPhrases: string[];
  caseSensitive: boolean;
}

export function parseSearch(spec: unknown, language: string): TextSearch {
  if (!isPlainObject(spec) || typeof spec.$search !== "string") {
    throw new CommandError("FailedToParse", "$text requires a $search string");
  }
  const lang = typeof spec.$language === "string" ? spec.$language : language;
  const search = spec.$search;
  const phrases: string[] = [];
  const negatedPhrases: string[] = [];
  const rest = search.replace(/(-?)"([^"]*)"/g, (_m, neg: string, p: string) => {
    (neg ? negatedPhrases : phrases).push(p);
    return " ";
  });
  const terms: string[] = [];
  const negated: string[] = [];
  for (const word of rest.split(/\s+/)) {
    if (!word) continue;
    const neg = word.startsWith("-");
    for (const t of tokens(neg ? word.slice(1) : word, lang)) (neg ? negated : terms).push(t);
  }
  return { terms, phrases, negated, negatedPhrases, caseSensitive: spec.$caseSensitive === true };
}

function stringsAt(doc: Document, field: string): string[] {
  const out: string[] = [];
  const walk = (v: unknown, parts: string[]): void => {
    if (Array.isArray(v)) {
      for (const el of v) walk(el, parts);
      return;
    }
    if (parts.length === 0) {
      if (typeof v === "string") out.push(v);
      return;
    }
    if (isPlainObject(v)) walk(v[parts[0]], parts.slice(1));
  };
  if (field === "$**") {
    const all = (v: unknown): void => {
      if (typeof v === "string") out.push(v);
      else if (Array.isArray(v)) v.forEach(all);
      else if (isPlainObject(v)) Object.values(v).forEach(all);
    };
    all(doc);
  } else walk(doc, field.split("."));
  return out;
}

/** The document's text score for the search, or 0 when it does not match. */
export function textScore(doc: Document, index: TextIndexInfo, search: TextSearch): number {
  const termScores = new Map<string, number>();
  const texts: string[] = [];
  for (const [field, weight] of index.weights) {
    for (const text of stringsAt(doc, field)) {
      texts.push(text);
      const toks = tokens(text, index.language);
      const data = new Map<string, { freq: number; count: number; exp: number }>();
      for (const t of toks) {
        const d = data.get(t) ?? { freq: 0, count: 0, exp: 0 };
        d.exp = d.exp === 0 ? 1 : d.exp * 2;
        d.count++;
        d.freq += 1 / d.exp;
        data.set(t, d);
      }
      for (const [t, d] of data) {
        const coeff = 0.5 * (d.count / toks.length) + 0.5;
        termScores.set(t, (termScores.get(t) ?? 0) + weight * d.freq * coeff);
      }
    }
  }
  if (search.negated.some((t) => termScores.has(t))) return 0;
  const haystack = texts.map((t) => (search.caseSensitive ? t : fold(t)));
  const has = (p: string): boolean => {
    const needle = search.caseSensitive ? p : fold(p);
    return haystack.some((h) => h.includes(needle));
  };
  if (search.terms.length === 0 && search.phrases.length === 0) return 0; // only stop words or negations
  if (search.negatedPhrases.some(has)) return 0;
  if (!search.phrases.every(has)) return 0;
  let score = 0;
  for (const t of new Set(search.terms)) score += termScores.get(t) ?? 0;
  if (search.terms.length > 0 && score === 0) return 0;
  if (search.terms.length === 0) {
    // Phrases only: score by the phrases' own words.
    for (const p of search.phrases)
      for (const t of tokens(p, index.language)) score += termScores.get(t) ?? 0;
    return Math.max(score, Number.MIN_VALUE);
  }
  return score;
}

/** Splits a top-level `$text` off a filter (alone or as one term of a top-level `$and`). */
export function extractText(filter: Document): { text: unknown; rest: Document } | null {
  if ("$text" in filter) {
    const { $text, ...rest } = filter;
    return { text: $text, rest };
  }
  if (Array.isArray(filter.$and)) {
    const terms = filter.$and as Document[];
    const i = terms.findIndex((t) => isPlainObject(t) && "$text" in t);
    if (i >= 0) {
      const { $text, ...restOfTerm } = terms[i];
      const and = [...terms.slice(0, i), restOfTerm, ...terms.slice(i + 1)];
      return { text: $text, rest: { ...filter, $and: and } };
    }
  }
  return null;
}

/** The hidden field that carries `$text` scores through an aggregation pipeline. */
export const SCORE_FIELD = "__devdbTextScore";

/**
 * Rewrites `{$meta: "textScore"}` in pipeline stages to read the hidden score field (mingo has
 * no `$meta`): as an expression it becomes `"$__devdbTextScore"`, as a `$sort` key a descending
 * sort on that field.
 */
export function withTextScores(stages: Document[]): Document[] {
  const rewrite = (v: unknown): unknown => {
    if (Array.isArray(v)) return v.map(rewrite);
    if (!isPlainObject(v)) return v;
    if (Object.keys(v).length === 1 && v.$meta === "textScore") return `$${SCORE_FIELD}`;
    return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, rewrite(x)]));
  };
  return stages.map((st) => {
    if (isPlainObject(st.$sort)) {
      const sort: Document = {};
      for (const [k, v] of Object.entries(st.$sort)) {
        if (isPlainObject(v) && v.$meta === "textScore") sort[SCORE_FIELD] = -1;
        else sort[k] = v;
      }
      return { $sort: sort };
    }
    if (isPlainObject(st.$project)) {
      // Keep the score through inclusion projections, so a later $sort can still use it.
      const proj = rewrite(st.$project) as Document;
      const inclusion = Object.entries(proj).some(([k, v]) => k !== "_id" && v !== 0 && v !== false);
      return { $project: inclusion ? { ...proj, [SCORE_FIELD]: 1 } : proj };
    }
    return rewrite(st) as Document;
  });
}

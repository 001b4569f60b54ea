import { SearchTerm } from "./search.model.js";
import { findSynonyms, synonyms } from "./synonyms.js";
import { analyse } from "./text.js";

/**
 * A query as groups of alternative terms: a document must hold one term of every group. A synonym's
 * variant becomes its group key; the word being typed (no space after it yet) also matches every
 * vocabulary word it begins.
 */
export interface ParsedQuery {
  groups: string[][];
  /** Folded words of the query and the prefix being typed, for highlighting. */
  words: string[];
  prefix: string | null;
}

const PREFIX_MIN = 2;
const PREFIX_WORDS = 30;

async function wordsStartingWith(prefix: string): Promise<string[]> {
  const rows = await SearchTerm.find({ _id: { $gte: prefix, $lt: `${prefix}\uffff` } }, { term: 1 })
    .sort({ _id: 1 })
    .limit(PREFIX_WORDS)
    .lean();
  return rows.map((r) => r.term);
}

export async function parseQuery(q: string, { typeahead }: { typeahead: boolean }): Promise<ParsedQuery> {
  const { terms, words } = analyse(q);
  const groups: string[][] = [];
  const covered = new Set<number>();
  for (const s of findSynonyms(terms, synonyms())) {
    groups.push([s.key]);
    for (let i = s.start; i < s.end; i++) covered.add(i);
  }
  terms.forEach((t, i) => {
    if (!covered.has(i)) groups.push([t]);
  });
  const last = words.at(-1);
  const typing =
    typeahead &&
    last !== undefined &&
    /[\p{L}\p{N}]$/u.test(q) &&
    last.length >= PREFIX_MIN &&
    !covered.has(terms.length - 1);
  let prefix: string | null = null;
  if (typing) {
    prefix = last;
    const group = groups.at(-1)!;
    for (const t of await wordsStartingWith(last)) if (!group.includes(t)) group.push(t);
  }
  const unique = new Map(groups.map((g) => [g.slice().sort().join(" "), g]));
  return { groups: [...unique.values()], words, prefix };
}

import { DEFAULT_SYNONYMS, type SynonymGroup } from "@rembuk/shared";
import { SearchSynonyms } from "./search.model.js";
import { analyse } from "./text.js";

/**
 * Synonym groups compiled to term sequences. A document or query containing any variant of a group
 * gets the group's key term (`~mpp`), so "MPP" finds "Mal Pelayanan Publik" and back.
 */
export interface CompiledSynonyms {
  /** First term of a variant → the variants starting with it (longest first) and their group key. */
  byFirst: Map<string, Array<{ terms: string[]; key: string }>>;
}

export function compileSynonyms(groups: readonly SynonymGroup[]): CompiledSynonyms {
  const byFirst: CompiledSynonyms["byFirst"] = new Map();
  for (const group of groups) {
    const variants = group.variants.map((v) => analyse(v).terms).filter((t) => t.length > 0);
    if (variants.length < 2) continue;
    const key = `~${variants[0]!.join("_")}`;
    for (const terms of variants) {
      const list = byFirst.get(terms[0]!) ?? [];
      list.push({ terms, key });
      list.sort((a, b) => b.terms.length - a.terms.length);
      byFirst.set(terms[0]!, list);
    }
  }
  return { byFirst };
}

/** Where variants occur in a term sequence: `[start, end)` spans and the group key. */
export function findSynonyms(
  terms: readonly string[],
  syn: CompiledSynonyms,
): Array<{ start: number; end: number; key: string }> {
  const found: Array<{ start: number; end: number; key: string }> = [];
  // Longest variant first, and none inside another: "Sistem Informasi Pemerintahan Daerah" is SIPD,
  // not also Pemda (else a query for it would need both).
  for (let i = 0; i < terms.length; i++) {
    for (const v of syn.byFirst.get(terms[i]!) ?? []) {
      if (v.terms.every((t, j) => terms[i + j] === t)) {
        found.push({ start: i, end: i + v.terms.length, key: v.key });
        i += v.terms.length - 1;
        break;
      }
    }
  }
  return found;
}

let current: CompiledSynonyms = compileSynonyms(DEFAULT_SYNONYMS);
let loaded = false;

/** The live list (cached per process; `loadSynonyms` refreshes it). */
export function synonyms(): CompiledSynonyms {
  return current;
}

/** Read the stored list, seeding it from shared's default the first time. */
export async function loadSynonyms(): Promise<SynonymGroup[]> {
  const doc = await SearchSynonyms.findOneAndUpdate(
    { _id: "synonyms" },
    { $setOnInsert: { groups: DEFAULT_SYNONYMS, updatedAt: new Date() } },
    { upsert: true, returnDocument: "after" },
  ).lean();
  const groups = (doc?.groups ?? DEFAULT_SYNONYMS).map((g) => ({ variants: [...g.variants] }));
  current = compileSynonyms(groups);
  loaded = true;
  return groups;
}

export async function ensureSynonymsLoaded(): Promise<void> {
  if (!loaded) await loadSynonyms();
}

export async function saveSynonyms(groups: SynonymGroup[]): Promise<SynonymGroup[]> {
  await SearchSynonyms.updateOne(
    { _id: "synonyms" },
    { $set: { groups, updatedAt: new Date() } },
    { upsert: true },
  );
  return loadSynonyms();
}

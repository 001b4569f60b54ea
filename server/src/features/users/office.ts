import type { Affiliation } from "@rembuk/shared";
import { affiliationKey } from "./affiliation.js";

/**
 * Leadership offices: one verified holder at a time per region or agency (DESIGN.md §9). A title
 * names one when it starts with the office ("Bupati Banyuwangi", "Wakil Gubernur Jawa Tengah",
 * "Kepala Lembaga Administrasi Negara"); other titles (staff, aides) may be held by many.
 */
const REGION_OFFICES: ReadonlyArray<[RegExp, string]> = [
  [/^wakil\s+gubernur\b/, "wakil gubernur"],
  [/^gubernur\b/, "gubernur"],
  [/^wakil\s+bupati\b/, "wakil bupati"],
  [/^bupati\b/, "bupati"],
  [/^wakil\s+wali\s*kota\b/, "wakil wali kota"],
  [/^wali\s*kota\b/, "wali kota"],
  // English titles people may type.
  [/^vice\s+governor\b/, "wakil gubernur"],
  [/^governor\b/, "gubernur"],
  [/^(regent|district head)\b/, "bupati"],
  [/^mayor\b/, "wali kota"],
];
const AGENCY_OFFICES: ReadonlyArray<[RegExp, string]> = [
  [/^wakil\s+kepala\b/, "wakil kepala"],
  [/^kepala\b/, "kepala"],
  [/^(deputy head|vice head)\b/, "wakil kepala"],
  [/^head\b/, "kepala"],
];

/** The leadership office a title names, or null. */
export function officeOf(title: string, affiliation: Affiliation | null): string | null {
  if (!affiliation) return null;
  const t = title.trim().replace(/\s+/g, " ").toLowerCase();
  const table = affiliation.kind === "region" ? REGION_OFFICES : AGENCY_OFFICES;
  for (const [re, office] of table) if (re.test(t)) return office;
  return null;
}

/** The key conflicts are found by: the office and whose it is (`bupati|region:35.10`), or null. */
export function officeKeyOf(title: string, affiliation: Affiliation | null): string | null {
  const office = officeOf(title, affiliation);
  return office && affiliation ? `${office}|${affiliationKey(affiliation)}` : null;
}

import type { Affiliation } from "@rembuk/shared";

/**
 * The identity of an adopting region or agency: the Kemendagri code, or the agency name compared
 * case- and space-insensitively ("Lembaga  Administrasi Negara" and "lembaga administrasi negara"
 * are one adopter).
 */
export function affiliationKey(affiliation: Affiliation): string {
  return affiliation.kind === "region"
    ? `region:${affiliation.code}`
    : `agency:${affiliation.name.trim().replace(/\s+/g, " ").toLowerCase()}`;
}

import type { Affiliation } from "@rembuk/shared";

/** Same region code, or the same agency ignoring case and spacing (the server's rule). */
export function sameAffiliation(
  a: Affiliation | null | undefined,
  b: Affiliation | null | undefined,
): boolean {
  if (!a || !b || a.kind !== b.kind) return false;
  if (a.kind === "region" && b.kind === "region") return a.code === b.code;
  const norm = (s: string) => s.trim().replace(/\s+/g, " ").toLowerCase();
  return a.kind === "agency" && b.kind === "agency" && norm(a.name) === norm(b.name);
}

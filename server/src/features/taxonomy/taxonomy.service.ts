import { getProvinces, getRegencies } from "idn-area-data";
import type { RegionDto } from "@rembuk/shared";

/**
 * Indonesia's provinces and kabupaten/kota (Kemendagri codes) from the bundled `idn-area-data`
 * dataset: 38 provinces, 514 kabupaten/kota. Loaded once when this module is first imported (the
 * dataset ships with the package, so this is a local file read) so that the lookups below are
 * synchronous for every feature that validates a region code.
 */
async function load(): Promise<RegionDto[]> {
  const [provinces, regencies] = await Promise.all([getProvinces(), getRegencies()]);
  const list: RegionDto[] = provinces.map((p) => ({ code: p.code, name: p.name, kind: "province" }));
  for (const r of regencies) {
    // The dataset names every regency "Kabupaten …" or "Kota …" (Jakarta's "Kota Administrasi …").
    const kind = r.name.startsWith("Kota ") ? "kota" : "kabupaten";
    list.push({ code: r.code, name: r.name, kind, provinceCode: r.province_code });
  }
  return list.sort((a, b) => a.code.localeCompare(b.code));
}

const regions: readonly RegionDto[] = Object.freeze(await load());
const byCode = new Map(regions.map((r) => [r.code, r]));

/** The flat list served by GET /taxonomy/regions, sorted by code (provinces before their regencies). */
export function listRegions(): readonly RegionDto[] {
  return regions;
}

/** Strong validator for the cacheable response: changes only when the dataset does. */

export function isKnownRegion(code: string): boolean {
  return byCode.has(code);
}

export function findRegion(code: string): RegionDto | null {
  return byCode.get(code) ?? null;
}

/** "Kota Salatiga", "Jawa Tengah"; `null` for an unknown code. */
export function regionName(code: string): string | null {
  return byCode.get(code)?.name ?? null;
}

/** "Kota Salatiga, Jawa Tengah" (a province alone: "Jawa Tengah"); `null` for an unknown code. */
export function regionLabel(code: string): string | null {
  const region = byCode.get(code);
  if (!region) return null;
  const province = region.provinceCode ? byCode.get(region.provinceCode) : undefined;
  return province ? `${region.name}, ${province.name}` : region.name;
}

/** The province code of a province or kabupaten/kota code (`33.73` → `33`); `null` when unknown. */
export function provinceOf(code: string): string | null {
  const region = byCode.get(code);
  if (!region) return null;
  return region.kind === "province" ? region.code : (region.provinceCode ?? null);
}

import { PracticeSort, PracticeStage, RegionCode, SectorCode } from "@rembuk/shared";
import type { DirectoryFilters } from "./practices.api";

const flag = (v: string | null): boolean | undefined =>
  v === "true" || v === "1" ? true : v === "false" || v === "0" ? false : undefined;

/**
 * The directory's filters live in the URL (`/practices?province=33&sector=1.02&sort=adopted`), so a
 * view can be bookmarked and shared. Anything malformed in a hand-edited URL is ignored, not an error.
 */
export function filtersFromParams(params: URLSearchParams): DirectoryFilters {
  const province = params.get("province");
  const region = params.get("region");
  const sector = params.get("sector");
  const stage = PracticeStage.safeParse(params.get("stage"));
  const sdg = Number(params.get("sdg"));
  const sort = PracticeSort.safeParse(params.get("sort"));
  const out: DirectoryFilters = { sort: sort.success ? sort.data : "recent" };
  if (province && /^\d{2}$/.test(province)) out.province = province;
  // A kabupaten/kota only counts inside the chosen province (or on its own, which implies its province).
  if (region && RegionCode.safeParse(region).success && region.includes(".")) {
    const regionProvince = region.slice(0, 2);
    if (!out.province || out.province === regionProvince) {
      out.region = region;
      out.province = regionProvince;
    }
  }
  if (sector && SectorCode.safeParse(sector).success) out.sector = sector;
  if (stage.success) out.stage = stage.data;
  if (Number.isInteger(sdg) && sdg >= 1 && sdg <= 17) out.sdg = sdg;
  const featured = flag(params.get("featured"));
  if (featured !== undefined) out.featured = featured;
  const hasAdoptions = flag(params.get("hasAdoptions"));
  if (hasAdoptions !== undefined) out.hasAdoptions = hasAdoptions;
  return out;
}

/** The URL form of `filters`, in a fixed order so equal filters give equal URLs. */
export function paramsFromFilters(f: DirectoryFilters): URLSearchParams {
  const p = new URLSearchParams();
  if (f.province) p.set("province", f.province);
  if (f.region) p.set("region", f.region);
  if (f.sector) p.set("sector", f.sector);
  if (f.stage) p.set("stage", f.stage);
  if (f.sdg !== undefined) p.set("sdg", String(f.sdg));
  if (f.featured !== undefined) p.set("featured", String(f.featured));
  if (f.hasAdoptions !== undefined) p.set("hasAdoptions", String(f.hasAdoptions));
  if (f.sort !== "recent") p.set("sort", f.sort);
  return p;
}

/** For the API: the region filter makes the province filter redundant (and the server ANDs them anyway). */
export function apiFilters(f: DirectoryFilters): DirectoryFilters {
  return f.region ? { ...f, province: undefined } : f;
}

export const hasAnyFilter = (f: DirectoryFilters) =>
  Boolean(
    f.province ||
    f.region ||
    f.sector ||
    f.stage ||
    f.sdg !== undefined ||
    f.featured !== undefined ||
    f.hasAdoptions !== undefined,
  );

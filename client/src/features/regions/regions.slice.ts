import { taxonomyCommands, type RegionDto } from "@rembuk/shared";
import type { SliceCreator } from "../../store/types";
import { send } from "../../lib/send";

export type RegionsStatus = "idle" | "loading" | "ready" | "error";

export interface RegionsSlice {
  regionsByCode: Record<string, RegionDto>;
  regionsStatus: RegionsStatus;
  /** Loads the Kemendagri region list once (it changes yearly at most); retries after an error. */
  loadRegions: () => Promise<void>;
}

export const createRegionsSlice: SliceCreator<RegionsSlice> = (set, get) => ({
  regionsByCode: {},
  regionsStatus: "idle",
  loadRegions: async () => {
    const status = get().regionsStatus;
    if (status === "loading" || status === "ready") return;
    set({ regionsStatus: "loading" });
    try {
      const { regions } = await send(taxonomyCommands.regions, {});
      const byCode: Record<string, RegionDto> = {};
      for (const r of regions) byCode[r.code] = r;
      set({ regionsByCode: byCode, regionsStatus: "ready" });
    } catch {
      set({ regionsStatus: "error" });
    }
  },
});

/** The province a region belongs to (a province is its own). */
export function provinceOf(region: RegionDto, byCode: Record<string, RegionDto>): RegionDto | undefined {
  if (region.kind === "province") return region;
  const code = region.provinceCode ?? region.code.split(".")[0];
  return code ? byCode[code] : undefined;
}

/** "Kota Semarang, Jawa Tengah" for a kabupaten/kota, the name alone for a province. */
export function regionLabel(code: string, byCode: Record<string, RegionDto>): string | null {
  const region = byCode[code];
  if (!region) return null;
  const province = provinceOf(region, byCode);
  return province && province.code !== region.code ? `${region.name}, ${province.name}` : region.name;
}

const byName = (a: RegionDto, b: RegionDto) => a.name.localeCompare(b.name, "id");

export function provincesOf(byCode: Record<string, RegionDto>): RegionDto[] {
  return Object.values(byCode)
    .filter((r) => r.kind === "province")
    .sort(byName);
}

export function childrenOf(provinceCode: string, byCode: Record<string, RegionDto>): RegionDto[] {
  return Object.values(byCode)
    .filter((r) => r.kind !== "province" && (r.provinceCode ?? r.code.split(".")[0]) === provinceCode)
    .sort(byName);
}

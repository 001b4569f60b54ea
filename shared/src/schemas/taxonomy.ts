import { z } from "zod";

export const RegionKind = z.enum(["province", "kabupaten", "kota"]);
export const RegionDto = z.object({
  code: z.string(),
  name: z.string(),
  kind: RegionKind,
  provinceCode: z.string().optional(),
});
export type RegionDto = z.infer<typeof RegionDto>;

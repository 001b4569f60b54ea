import { z } from "zod";
import { RegionDto } from "../schemas/taxonomy.js";
import { SectorDto } from "../schemas/practices.js";
import { defineCommand } from "./define.js";

/** Reference lists; browsers and proxies cache them for a day and revalidate by ETag. */
export const taxonomyCommands = {
  regions: defineCommand({
    name: "taxonomy.regions",
    summary: "Every province, regency (kabupaten) and city (kota) with its code",
    input: z.object({}),
    output: z.object({ regions: z.array(RegionDto) }),
    http: { method: "GET", path: "/taxonomy/regions", cache: "public, max-age=86400" },
  }),
  sectors: defineCommand({
    name: "taxonomy.sectors",
    summary: "The government affairs (urusan pemerintahan) practices are filed under",
    input: z.object({}),
    output: z.object({ sectors: z.array(SectorDto) }),
    http: { method: "GET", path: "/taxonomy/sectors", cache: "public, max-age=86400" },
  }),
} as const;

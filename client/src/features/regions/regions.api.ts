import { z } from "zod";
import { RegionDto } from "@rembuk/shared";
import { api } from "../../lib/api";

const RegionList = z.object({ regions: z.array(RegionDto) });

export const regionsApi = {
  list: async () => (await api.get("/taxonomy/regions", RegionList)).regions,
};

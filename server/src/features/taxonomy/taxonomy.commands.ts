import { taxonomyCommands } from "@rembuk/shared";
import { handle } from "../../lib/commands/handle.js";
import { SECTORS } from "./sectors.js";
import { listRegions } from "./taxonomy.service.js";

/** Reference lists (shared/src/commands/taxonomy.ts). */
export const taxonomyHandlers = [
  handle(taxonomyCommands.regions, async () => ({ regions: [...listRegions()] })),
  handle(taxonomyCommands.sectors, async () => ({ sectors: [...SECTORS] })),
];

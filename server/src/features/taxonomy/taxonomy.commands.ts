import { taxonomyCommands } from "@rembuk/shared";
import { handle } from "../../lib/commands/handle.js";
import { listRegions } from "./taxonomy.service.js";

/** Reference lists (shared/src/commands/taxonomy.ts). */
export const taxonomyHandlers = [
  handle(taxonomyCommands.regions, async () => ({ regions: [...listRegions()] })),
];

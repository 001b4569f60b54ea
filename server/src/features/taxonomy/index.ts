export {
  provinceOf,
  isKnownRegion,
  regionName,
  findRegion,
  listRegions,
  regionLabel,
} from "./taxonomy.service.js";
export { SECTORS, sectorByCode, isSectorCode } from "./sectors.js";
export { taxonomyHandlers } from "./taxonomy.commands.js";

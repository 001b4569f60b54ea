export {
  provinceOf,
  isKnownRegion,
  regionName,
  findRegion,
  listRegions,
  regionLabel,
} from "./taxonomy.service.js";
export { sectorByCode, isSectorCode } from "./sectors.js";
export { taxonomyRouter } from "./taxonomy.routes.js";
export { sectorsRouter } from "./sectors.routes.js";

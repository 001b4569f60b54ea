import { extendThreadDtos } from "../threads/index.js";
import { watchFields } from "./watch.service.js";

// How watching plugs into threads without threads importing it. Loaded by this feature's index.ts.
// Every thread a signed-in viewer is shown carries their watch level.
extendThreadDtos(async (viewer, threads) => {
  if (!viewer || threads.length === 0) return (dto) => dto;
  const fields = await watchFields(viewer, threads);
  return (dto) => ({ ...dto, ...fields.get(dto.id) });
});

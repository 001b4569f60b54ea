export { Adoption } from "./adoption.model.js";
export {
  advanceAdoption,
  createAdoption,
  adoptionsOfPractice,
  presentVisibleAdoptions,
} from "./adoption.service.js";
export { adoptionPolicy } from "./adoption.policy.js";
export { adoptionHandlers } from "./adoption.commands.js";

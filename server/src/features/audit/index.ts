export type { ModActionEntry } from "./audit.events.js";
export { notify } from "./notice.js";

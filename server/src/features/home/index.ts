export { homeHandlers } from "./home.commands.js";

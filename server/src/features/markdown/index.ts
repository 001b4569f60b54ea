export { plainExcerpt } from "./markdown.render.js";
export { renderBody } from "./markdown.service.js";
export { markdownHandlers } from "./markdown.commands.js";

export { plainExcerpt } from "./markdown.render.js";
export { renderBody } from "./markdown.service.js";
export { markdownRouter } from "./markdown.routes.js";

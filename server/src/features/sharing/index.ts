export { pageMeta } from "./share.pages.js";
export { withPageMeta } from "./share.html.js";

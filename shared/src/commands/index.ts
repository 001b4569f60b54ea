export * from "./define.js";
export * from "./meta.js";
export * from "./posts.js";
export * from "./readState.js";

export * from "./define.js";
export * from "./meta.js";
export * from "./posts.js";
export * from "./readState.js";
export * from "./adoptions.js";
export * from "./practices.js";
export * from "./qa.js";

export * from "./define.js";
export * from "./meta.js";
export * from "./posts.js";
export * from "./readState.js";
export * from "./auth.js";
export * from "./users.js";
export * from "./mail.js";
export * from "./taxonomy.js";

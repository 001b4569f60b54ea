export { passport } from "./auth.passport.js";
export { configureLoginThrottle } from "./loginThrottle.js";
export { touchSession } from "./sessions.service.js";
export { authHandlers } from "./auth.commands.js";
export { sessionHandlers } from "./session.commands.js";

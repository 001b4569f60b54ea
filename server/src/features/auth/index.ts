export { passport } from "./auth.passport.js";
export { configureLoginThrottle } from "./loginThrottle.js";
export { touchSession } from "./sessions.service.js";
export { authRouter } from "./auth.routes.js";
export { registerAuthSocket } from "./auth.socket.js";

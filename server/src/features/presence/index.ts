export { registerPresenceSocket } from "./presence.socket.js";
export { roomPresenceCounts, presenceOf, schedulePresence, scopeOf } from "./presence.service.js";

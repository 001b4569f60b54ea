export { announceLeavingOnDisconnect } from "./presence.service.js";
export { roomPresenceCounts, presenceOf, schedulePresence, scopeOf } from "./presence.service.js";

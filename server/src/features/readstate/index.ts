import "./readState.extensions.js";
import "./readState.listeners.js";
export { readStateHandlers } from "./readState.commands.js";
export { readStatesFor } from "./readState.service.js";
export { UNREAD_WINDOW_DAYS } from "./room.activity.js";

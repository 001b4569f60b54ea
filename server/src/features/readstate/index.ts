export {
  raiseReadMark,
  unreadThreadsByRoom,
  readStatesFor,
  markRead,
  type ViewerRead,
} from "./readState.service.js";
export { readStateHandlers } from "./readState.commands.js";

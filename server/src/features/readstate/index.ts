export {
  raiseReadMark,
  unreadThreadsByRoom,
  readStatesFor,
  markRead,
  type ViewerRead,
} from "./readState.service.js";
export { readStateRouter } from "./readState.routes.js";

export { requireSignedIn, loadVisibleRoom, hiddenRoomError, type RoomRef } from "./room.loader.js";
export { Room, type RoomRecord } from "./room.model.js";
export {
  canSeeContent,
  canSeeRoom,
  isRoomModerator,
  visiblePostFilter,
  visibleContentFilter,
  type RoomAccess,
  type ContentAccess,
} from "./room.visibility.js";
export { createRoom, updateRoom } from "./room.service.js";
export {
  isAuthor,
  readsPost,
  seesThread,
  roomPolicy,
  seesPost,
  type InRoom,
  type InThread,
  type OnPost,
} from "./room.policy.js";
export { roomHandlers } from "./room.commands.js";
export { provideRoomActivity, type RoomActivity } from "./room.activity.js";

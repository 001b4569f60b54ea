// The rooms feature's front door: what other features, app/ and store/ may import from it.
// Data modules (api schemas, slices) come first: their schemas are read while modules load, so they
// must be ready before the components that close an import cycle back to this file.
// Lazy routes (app/routes.tsx) import page files directly, keeping code splitting; app/messages.ts
// reads each feature's messages.ts.
export { bindRoomsSocket } from "./rooms.bindings";
export { createRoomsSlice, roomSelectors } from "./rooms.slice";
export type { RoomsSlice } from "./rooms.slice";
export { RoomCard } from "./RoomCard";
export { RoomListPage } from "./RoomListPage";
export { RoomPage } from "./RoomPage";
export { useLiveRoomList } from "./useLiveRoomList";

import type { PresenceDto, RoomDto } from "@rembuk/shared";
import type { RealtimeSocket } from "../../lib/socket";
import type { useStore } from "../../store";

/** `room:updated` and room presence → store; after every (re)connect the rooms pages hold are joined again. */
export function bindRoomsSocket(socket: RealtimeSocket, store: typeof useStore): () => void {
  const onUpdated = ({ room }: { room: RoomDto }) => store.getState().internal_roomUpdated(room);
  const onPresence = (presence: PresenceDto) => store.getState().internal_roomPresence(presence);
  const onConnect = () => store.getState().internal_rejoinRooms();
  socket.on("room:updated", onUpdated);
  socket.on("presence:changed", onPresence);
  socket.on("connect", onConnect);
  return () => {
    socket.off("room:updated", onUpdated);
    socket.off("presence:changed", onPresence);
    socket.off("connect", onConnect);
  };
}

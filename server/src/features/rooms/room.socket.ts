import { RoomJoinInput } from "@rembuk/shared";
import type { IoSocket } from "../../lib/realtime/defineHandler.js";
import { defineHandler } from "../../lib/realtime/defineHandler.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { presenceOf, schedulePresence } from "../presence/index.js";
import { loadVisibleRoom } from "./room.loader.js";

/**
 * `room:join` / `room:leave`. The server joins the socket to `room:<id>` only after the visibility
 * check; a restricted room the user is not part of answers NOT_FOUND exactly like a missing one.
 */
export function registerRoomSocket(socket: IoSocket): void {
  socket.on(
    "room:join",
    defineHandler(socket, {
      schema: RoomJoinInput,
      limit: "read",
      run: async ({ input, actor }) => {
        const room = await loadVisibleRoom(actor, { id: input.roomId });
        const id = room._id.toString();
        await socket.join(rooms.room(id));
        schedulePresence("room", id);
        return { presence: await presenceOf("room", id) };
      },
    }),
  );

  socket.on(
    "room:leave",
    defineHandler(socket, {
      schema: RoomJoinInput,
      limit: "read",
      run: async ({ input, actor }) => {
        const name = rooms.room(input.roomId);
        if (socket.rooms.has(name)) {
          await socket.leave(name);
          schedulePresence("room", input.roomId);
        }
        // Leaving always works; who else is there is only told to those who may see the room.
        await loadVisibleRoom(actor, { id: input.roomId });
        return { presence: await presenceOf("room", input.roomId) };
      },
    }),
  );
}

import { roomCommands } from "@rembuk/shared";
import { handle } from "../../lib/commands/handle.js";
import { socketOf } from "../../lib/commands/socketOf.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { presenceOf, schedulePresence } from "../presence/index.js";
import { loadVisibleRoom } from "./room.loader.js";
import { createRoom, getRoom, listRooms, updateRoom } from "./room.service.js";

/** The room commands (shared/src/commands/rooms.ts) bound to their services. */
export const roomHandlers = [
  handle(roomCommands.list, async (_input, { actor }) => ({ rooms: await listRooms(actor) })),
  handle(roomCommands.create, async (input, { member }) => ({ room: await createRoom(member(), input) })),
  handle(roomCommands.get, async ({ slug }, { actor }) => ({ room: await getRoom(actor, slug) })),
  handle(roomCommands.update, async ({ currentSlug, ...patch }, { member }) => ({
    room: await updateRoom(member(), currentSlug, patch),
  })),
  /**
   * The socket joins `room:<id>` only after the visibility check: a restricted room the user is not
   * part of answers NOT_FOUND exactly like a missing one.
   */
  handle(roomCommands.join, async ({ roomId }, { actor, transport }) => {
    const room = await loadVisibleRoom(actor, { id: roomId });
    const id = room._id.toString();
    await socketOf(transport).join(rooms.room(id));
    schedulePresence("room", id);
    return { presence: await presenceOf("room", id) };
  }),
  handle(roomCommands.leave, async ({ roomId }, { actor, transport }) => {
    const socket = socketOf(transport);
    const name = rooms.room(roomId);
    if (socket.rooms.has(name)) {
      await socket.leave(name);
      schedulePresence("room", roomId);
    }
    // Leaving always works; who else is there is only told to those who may see the room.
    await loadVisibleRoom(actor, { id: roomId });
    return { presence: await presenceOf("room", roomId) };
  }),
];

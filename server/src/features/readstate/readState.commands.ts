import { readStateCommands } from "@rembuk/shared";
import { handle } from "../../lib/commands/handle.js";
import { loadVisibleRoom } from "../rooms/room.loader.js";
import { markAllRead, markRoomRead } from "./readBaseline.js";

/** "Mark all read" (shared/src/commands/readState.ts). */
export const readStateHandlers = [
  handle(readStateCommands.readAll, async (_input, { member }) => ({
    readAllAt: (await markAllRead(member())).toISOString(),
  })),
  handle(readStateCommands.readRoom, async ({ slug }, { member }) => {
    const room = await loadVisibleRoom(member(), { slug });
    return { readAllAt: (await markRoomRead(member(), room._id)).toISOString() };
  }),
];

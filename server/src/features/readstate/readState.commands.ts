import { readStateCommands, threadCommands } from "@rembuk/shared";
import { handle } from "../../lib/commands/handle.js";
import { loadVisibleRoom } from "../rooms/index.js";
import { markAllRead, markRoomRead } from "./readBaseline.js";
import { markRead } from "./readState.service.js";

/** "Mark all read" (shared/src/commands/readState.ts) and a thread's read mark (`thread:read`). */
export const readStateHandlers = [
  handle(readStateCommands.readAll, async (_input, { member }) => ({
    readAllAt: (await markAllRead(member())).toISOString(),
  })),
  handle(readStateCommands.readRoom, async ({ slug }, { member }) => {
    const room = await loadVisibleRoom(member(), { slug });
    return { readAllAt: (await markRoomRead(member(), room._id)).toISOString() };
  }),
  handle(threadCommands.read, async ({ threadId, seq }, { member }) => ({
    read: await markRead(member(), threadId, seq),
  })),
];

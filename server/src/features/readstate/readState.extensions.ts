import { provideRoomActivity } from "../rooms/index.js";
import { extendThreadDtos } from "../threads/index.js";
import { readStatesFor } from "./readState.service.js";
import { loadRoomActivity } from "./room.activity.js";

// How read state plugs into the features below it, without those importing it. Loaded by this
// feature's index.ts.
// Every thread a signed-in viewer is shown carries their read mark and unread count...
extendThreadDtos(async (viewer, threads) => {
  const reads = await readStatesFor(viewer, threads);
  return (dto) => {
    const read = reads.get(dto.id);
    return read ? { ...dto, lastReadSeq: read.lastReadSeq, unreadCount: read.unreadCount } : dto;
  };
});
// ...and the room list's thread numbers and unread counts come from here (rooms sit below threads).
provideRoomActivity(loadRoomActivity);

import type { IoServer } from "./publish.js";

/**
 * The Socket.io server of this process, for code that must look at live sockets (presence, audience
 * re-checks after a visibility change). `null` before `createIo` ran (scripts, service-level tests),
 * where there are no sockets to look at.
 */
let io: IoServer | null = null;

/** Called once by `createIo`. */
export function bindLiveIo(server: IoServer): void {
  io = server;
}

export function liveIo(): IoServer | null {
  return io;
}

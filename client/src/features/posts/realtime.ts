import { command, getSocket } from "../../lib/socket";

/**
 * The forum slices reach the socket through this object, so tests can script it (`vi.spyOn(realtime,
 * "command")`) without replacing modules the store has already loaded.
 */
export const realtime = {
  /** Writes and joins go over the socket when it is up; REST serves the rest of the time. */
  isConnected: (): boolean => getSocket().connected,
  command,
};

import type { IoSocket } from "../realtime/defineHandler.js";
import type { Transport } from "./handle.js";

/**
 * The socket a socket-only command arrived on (joins, leaves, typing act on the socket's rooms).
 * Such a command has no REST route, so another transport here is a wiring mistake, not bad input.
 */
export function socketOf(transport: Transport): IoSocket {
  if (transport.kind !== "socket") throw new Error("a socket-only command arrived over HTTP");
  return transport.socket;
}

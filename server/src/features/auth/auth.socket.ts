import { SessionPingInput } from "@rembuk/shared";
import { defineHandler, type IoSocket } from "../../lib/realtime/defineHandler.js";

/** `session:ping`: who this socket is (the connection indicator, and a cheap round trip). */
export function registerAuthSocket(socket: IoSocket): void {
  socket.on(
    "session:ping",
    defineHandler(socket, {
      schema: SessionPingInput,
      limit: "read",
      run: async ({ actor }) => ({ userId: actor?.id ?? null, at: new Date().toISOString() }),
    }),
  );
}

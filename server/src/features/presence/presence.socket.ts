import type { IoSocket } from "../../lib/realtime/defineHandler.js";
import { schedulePresence, scopeOf } from "./presence.service.js";

/** A closing tab leaves every room and thread at once; tell each of them (debounced). */
export function registerPresenceSocket(socket: IoSocket): void {
  socket.on("disconnecting", () => {
    for (const name of socket.rooms) {
      const scope = scopeOf(name);
      if (scope) schedulePresence(scope.scope, scope.id);
    }
  });
}

import type { RoomRecord } from "./room.model.js";

/** What the rooms feature announces to features above it (lib/events.ts). */
declare module "../../lib/events.js" {
  interface DomainEvents {
    /** A room's visibility or members changed: sockets that may no longer see it leave. */
    "room.audienceChanged": { room: RoomRecord };
  }
}

export {};

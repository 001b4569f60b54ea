import type { Server } from "socket.io";
import type { ClientToServerEvents, ServerToClientEvents, SocketData } from "@rembuk/shared";

export type IoServer = Server<ClientToServerEvents, ServerToClientEvents, Record<string, never>, SocketData>;
type EventName = keyof ServerToClientEvents;
type Payload<E extends EventName> = Parameters<ServerToClientEvents[E]>[0];

export interface Publisher {
  publish<E extends EventName>(room: string | string[], event: E, payload: Payload<E>): void;
  /** Disconnect every socket in a room (logout, suspension), on every server process. */
  disconnect(room: string): void;
  /** Make every socket in `room` also join (or leave) `target`, on every process (a role change). */
  join(room: string, target: string): void;
  leave(room: string, target: string): void;
}

/** Until the app wires Socket.io, publishing goes nowhere: services stay usable from scripts. */
const silent: Publisher = { publish: () => {}, disconnect: () => {}, join: () => {}, leave: () => {} };
let current: Publisher = silent;

export function ioPublisher(io: IoServer): Publisher {
  return {
    publish: (room, event, payload) => {
      // The generic emit signature cannot be checked against a union of events; `Payload<E>` already was.
      (io.to(room).emit as (ev: string, p: unknown) => boolean)(event, payload);
    },
    disconnect: (room) => io.in(room).disconnectSockets(true),
    join: (room, target) => io.in(room).socketsJoin(target),
    leave: (room, target) => io.in(room).socketsLeave(target),
  };
}

/** Called once by the app (and by tests that want to record events). */
export function setPublisher(p: Publisher | null) {
  current = p ?? silent;
}

/**
 * The one way services fan out: called after the write succeeded, so REST and socket writes
 * broadcast identically, and through the Redis adapter to every process.
 */
export function publish<E extends EventName>(room: string | string[], event: E, payload: Payload<E>): void {
  current.publish(room, event, payload);
}

export function disconnectRoom(room: string): void {
  current.disconnect(room);
}

/** Move a room's live sockets into another room (server-side joins only; never client-chosen names). */
export function joinRoom(room: string, target: string): void {
  current.join(room, target);
}

export function leaveRoom(room: string, target: string): void {
  current.leave(room, target);
}

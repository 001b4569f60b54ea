import type { AckFn } from "./ack.js";
import type { Role } from "./schemas/users.js";

/**
 * The typed Socket.io contract (DESIGN.md §4). Types validate nothing at run time: every command's
 * payload is parsed by its zod schema inside the server's `defineHandler`.
 * Commands are `entity:verb`, broadcasts `entity:verbed`; every command's last argument is an ack.
 */
export interface ClientToServerEvents {
  /** Round-trip check used by the connection indicator. */
  "session:ping": (payload: Record<string, never>, ack: AckFn<{ userId: string | null; at: string }>) => void;
}

export interface ServerToClientEvents {
  /** The server ends this socket's session (logout elsewhere, suspension); the client should sign out. */
  "session:ended": (payload: { reason: "logout" | "suspended" }) => void;
}

/** What the handshake puts on `socket.data`; guests have `userId: null` and may only read. */
export interface SocketData {
  userId: string | null;
  role: Role | null;
  sessionId: string | null;
}

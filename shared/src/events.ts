import type { AckFn } from "./ack.js";
import type { Role } from "./schemas/users.js";
import type { QaSessionDto, QaSnapshotDto, QaVoteCountsDto, QuestionDto, QuestionModerateInput } from "./schemas/qa.js";

/**
 * The typed Socket.io contract (DESIGN.md §4). Types validate nothing at run time: every command's
 * payload is parsed by its zod schema inside the server's `defineHandler`.
 * Commands are `entity:verb`, broadcasts `entity:verbed`; every command's last argument is an ack.
 */
export interface ClientToServerEvents {
  /** Round-trip check used by the connection indicator. */
  "session:ping": (payload: Record<string, never>, ack: AckFn<{ userId: string | null; at: string }>) => void;
  /** Q&A: join a session's live updates; the ack is the snapshot this viewer may see. */
  "qa:join": (payload: { sessionId: string }, ack: AckFn<QaSnapshotDto>) => void;
  "qa:leave": (payload: { sessionId: string }, ack: AckFn<null>) => void;
  /** Q&A writes mirroring REST (`POST|DELETE /questions/:id/vote`, `POST /qa/:id/questions`, …). */
  "qa:vote": (payload: { questionId: string; up: boolean }, ack: AckFn<QuestionDto>) => void;
  "qa:ask": (
    payload: { sessionId: string; text: string; anonymous?: boolean; clientId: string },
    ack: AckFn<QuestionDto>,
  ) => void;
  "qa:moderate": (payload: { questionId: string; input: QuestionModerateInput }, ack: AckFn<QuestionDto>) => void;
  "qa:status": (payload: { sessionId: string; status: "live" | "ended" }, ack: AckFn<QaSessionDto>) => void;
}

export interface ServerToClientEvents {
  /** The server ends this socket's session (logout elsewhere, suspension); the client should sign out. */
  "session:ended": (payload: { reason: "logout" | "suspended" }) => void;
  "qa:session:updated": (payload: { session: QaSessionDto }) => void;
  "qa:question:created": (payload: { question: QuestionDto }) => void;
  "qa:question:updated": (payload: { question: QuestionDto }) => void;
  /** Extension: vote counts batched per session a few times a second during a vote storm. */
  "qa:votes:updated": (payload: QaVoteCountsDto) => void;
}

/** What the handshake puts on `socket.data`; guests have `userId: null` and may only read. */
export interface SocketData {
  userId: string | null;
  role: Role | null;
  sessionId: string | null;
}

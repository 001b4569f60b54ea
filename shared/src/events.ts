import type { AckFn } from "./ack.js";
import type { Role, UserDto } from "./schemas/users.js";
import type { VerificationRequestDto } from "./schemas/verification.js";
import type {
  QaSessionDto,
  QaSnapshotDto,
  QaVoteCountsDto,
  QuestionDto,
  QuestionModerateInput,
} from "./schemas/qa.js";
import type { PollAnswerSocketInput, PollDto } from "./schemas/polls.js";
import type { PresenceDto, RoomDto, RoomJoinInput, UserSummaryDto } from "./schemas/rooms.js";
import type {
  ReadStateDto,
  ThreadDto,
  ThreadJoinInput,
  ThreadReadCommand,
  ThreadRefInput,
} from "./schemas/threads.js";
import type {
  PostCreateCommand,
  PostDeletedEvent,
  PostDto,
  PostRefCommand,
  PostUpdateCommand,
  ReactCommand,
  ThreadJoinResult,
} from "./schemas/posts.js";
import type { z } from "zod";
import type {
  FlagDto,
  ModActionDto,
  ModNoticeDto,
  ModScopeDto,
  QueueItemDto,
  ThreadRemovedEvent,
  UnqueuedEvent,
} from "./schemas/moderation.js";
import type { AdoptionDto, PracticeDto, RegionRoomInput } from "./schemas/practices.js";
import type { NotificationDto } from "./schemas/notifications.js";

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
  /** The REST body with the question's id (`POST /questions/:id/moderate`). */
  "qa:moderate": (payload: QuestionModerateInput & { questionId: string }, ack: AckFn<QuestionDto>) => void;
  "qa:status": (payload: { sessionId: string; status: "live" | "ended" }, ack: AckFn<QaSessionDto>) => void;
  /** Extension (issue 17): answer a poll over the socket, as `POST /polls/:id/answers`; the ack has `myAnswer`. */
  "qa:poll:answer": (payload: PollAnswerSocketInput, ack: AckFn<PollDto>) => void;
  /** Rooms and threads: the server joins the socket only after the visibility check (404 otherwise). */
  "room:join": (payload: RoomJoinInput, ack: AckFn<{ presence: PresenceDto }>) => void;
  "room:leave": (payload: RoomJoinInput, ack: AckFn<{ presence: PresenceDto }>) => void;
  /** `missed`: every visible post with seq > afterSeq, in order (without afterSeq: the latest 50). */
  "thread:join": (payload: z.input<typeof ThreadJoinInput>, ack: AckFn<ThreadJoinResult>) => void;
  "thread:leave": (payload: ThreadRefInput, ack: AckFn<{ presence: PresenceDto }>) => void;
  /** Relayed as `typing` to the thread's other sockets, at most once per user and thread every 2 s. */
  "typing:start": (payload: ThreadRefInput, ack: AckFn<{ relayed: boolean }>) => void;
  /** Writes mirroring REST; the same service serves both. */
  "thread:read": (payload: ThreadReadCommand, ack: AckFn<ReadStateDto>) => void;
  "post:create": (payload: PostCreateCommand, ack: AckFn<PostDto>) => void;
  "post:update": (payload: PostUpdateCommand, ack: AckFn<PostDto>) => void;
  "post:delete": (payload: PostRefCommand, ack: AckFn<PostDto>) => void;
  "post:react": (payload: ReactCommand, ack: AckFn<PostDto>) => void;
  /** Region pages: live `adoption:changed` for adoptions by or of a region (public data, any known code). */
  "region:join": (payload: RegionRoomInput, ack: AckFn<{ code: string }>) => void;
  "region:leave": (payload: RegionRoomInput, ack: AckFn<{ code: string }>) => void;
  /** Put this socket in the moderation rooms of everything its user moderates; the ack says which. */
  "moderation:join": (payload: Record<string, never>, ack: AckFn<ModScopeDto>) => void;
}

export interface ServerToClientEvents {
  /** The server ends this socket's session (logout elsewhere, suspension); the client should sign out. */
  "session:ended": (payload: { reason: "logout" | "suspended" }) => void;
  "qa:session:updated": (payload: { session: QaSessionDto }) => void;
  "qa:question:created": (payload: { question: QuestionDto }) => void;
  "qa:question:updated": (payload: { question: QuestionDto }) => void;
  /** Extension: vote counts batched per session a few times a second during a vote storm. */
  "qa:votes:updated": (payload: QaVoteCountsDto) => void;
  /** DESIGN §9: a poll changed (created, opened, closed, answers); participants get results only once shown. */
  "qa:poll:updated": (payload: { poll: PollDto }) => void;
  /** To `room:<id>`. Thread DTOs in broadcasts never carry a viewer's unread state. */
  "thread:created": (payload: { thread: ThreadDto }) => void;
  "thread:updated": (payload: { thread: ThreadDto }) => void;
  /** Extension: an admin changed the room (name, slow mode, audience). */
  "room:updated": (payload: { room: RoomDto }) => void;
  /** To `thread:<id>`; neutral DTOs (no myReactions, no clientId). */
  "post:created": (payload: { post: PostDto }) => void;
  "post:updated": (payload: { post: PostDto }) => void;
  "post:deleted": (payload: PostDeletedEvent) => void;
  "presence:changed": (payload: PresenceDto) => void;
  typing: (payload: { threadId: string; user: UserSummaryDto }) => void;
  /** To the practice's `thread:<id>` and the `region:<code>` rooms of both sides: created or moved a step. */
  "adoption:changed": (payload: { adoption: AdoptionDto }) => void;
  /** Extension, to `thread:<id>`: the practice record was edited (a new revision). */
  "practice:updated": (payload: { threadId: string; practice: PracticeDto }) => void;
  /** To the room (and the thread's readers): the thread is gone for everyone there (hidden, rejected, moved away). */
  "thread:removed": (payload: ThreadRemovedEvent) => void;
  /** To the moderators of the item's room (`mod`, `mod:<roomId>`): the approval queue changed. */
  "moderation:queued": (payload: { item: QueueItemDto }) => void;
  "moderation:unqueued": (payload: UnqueuedEvent) => void;
  /** To the moderators of the flag's room. */
  "flag:created": (payload: { flag: FlagDto }) => void;
  "flag:updated": (payload: { flag: FlagDto }) => void;
  /** To the moderators of the row's room (rows without a room: global moderators and admins). */
  "modlog:created": (payload: { entry: ModActionDto }) => void;
  /** To one user: a moderator decided about their content or their flag. */
  "moderation:notice": (payload: { notice: ModNoticeDto }) => void;
  /** To `mod`: a member asked for verification (the live queue). */
  "verification:requested": (payload: { request: VerificationRequestDto }) => void;
  /**
   * To `mod` and to the member's `user:` room: a request changed (official email confirmed, approved,
   * rejected, cancelled by a newer one).
   */
  "verification:updated": (payload: { request: VerificationRequestDto }) => void;
  /**
   * To one user's `user:` room: their own account changed by someone else or elsewhere (verification
   * decided or revoked, role, email confirmed); the payload is what `GET /auth/me` answers.
   */
  "user:updated": (payload: { user: UserDto }) => void;
  /**
   * DESIGN §9, to the recipient's `user:` room: a new inbox entry, or a collapsed one whose `count`
   * grew (same `id`: the client replaces it and moves it to the top).
   */
  "notification:created": (payload: { notification: NotificationDto }) => void;
}

/** What the handshake puts on `socket.data`; guests have `userId: null` and may only read. */
export interface SocketData {
  userId: string | null;
  role: Role | null;
  sessionId: string | null;
  /** The client's address as the HTTP layer sees it (honouring TRUST_PROXY): the rate-limit key for guests. */
  address: string;
  /**
   * Q&A guest participants this device joined as (from the signed `rb_qg_<sessionId>` cookies read at
   * the handshake): each is valid for its own session only.
   */
  qaGuests?: { sessionId: string; participantId: string }[];
}

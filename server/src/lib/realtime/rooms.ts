/** The only place Socket.io room names are spelled (DESIGN.md §3). */
export const rooms = {
  room: (roomId: string) => `room:${roomId}`,
  thread: (threadId: string) => `thread:${threadId}`,
  qa: (sessionId: string) => `qa:${sessionId}`,
  /** A Q&A session's room moderators and staff: pending questions and anonymous askers' names. */
  qaMod: (sessionId: string) => `qa-mod:${sessionId}`,
  /** A Q&A session's hosts who do not moderate its room: pending questions, anonymous askers unnamed. */
  qaHost: (sessionId: string) => `qa-host:${sessionId}`,
  user: (userId: string) => `user:${userId}`,
  /** One Q&A guest participant's sockets, so a block can take them out of the session's room. */
  qaGuest: (participantId: string) => `qa-guest:${participantId}`,
  /** A region page (Kemendagri code): live adoption changes by or of that region. */
  region: (code: string) => `region:${code}`,
  /** Every moderator and admin, for queue and flag events. */
  mod: () => "mod",
  /** One room's own moderators (users listed on it), for its queue, flag and audit events. */
  roomMod: (roomId: string) => `mod:${roomId}`,
  /** One login session's sockets, so logout can disconnect exactly them. */
  session: (sessionId: string) => `session:${sessionId}`,
} as const;

export type RoomName = ReturnType<(typeof rooms)[keyof typeof rooms]>;

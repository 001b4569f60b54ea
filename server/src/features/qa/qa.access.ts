import type { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { notFound, unauthenticated } from "../../lib/errors.js";
import { can } from "../../lib/policy.js";
import { QaSession, type QaSessionRecord } from "./qaSession.model.js";
import type { QaSessionScope } from "./qa.policy.js";
import { loadQaRoom, type QaRoom } from "./qa.rooms.js";

export interface SessionAccess {
  session: QaSessionRecord;
  room: QaRoom;
  scope: QaSessionScope;
  /** Hosts, the room's moderators and staff: they see the queue and anonymous authors. */
  canModerate: boolean;
}

export const scopeOf = (session: Pick<QaSessionRecord, "hosts">, room: QaRoom): QaSessionScope => ({
  hostIds: session.hosts.map(String),
  moderatorIds: room.moderatorIds,
});

/**
 * The session and its room as `actor` may see them. A session in a room the actor cannot see is
 * as absent as an unknown id (404), over REST and sockets alike.
 */
export async function loadSessionAccess(actor: Actor | null, sessionId: string | Types.ObjectId): Promise<SessionAccess> {
  const session = await QaSession.findById(sessionId).lean();
  if (!session) throw notFound("Q&A session");
  // A guest exists in its own session only; anywhere else it is a visitor who has not joined.
  if (actor?.guestOf && actor.guestOf !== session._id.toString())
    throw unauthenticated("Join this session first");
  // Guests see rooms as signed-out visitors do (public rooms only), never with a member's rights.
  const room = await loadQaRoom(actor?.guestOf ? null : actor, { id: session.room }, "Q&A session");
  const scope = scopeOf(session, room);
  return { session, room, scope, canModerate: can(actor, "qa.viewModeration", scope) };
}

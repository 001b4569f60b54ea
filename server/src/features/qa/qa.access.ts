import type { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { notFound } from "../../lib/errors.js";
import { can } from "../../lib/policy.js";
import { QaSession, type QaSessionRecord } from "./qaSession.model.js";
import type { QaSessionScope } from "./qa.policy.js";
import type { Audience } from "./qa.presenter.js";
import { loadQaRoom, type QaRoom } from "./qa.rooms.js";

export interface SessionAccess {
  session: QaSessionRecord;
  room: QaRoom;
  scope: QaSessionScope;
  /** Hosts, the room's moderators and staff: they see the queue. */
  canModerate: boolean;
  /** The room's moderators and staff only (not plain hosts): they see who asked anonymously. */
  seesAnonymous: boolean;
}

export const scopeOf = (session: Pick<QaSessionRecord, "hosts">, room: QaRoom): QaSessionScope => ({
  hostIds: session.hosts.map(String),
  moderatorIds: room.moderatorIds,
});

/**
 * The session and its room as `actor` may see them. A session in a room the actor cannot see is
 * as absent as an unknown id (404), over REST and sockets alike.
 */
export async function loadSessionAccess(
  actor: Actor | null,
  sessionId: string | Types.ObjectId,
): Promise<SessionAccess> {
  const session = await QaSession.findById(sessionId).lean();
  if (!session) throw notFound("Q&A session");
  const room = await loadQaRoom(actor, { id: session.room }, "Q&A session");
  const scope = scopeOf(session, room);
  return {
    session,
    room,
    scope,
    canModerate: can(actor, "qa.viewModeration", scope),
    seesAnonymous: can(actor, "qa.viewAnonymous", scope),
  };
}

/** The shape of question DTOs for this viewer (see `Audience`). */
export function audienceOf(
  access: Pick<SessionAccess, "canModerate" | "seesAnonymous">,
  viewerId: string | null,
): Audience {
  return access.canModerate
    ? { kind: "moderator", viewerId, seesAnonymous: access.seesAnonymous }
    : { kind: "participant", viewerId };
}

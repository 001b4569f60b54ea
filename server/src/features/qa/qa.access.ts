import type { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { notFound, unauthenticated } from "../../lib/errors.js";
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
  // A guest exists in its own session only; anywhere else it is a visitor who has not joined.
  if (actor?.guestOf && actor.guestOf !== session._id.toString())
    throw unauthenticated("Join this session first");
  // Guests see rooms as signed-out visitors do (public rooms only), never with a member's rights.
  const room = await loadQaRoom(actor?.guestOf ? null : actor, { id: session.room }, "Q&A session");
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

/**
 * The hot paths (a vote, a poll answer) read the session thousands of times a second during a
 * storm; they use a copy at most SESSION_TTL_MS old. This process's own changes to a session drop
 * the copy at once (`forgetSessionCopy`), so a host's "end" or "watch only" bites here immediately
 * and in other processes within SESSION_TTL_MS.
 */
const SESSION_TTL_MS = 1_000;
const sessionCopies = new Map<string, { session: QaSessionRecord; until: number }>();

export function forgetSessionCopy(sessionId: string | Types.ObjectId): void {
  sessionCopies.delete(String(sessionId));
}

export async function loadSessionAccessFast(
  actor: Actor | null,
  sessionId: string | Types.ObjectId,
): Promise<SessionAccess> {
  const key = String(sessionId);
  const hit = sessionCopies.get(key);
  let session = hit && hit.until > Date.now() ? hit.session : null;
  if (!session) {
    session = await QaSession.findById(key).lean();
    if (!session) throw notFound("Q&A session");
    if (sessionCopies.size > 1_000) sessionCopies.clear();
    sessionCopies.set(key, { session, until: Date.now() + SESSION_TTL_MS });
  }
  if (actor?.guestOf && actor.guestOf !== key) throw unauthenticated("Join this session first");
  const room = await loadQaRoom(actor?.guestOf ? null : actor, { id: session.room }, "Q&A session");
  const scope = scopeOf(session, room);
  // A guest never moderates (its id is no host's or moderator's, its role is member); skipping `can`
  // for it saves building and discarding an error per vote, thousands of times a second in a storm.
  if (actor?.guestOf) return { session, room, scope, canModerate: false, seesAnonymous: false };
  return {
    session,
    room,
    scope,
    canModerate: can(actor, "qa.viewModeration", scope),
    seesAnonymous: can(actor, "qa.viewAnonymous", scope),
  };
}

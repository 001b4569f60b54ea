import type { Actor } from "../../lib/actor.js";
import { definePolicy, isStaff, read, write } from "../../lib/policyRules.js";

/** The room a session lives in, as far as Q&A rules care: who moderates it. */
export interface QaRoomScope {
  moderatorIds: readonly string[];
}

/** A session in its room: hosts run it, the room's moderators and global staff may too. */
export interface QaSessionScope extends QaRoomScope {
  hostIds: readonly string[];
}

const moderatesRoom = (actor: Actor | null, room: QaRoomScope) =>
  isStaff(actor) || (actor !== null && room.moderatorIds.includes(actor.id));

export const moderatesSession = (actor: Actor | null, s: QaSessionScope) =>
  moderatesRoom(actor, s) || (actor !== null && s.hostIds.includes(actor.id));

/**
 * Q&A rules. Whether the viewer may see the room at all (restricted rooms → 404) is the rooms
 * feature's visibility check, done before any of these; session state (ended → 409) is the service's.
 */
export const qaPolicy = definePolicy({
  /** Leaders host sessions (DESIGN §1): verified officials, the room's moderators and staff. */
  "qa.create": write<QaRoomScope>((actor, room) => actor.verified || moderatesRoom(actor, room)),
  /** Approve, dismiss, edit, merge, highlight, answer, go live, end. */
  "qa.moderate": write<QaSessionScope>((actor, s) => moderatesSession(actor, s)),
  "qa.ask": write((actor) => actor !== null),
  "qa.vote": write((actor) => actor !== null),
  /** The pending queue and the CSV export (which never names anonymous askers). */
  "qa.viewModeration": read<QaSessionScope>((actor, s) => moderatesSession(actor, s)),
  /**
   * Who asked an anonymous question: the room's moderators and staff only, who answer for what is
   * said there. A host who is not a moderator runs the queue without learning the name, as the
   * "ask anonymously" box promises.
   */
  "qa.viewAnonymous": read<QaSessionScope>((actor, s) => moderatesRoom(actor, s)),
});

import type { Affiliation, Role } from "@rembuk/shared";

/**
 * Who is acting, as services and policies see it; `null` is a guest. Loaded fresh for every command
 * (REST or socket) so a role change or suspension takes effect at once.
 */
export interface Actor {
  id: string;
  role: Role;
  name: string;
  verified: boolean;
  affiliation: Affiliation | null;
  suspendedUntil: Date | null;
  /**
   * Set only for a Q&A guest participant (no account; features/qa/qa.guests.ts): the one session
   * this actor exists in. Such an actor is built by the Q&A feature for that session's commands and
   * never reaches any other feature, so everywhere else the device is a signed-out visitor.
   */
  guestOf?: string;
}

/**
 * The one suspension rule: the end of a suspension still running at `now`, or null (none, or over).
 * For actors, user records and handshake identities alike.
 */
export const activeSuspension = (who: { suspendedUntil?: Date | null }, now = new Date()): Date | null =>
  who.suspendedUntil && who.suspendedUntil > now ? who.suspendedUntil : null;

export const isSuspended = (actor: Actor, now = new Date()) => activeSuspension(actor, now) !== null;

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
}

export const isSuspended = (actor: Actor, now = new Date()) =>
  actor.suspendedUntil !== null && actor.suspendedUntil > now;

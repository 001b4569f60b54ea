import type { Role } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { definePolicy, isAdmin, isStaff, read, write } from "../../lib/policyRules.js";

/** What user-management rules need to know about the user being acted on. */
export interface UserTarget {
  id: string;
  role: Role;
}

const isSelf = (actor: Actor | null, target: UserTarget) => actor?.id === target.id;

/**
 * Suspension: staff only; nobody suspends an admin or themselves, and moderators cannot suspend
 * each other (a dispute between moderators goes to an admin). Lifting follows the same rule so a
 * moderator cannot undo an admin's suspension of a fellow moderator either.
 */
const maySuspend = (actor: Actor, target: UserTarget) =>
  isStaff(actor) &&
  !isSelf(actor, target) &&
  target.role !== "admin" &&
  !(actor.role === "moderator" && target.role === "moderator");

export const userPolicy = definePolicy({
  /** Name, title, affiliation, locale: only the user themself. */
  "user.updateProfile": write((actor, target: UserTarget) => isSelf(actor, target)),
  /** The verified-leader badge (verify the current claim, or revoke it). */
  "user.verify": write((actor, _target: UserTarget) => isStaff(actor)),
  /** Correct another member's claim (title, affiliation): staff, never an admin's. */
  "user.editClaim": write(
    (actor, target: UserTarget) => isStaff(actor) && (target.role !== "admin" || isAdmin(actor)),
  ),
  /** Ask for one's own claim to be verified. */
  "user.requestVerification": write((actor, target: UserTarget) => isSelf(actor, target)),
  /** A member's latest request: themself and staff. */
  "user.viewVerification": read((actor, target: UserTarget) => isSelf(actor, target) || isStaff(actor)),
  /** The verification queue and its decisions. */
  "verification.review": read((actor) => isStaff(actor)),
  "verification.decide": write((actor) => isStaff(actor)),
  /** Roles: admins only, and never their own (so the last admin cannot demote themself by accident). */
  "user.setRole": write((actor, target: UserTarget) => isAdmin(actor) && !isSelf(actor, target)),
  "user.suspend": write((actor, target: UserTarget) => maySuspend(actor, target)),
  "user.unsuspend": write((actor, target: UserTarget) => maySuspend(actor, target)),
  /** The user directory with emails. */
  "user.list": read((actor) => isAdmin(actor)),
  /** Email address: the user themself and admins. */
  "user.viewEmail": read((actor, target: UserTarget) => isSelf(actor, target) || isAdmin(actor)),
  /** Locale and suspension state: the user themself and staff (who suspend people). */
  "user.viewAccount": read((actor, target: UserTarget) => isSelf(actor, target) || isStaff(actor)),
});

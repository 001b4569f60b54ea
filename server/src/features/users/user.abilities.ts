import type { SiteAbilitiesDto, UserAbilitiesDto } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { can } from "../../lib/policy.js";
import type { UserTarget } from "./user.policy.js";

/** What the signed-in user may do across the site, for their own `UserDto` (`site`). */
export function siteAbilities(actor: Actor): SiteAbilitiesDto {
  return {
    createRoom: can(actor, "room.create"),
    manageUsers: can(actor, "user.list"),
    viewOutbox: can(actor, "mail.viewOutbox"),
    viewPracticeStats: can(actor, "practice.viewStats"),
  };
}

/** What `viewer` may do to `target` (a profile's tools). */
export function userAbilities(viewer: Actor | null, target: UserTarget): UserAbilitiesDto {
  return {
    verify: can(viewer, "user.verify", target),
    setRole: can(viewer, "user.setRole", target),
    suspend: can(viewer, "user.suspend", target),
    viewEmail: can(viewer, "user.viewEmail", target),
  };
}

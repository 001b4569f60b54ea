import type { UserDto } from "@rembuk/shared";
import { siteAbilities } from "./user.abilities.js";
import { toActor } from "./user.actor.js";
import { presentUser, type PresentableUser } from "./user.presenter.js";

/**
 * A user's own account as they see it (`/auth/me`, login, `user:updated` to their sockets): every
 * field but credentials, and what they may do across the site, decided from the record as it is now
 * so a role change reaches the client with the change itself.
 */
export function presentSelf(u: PresentableUser): UserDto {
  return { ...presentUser(u, { withEmail: true }), site: siteAbilities(toActor(u)) };
}

import type { Affiliation, PublicUserDto, UserDto, VerificationStateDto } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { can } from "../../lib/policy.js";
import { siteAbilities, userAbilities } from "./user.abilities.js";
import type { StoredAffiliation, UserRecord } from "./user.model.js";

/** The fields presenters read; callers project at least these. */
export type PresentableUser = Pick<
  UserRecord,
  | "_id"
  | "email"
  | "name"
  | "role"
  | "title"
  | "affiliation"
  | "verified"
  | "verificationStatus"
  | "verificationReason"
  | "emailConfirmed"
  | "pendingEmail"
  | "locale"
  | "suspendedUntil"
  | "suspendReason"
  | "createdAt"
>;

/** Projection for every read that ends in a presenter: never the password hash. */
export const PRESENTABLE_FIELDS = {
  email: 1,
  name: 1,
  role: 1,
  title: 1,
  affiliation: 1,
  verified: 1,
  verificationStatus: 1,
  verificationReason: 1,
  emailConfirmed: 1,
  pendingEmail: 1,
  locale: 1,
  suspendedUntil: 1,
  suspendReason: 1,
  createdAt: 1,
} as const;

export function toAffiliation(stored: StoredAffiliation | null | undefined): Affiliation | null {
  if (!stored) return null;
  if (stored.kind === "region" && stored.code) return { kind: "region", code: stored.code };
  if (stored.kind === "agency" && stored.name) return { kind: "agency", name: stored.name };
  return null;
}

export function fromAffiliation(affiliation: Affiliation | null): StoredAffiliation | null {
  if (!affiliation) return null;
  return affiliation.kind === "region"
    ? { kind: "region", code: affiliation.code }
    : { kind: "agency", name: affiliation.name };
}

/** What anyone (guests included) may see of a user: no email, no locale, no suspension. */
export function presentPublicUser(u: PresentableUser): PublicUserDto {
  return {
    id: u._id.toString(),
    name: u.name,
    role: u.role,
    title: u.title ?? "",
    affiliation: toAffiliation(u.affiliation),
    verified: u.verified,
    createdAt: u.createdAt.toISOString(),
  };
}

/** The member's view of their claim; `verified` wins over a stale stored status. */
export function verificationState(
  u: Pick<UserRecord, "verified" | "verificationStatus" | "verificationReason">,
): VerificationStateDto {
  const status = u.verified
    ? "verified"
    : u.verificationStatus === "verified"
      ? "none"
      : (u.verificationStatus ?? "none");
  return u.verificationReason && !u.verified ? { status, reason: u.verificationReason } : { status };
}

/**
 * Adds locale, suspension and verification state; the email, its confirmation and a pending new
 * address only when `withEmail` (the user themself or an admin).
 */
export function presentUser(u: PresentableUser, { withEmail }: { withEmail: boolean }): UserDto {
  const dto: UserDto = {
    ...presentPublicUser(u),
    locale: u.locale,
    suspendedUntil: u.suspendedUntil ? u.suspendedUntil.toISOString() : null,
    suspendReason: u.suspendReason ?? null,
    verification: verificationState(u),
  };
  if (withEmail) {
    dto.email = u.email;
    dto.emailConfirmed = u.emailConfirmed ?? false;
    dto.pendingEmail = u.pendingEmail ?? null;
  }
  return dto;
}

/**
 * The view of `u` that `viewer` is entitled to (user.policy decides): themself and admins get
 * everything but credentials; moderators also see suspension state (they suspend people) but not
 * emails; everyone else the public profile.
 */
export function presentUserFor(viewer: Actor | null, u: PresentableUser): UserDto | PublicUserDto {
  const target = { id: u._id.toString(), role: u.role };
  const abilities = userAbilities(viewer, target);
  if (!can(viewer, "user.viewAccount", target)) return { ...presentPublicUser(u), can: abilities };
  const dto: UserDto = { ...presentUser(u, { withEmail: abilities.viewEmail }), can: abilities };
  if (viewer?.id === target.id) dto.site = siteAbilities(viewer);
  return dto;
}

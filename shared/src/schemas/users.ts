import { z } from "zod";
import { LIMITS } from "../limits.js";
import { Affiliation, IsoDate, Locale } from "./common.js";

export const Role = z.enum(["admin", "moderator", "member"]);
export type Role = z.infer<typeof Role>;

/** Where a user's claim stands (DESIGN.md §9). `verified` only while the current claim is the verified one. */
export const VerificationStatus = z.enum(["none", "pending", "verified", "rejected"]);
export type VerificationStatus = z.infer<typeof VerificationStatus>;

/** On `UserDto` for the user themself and moderators. */
export const VerificationStateDto = z.object({
  status: VerificationStatus,
  reason: z.string().optional(),
});
export type VerificationStateDto = z.infer<typeof VerificationStateDto>;

/** Public profile: what anyone may see of a user. Never an email or a credential. */
export const PublicUserDto = z.object({
  id: z.string(),
  name: z.string(),
  role: Role,
  title: z.string(),
  affiliation: Affiliation.nullable(),
  verified: z.boolean(),
  createdAt: IsoDate,
});
export type PublicUserDto = z.infer<typeof PublicUserDto>;

/** What a user sees of themselves (and admins of anyone): adds email, locale and suspension. */
export const UserDto = PublicUserDto.extend({
  email: z.string().optional(),
  locale: Locale,
  suspendedUntil: IsoDate.nullable(),
  suspendReason: z.string().nullable().optional(),
  /** The user themself and moderators (DESIGN.md §9). */
  verification: VerificationStateDto.optional(),
  /** The user themself and admins: the account's address was confirmed by its link. */
  emailConfirmed: z.boolean().optional(),
  /** The user themself: a new address waiting for its confirmation link. */
  pendingEmail: z.string().nullable().optional(),
});
export type UserDto = z.infer<typeof UserDto>;

/**
 * A user as any viewer may receive them: the public profile plus whichever private fields this
 * viewer may see (themself, moderators, admins). Clients merge it into what they already know.
 */
export const UserViewDto = PublicUserDto.extend({
  email: z.string().optional(),
  locale: Locale.optional(),
  suspendedUntil: IsoDate.nullable().optional(),
  suspendReason: z.string().nullable().optional(),
  verification: UserDto.shape.verification,
  emailConfirmed: UserDto.shape.emailConfirmed,
  pendingEmail: UserDto.shape.pendingEmail,
});
export type UserViewDto = z.infer<typeof UserViewDto>;

/** `PATCH /users/:id` by the user themself. */
export const ProfileUpdateInput = z
  .object({
    name: z.string().trim().min(LIMITS.name.min).max(LIMITS.name.max).optional(),
    title: z.string().trim().max(LIMITS.title.max).optional(),
    affiliation: Affiliation.nullable().optional(),
    locale: Locale.optional(),
  })
  .strict();
export type ProfileUpdateInput = z.infer<typeof ProfileUpdateInput>;

/** `PATCH /users/:id` by a moderator or admin: the verified badge. */
export const VerifyInput = z.object({ verified: z.boolean() }).strict();
/** `PATCH /users/:id` by an admin: the role. */
export const RoleInput = z.object({ role: Role }).strict();

/** Any of the three PATCH shapes; the service decides which the caller may use. */
export const UserPatchInput = z
  .object({
    name: ProfileUpdateInput.shape.name,
    title: ProfileUpdateInput.shape.title,
    affiliation: ProfileUpdateInput.shape.affiliation,
    locale: ProfileUpdateInput.shape.locale,
    verified: z.boolean().optional(),
    role: Role.optional(),
  })
  .strict()
  .refine((v) => Object.keys(v).length > 0, { message: "Nothing to change" });
export type UserPatchInput = z.infer<typeof UserPatchInput>;

export const SuspendInput = z
  .object({
    until: IsoDate,
    reason: z.string().trim().min(LIMITS.suspendReason.min).max(LIMITS.suspendReason.max),
  })
  .strict();
export type SuspendInput = z.infer<typeof SuspendInput>;

export const UserListQuery = z.object({
  query: z.string().trim().max(100).optional(),
  role: Role.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
});
export type UserListQuery = z.infer<typeof UserListQuery>;

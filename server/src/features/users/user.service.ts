// Longer than a few hundred lines: A person's account as others see and change it (profile, role, suspension, lists), one short function
// per command over the same presenter and checks.
import type { QueryFilter } from "mongoose";
import {
  type Affiliation,
  type PublicUserDto,
  type Role,
  type SuspendInput,
  type UserDto,
  type UserListQuery,
  type UserPatchInput,
} from "@rembuk/shared";
import { activeSuspension, type Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { AppError, conflict, notFound, validation } from "../../lib/errors.js";
import { assertCan } from "../../lib/policy.js";
import { disconnectRoom, joinRoom, leaveRoom, publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { isKnownRegion } from "../taxonomy/index.js";
import { domainEvents } from "../../lib/events.js";
import { afterIdCursor, idCursor, pageOf } from "../../lib/cursor.js";
import "./user.events.js";
import { officeKeyOf } from "./office.js";
import { hashPassword } from "./password.js";
import {
  assertOfficeFree,
  cancelPendingRequests,
  claimOf,
  claimResetFields,
  officeTaken,
  publishSelf,
  sameClaim,
} from "./user.claim.js";
import { User, type UserRecord } from "./user.model.js";
import { PRESENTABLE_FIELDS, fromAffiliation, presentUser, presentUserFor } from "./user.presenter.js";
import { presentSelf } from "./user.self.js";

/**
 * User commands. Each is the one implementation REST routes (and any socket command) call:
 * validate what zod cannot (region codes) → authorise (assertCan) → atomic write → publish.
 */

export type UserTargetRecord = Pick<
  UserRecord,
  "_id" | "role" | "name" | "verified" | "suspendedUntil" | "suspendReason" | "title" | "affiliation"
>;

async function findTarget(id: string): Promise<UserTargetRecord> {
  const u = await User.findById(id, {
    role: 1,
    name: 1,
    verified: 1,
    suspendedUntil: 1,
    suspendReason: 1,
    title: 1,
    affiliation: 1,
  }).lean();
  if (!u) throw notFound("User");
  return u;
}

const targetOf = (u: UserTargetRecord) => ({ id: u._id.toString(), role: u.role });

/** Region codes must exist in the bundled dataset; the shared schema only checks their shape. */
export function assertKnownAffiliation(
  affiliation: Affiliation | null | undefined,
  path = "affiliation",
): void {
  if (affiliation?.kind === "region" && !isKnownRegion(affiliation.code)) {
    throw validation("Unknown region code", { [`${path}.code`]: ["Unknown Kemendagri region code"] });
  }
}

export interface NewUser {
  email: string;
  password: string;
  name: string;
  role?: Role;
  title?: string;
  affiliation?: Affiliation | null;
  verified?: boolean;
  locale?: "id" | "en";
  /** Everything written before this counts as read for the new account (registration: now). */
  readAllAt?: Date;
  /** Accounts made by scripts, the demo and tests; registrations start unconfirmed. */
  emailConfirmed?: boolean;
}

/**
 * Create an account. Uniqueness comes from the unique index on `email` (409 EMAIL_TAKEN), not
 * from a lookup first, so concurrent registrations with one address cannot both succeed.
 */
export async function createUser(input: NewUser): Promise<UserRecord> {
  assertKnownAffiliation(input.affiliation);
  const passwordHash = await hashPassword(input.password);
  try {
    const doc = await User.create({
      email: input.email,
      passwordHash,
      name: input.name,
      nameLower: input.name.toLowerCase(),
      role: input.role ?? "member",
      title: input.title ?? "",
      affiliation: fromAffiliation(input.affiliation ?? null),
      verified: input.verified ?? false,
      verificationStatus: input.verified ? "verified" : "none",
      officeKey: officeKeyOf(input.title ?? "", input.affiliation ?? null),
      emailConfirmed: input.emailConfirmed ?? false,
      locale: input.locale ?? "id",
      readAllAt: input.readAllAt ?? null,
    });
    await domainEvents.emit("user.changed", { userId: doc._id.toString() });
    return doc.toObject();
  } catch (err) {
    if (isDuplicateKeyError(err, "officeKey")) throw officeTaken();
    if (isDuplicateKeyError(err, "email")) {
      throw conflict("An account with this email already exists", "EMAIL_TAKEN", {
        email: ["An account with this email already exists"],
      });
    }
    throw err;
  }
}

/** `GET /users/:id`: the public profile, or more for the user themself and staff. */
export async function getUser(viewer: Actor | null, id: string): Promise<UserDto | PublicUserDto> {
  const u = await User.findById(id, PRESENTABLE_FIELDS).lean();
  if (!u) throw notFound("User");
  return presentUserFor(viewer, u);
}

/** The signed-in user's own account (`GET /auth/me`, login, registration). */
export async function getSelf(id: string): Promise<UserDto | null> {
  const u = await User.findById(id, PRESENTABLE_FIELDS).lean();
  return u ? presentSelf(u) : null;
}

/**
 * `PATCH /users/:id`: each group of fields needs its own permission (profile: self; verified:
 * staff; role: admins), all checked before anything is written, then one atomic `$set`.
 */
export async function updateUser(
  actor: Actor,
  id: string,
  patch: UserPatchInput,
): Promise<UserDto | PublicUserDto> {
  const current = await findTarget(id);
  const target = targetOf(current);
  const { verified, role, ...profile } = patch;

  const set: Partial<UserRecord> = {};
  if (Object.values(profile).some((v) => v !== undefined)) {
    // The member edits their own profile; staff may correct another member's claim (title,
    // affiliation) and, in the same request, verify it.
    const claimOnly = profile.name === undefined && profile.locale === undefined;
    if (actor.id !== id && claimOnly) assertCan(actor, "user.editClaim", target);
    else assertCan(actor, "user.updateProfile", target);
    assertKnownAffiliation(profile.affiliation);
    if (profile.name !== undefined)
      Object.assign(set, { name: profile.name, nameLower: profile.name.toLowerCase() });
    if (profile.title !== undefined) set.title = profile.title;
    if (profile.locale !== undefined) set.locale = profile.locale;
    if (profile.affiliation !== undefined) set.affiliation = fromAffiliation(profile.affiliation);
  }
  if (verified !== undefined) assertCan(actor, "user.verify", target);
  if (role !== undefined) assertCan(actor, "user.setRole", target);

  const before = claimOf(current);
  const after = {
    title: profile.title ?? before.title,
    affiliation: profile.affiliation !== undefined ? profile.affiliation : before.affiliation,
  };
  const claimChanged = !sameClaim(before, after);
  if (claimChanged) {
    // Verification belongs to the claim it checked: a new title or affiliation starts unverified.
    Object.assign(set, claimResetFields(after));
  }
  if (verified !== undefined) {
    const key = officeKeyOf(after.title, after.affiliation);
    if (verified) await assertOfficeFree(id, key);
    Object.assign(set, {
      verified,
      verificationStatus: verified ? "verified" : "none",
      verificationReason: null,
      officeKey: key,
    });
  }
  if (role !== undefined) set.role = role;

  const updated = await User.findByIdAndUpdate(
    id,
    { $set: set },
    { returnDocument: "after", projection: PRESENTABLE_FIELDS },
  )
    .lean()
    .catch((err: unknown) => {
      if (isDuplicateKeyError(err, "officeKey")) throw officeTaken();
      throw err;
    });
  if (!updated) throw notFound("User");

  if (claimChanged) await cancelPendingRequests(id);
  if (role !== undefined && role !== current.role) {
    // Live sockets follow the new role at once: into or out of the moderators' room.
    if (role === "member") leaveRoom(rooms.user(id), rooms.mod());
    else joinRoom(rooms.user(id), rooms.mod());
  }
  const roleChanged = role !== undefined && role !== current.role;
  const verifiedChanged = updated.verified !== current.verified;
  // Out of any room or thread the user may no longer see (demoted, unverified, claim changed).
  if (roleChanged || verifiedChanged) await domainEvents.emit("user.accessChanged", { userId: id });
  // Roles and the verified badge are staff decisions: one audit row for the request.
  if (roleChanged || (verified !== undefined && verifiedChanged)) {
    await domainEvents.emit("audit.modAction", {
      actor,
      action: roleChanged ? "user.role" : "user.verify",
      target: { type: "user", id, label: current.name },
      before: {
        ...(roleChanged ? { role: current.role } : {}),
        ...(verifiedChanged ? { verified: current.verified } : {}),
      },
      after: { ...(roleChanged ? { role } : {}), ...(verifiedChanged ? { verified: updated.verified } : {}) },
    });
  }
  if (actor.id !== id) publishSelf(updated);
  await domainEvents.emit("user.changed", { userId: id });
  return presentUserFor(actor, updated);
}

/** `GET /users?query&role&cursor&limit` (admins): newest first, prefix search on name or email. */
export async function listUsers(
  actor: Actor | null,
  query: UserListQuery,
): Promise<{ users: UserDto[]; nextCursor: string | null }> {
  assertCan(actor, "user.list");
  const filter: QueryFilter<UserRecord> = {};
  if (query.role) filter.role = query.role;
  if (query.query) {
    // Escaped: the search box is a prefix, never a pattern a caller could make catastrophic.
    const prefix = new RegExp(`^${escapeRegExp(query.query.toLowerCase())}`);
    filter.$or = [{ nameLower: prefix }, { email: prefix }];
  }
  if (query.cursor) filter._id = afterIdCursor(query.cursor);
  const rows = await User.find(filter, PRESENTABLE_FIELDS)
    .sort({ _id: -1 })
    .limit(query.limit + 1)
    .lean();
  const { page, nextCursor } = pageOf(rows, query.limit, idCursor);
  return {
    users: page.map((u) => presentUser(u, { withEmail: true })),
    nextCursor,
  };
}

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

/**
 * `POST /users/:id/suspend`: the user can no longer write, log in or connect. Their live sockets
 * are told why (`session:ended`) and then disconnected, on every server process.
 */
export async function suspendUser(
  actor: Actor,
  id: string,
  input: SuspendInput,
): Promise<UserDto | PublicUserDto> {
  const current = await findTarget(id);
  const target = targetOf(current);
  assertCan(actor, "user.suspend", target);
  const until = new Date(input.until);
  if (until <= new Date())
    throw validation("Suspension must end in the future", { until: ["Must be in the future"] });

  const updated = await User.findByIdAndUpdate(
    id,
    { $set: { suspendedUntil: until, suspendReason: input.reason } },
    { returnDocument: "after", projection: PRESENTABLE_FIELDS },
  ).lean();
  if (!updated) throw notFound("User");

  publish(rooms.user(id), "session:ended", { reason: "suspended" });
  disconnectRoom(rooms.user(id));
  await domainEvents.emit("audit.modAction", {
    actor,
    action: "user.suspend",
    target: { type: "user", id, label: current.name },
    reason: input.reason,
    before: { suspendedUntil: activeSuspension(current) },
    after: { suspendedUntil: until },
  });
  return presentUserFor(actor, updated);
}

/** `DELETE /users/:id/suspend`: lift a suspension (idempotent: lifting none changes and logs nothing). */
export async function unsuspendUser(actor: Actor, id: string): Promise<UserDto | PublicUserDto> {
  const current = await findTarget(id);
  const target = targetOf(current);
  assertCan(actor, "user.unsuspend", target);
  const updated = await User.findByIdAndUpdate(
    id,
    { $set: { suspendedUntil: null, suspendReason: null } },
    { returnDocument: "after", projection: PRESENTABLE_FIELDS },
  ).lean();
  if (!updated) throw notFound("User");
  const was = activeSuspension(current);
  if (was) {
    await domainEvents.emit("audit.modAction", {
      actor,
      action: "user.unsuspend",
      target: { type: "user", id, label: current.name },
      before: { suspendedUntil: was, suspendReason: current.suspendReason },
      after: { suspendedUntil: null },
    });
  }
  return presentUserFor(actor, updated);
}

/**
 * The first admin (ADMIN_EMAIL/ADMIN_PASSWORD at start, `pnpm create-admin`): create the account,
 * or promote an existing one. An existing password is left alone, so restarting with the variables
 * still set never resets a password the admin has since changed.
 */
export async function ensureAdmin(input: {
  email: string;
  password: string;
  name?: string;
}): Promise<"created" | "promoted" | "unchanged"> {
  const email = input.email.trim().toLowerCase();
  const existing = await User.findOneAndUpdate(
    { email, role: { $ne: "admin" } },
    { $set: { role: "admin" } },
  ).lean();
  if (existing) return "promoted";
  if (await User.exists({ email })) return "unchanged";
  try {
    await createUser({
      email,
      password: input.password,
      name: input.name ?? "Administrator",
      role: "admin",
      verified: true,
      emailConfirmed: true,
    });
    return "created";
  } catch (err) {
    // Created concurrently by another process starting with the same variables.
    if (err instanceof AppError && err.code === "EMAIL_TAKEN") return ensureAdmin(input);
    throw err;
  }
}

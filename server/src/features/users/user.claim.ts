import type { Affiliation } from "@rembuk/shared";
import { conflict } from "../../lib/errors.js";
import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { affiliationKey } from "./affiliation.js";
import { toUserSummary } from "./userSummary.js";
import { officeKeyOf } from "./office.js";
import { User, type UserRecord } from "./user.model.js";
import { toAffiliation, type PresentableUser } from "./user.presenter.js";
import { presentSelf } from "./user.self.js";
import { VerificationRequest } from "./verificationRequest.model.js";
import { presentRequests } from "./verification.presenter.js";

/**
 * A user's claim: what they say they are (title) and for whom (affiliation). Verification checks
 * one claim; these helpers keep "verified" tied to it.
 */
export interface Claim {
  title: string;
  affiliation: Affiliation | null;
}

export const claimOf = (u: Pick<UserRecord, "title" | "affiliation">): Claim => ({
  title: u.title ?? "",
  affiliation: toAffiliation(u.affiliation),
});

const normTitle = (t: string) => t.trim().replace(/\s+/g, " ");

export function sameClaim(a: Claim, b: Claim): boolean {
  if (normTitle(a.title) !== normTitle(b.title)) return false;
  if (!a.affiliation || !b.affiliation) return a.affiliation === b.affiliation;
  return affiliationKey(a.affiliation) === affiliationKey(b.affiliation);
}

/** The fields a new, unchecked claim sets: unverified, no stale reason, its office key. */
export const claimResetFields = (claim: Claim) => ({
  verified: false,
  verificationStatus: "none" as const,
  verificationReason: null,
  officeKey: officeKeyOf(claim.title, claim.affiliation),
});

export const officeTaken = (details?: Record<string, unknown>) =>
  conflict("Another account holds this office verified; revoke that verification first", "CONFLICT", {
    reason: "office-taken",
    ...details,
  });

/**
 * One verified holder per leadership office: refuse (409) while someone else holds `officeKey`
 * verified. The unique partial index on users is the guarantee under races; this check gives the
 * moderator the holder's name.
 */
export async function assertOfficeFree(userId: string, officeKey: string | null): Promise<void> {
  if (!officeKey) return;
  const holder = await User.findOne(
    { officeKey, verified: true, _id: { $ne: userId } },
    { name: 1, role: 1, title: 1, affiliation: 1, verified: 1 },
  ).lean();
  if (holder) throw officeTaken({ holder: toUserSummary(holder) });
}

/** A changed claim makes the member's waiting requests moot: cancelled, and the queue told. */
export async function cancelPendingRequests(userId: string): Promise<void> {
  const pending = await VerificationRequest.find({ userId, status: "pending" }, { _id: 1 }).lean();
  if (pending.length === 0) return;
  const ids = pending.map((r) => r._id);
  await VerificationRequest.updateMany(
    { _id: { $in: ids }, status: "pending" },
    { $set: { status: "cancelled" } },
  );
  const rows = await VerificationRequest.find({ _id: { $in: ids } }).lean();
  for (const request of await presentRequests(rows, { withConflicts: false }))
    publish([rooms.mod(), rooms.user(userId)], "verification:updated", { request });
}

/** Tell the user's own sockets (every tab, every process) what their account now looks like. */
export function publishSelf(u: PresentableUser): void {
  publish(rooms.user(u._id.toString()), "user:updated", { user: presentSelf(u) });
}

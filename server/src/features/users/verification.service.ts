import { Types } from "mongoose";
import type {
  PublicUserDto,
  UserDto,
  VerificationDecideInput,
  VerificationListQuery,
  VerificationRequestDto,
  VerificationRequestInput,
  VerificationRevokeInput,
} from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { AppError, conflict, notFound } from "../../lib/errors.js";
import { assertCan } from "../../lib/policy.js";
import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import type { AuthTokenRecord } from "./authToken.model.js";
import { issueToken } from "./authToken.service.js";
import { enqueueMail, mailLink } from "../mail/index.js";
import { domainEvents } from "../../lib/events.js";
import "./user.events.js";
import { officeKeyOf, officeOf } from "./office.js";
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
import { PRESENTABLE_FIELDS, fromAffiliation, presentUserFor, toAffiliation } from "./user.presenter.js";
import { assertKnownAffiliation } from "./user.service.js";
import { presentRequests } from "./verification.presenter.js";
import { VerificationRequest, type VerificationRequestRecord } from "./verificationRequest.model.js";

/**
 * Verification (DESIGN.md §9): a member asks for a claim (title + affiliation) to be checked, with
 * evidence; a moderator approves or rejects it, or later revokes it. Every decision writes exactly
 * one audit row, tells the member live (`verification:updated`, `user:updated`) and by mail.
 */

const emailNotConfirmed = () =>
  new AppError("EMAIL_NOT_CONFIRMED", 403, "Confirm your email address first (see the link we sent)");

async function presentOne(
  row: VerificationRequestRecord,
  withConflicts: boolean,
): Promise<VerificationRequestDto> {
  const [dto] = await presentRequests([row], { withConflicts });
  return dto;
}

/** Publish a request to the queue (with conflicts) and to its member (without). */
async function publishRequest(
  row: VerificationRequestRecord,
  event: "verification:requested" | "verification:updated",
) {
  publish(rooms.mod(), event, { request: await presentOne(row, true) });
  if (event === "verification:updated")
    publish(rooms.user(row.userId.toString()), "verification:updated", {
      request: await presentOne(row, false),
    });
}

/**
 * `POST /users/:id/verification`: the request also becomes the profile's claim (that is what is
 * being checked), which ends any earlier verification of a different claim.
 */
export async function requestVerification(
  actor: Actor,
  userId: string,
  input: VerificationRequestInput,
): Promise<VerificationRequestDto> {
  const user = await User.findById(userId, { ...PRESENTABLE_FIELDS, title: 1 }).lean();
  if (!user) throw notFound("User");
  assertCan(actor, "user.requestVerification", { id: userId, role: user.role });
  if (!user.emailConfirmed) throw emailNotConfirmed();
  assertKnownAffiliation(input.affiliation);
  const claim = { title: input.title, affiliation: input.affiliation };
  if (user.verified && sameClaim(claimOf(user), claim))
    throw conflict("This office is already verified", "CONFLICT", { reason: "already-verified" });

  await cancelPendingRequests(userId);
  const storedClaimAffiliation = fromAffiliation(claim.affiliation) ?? undefined;
  const officeKey = officeKeyOf(claim.title, claim.affiliation);
  const wasVerified = user.verified;
  await User.updateOne(
    { _id: userId },
    {
      $set: {
        ...claimResetFields(claim),
        title: claim.title,
        affiliation: fromAffiliation(claim.affiliation),
        verificationStatus: "pending",
      },
    },
  );
  if (wasVerified) await domainEvents.emit("user.accessChanged", { userId: userId });

  const doc = await VerificationRequest.create({
    userId: new Types.ObjectId(userId),
    title: claim.title,
    affiliation: storedClaimAffiliation,
    officeKey,
    officialEmail: input.officialEmail ?? null,
    decree: input.decree ?? null,
    note: input.note ?? null,
    status: "pending",
  });
  const row = doc.toObject();
  if (input.officialEmail) {
    const token = await issueToken("official-email", userId, {
      email: input.officialEmail,
      requestId: row._id,
    });
    await enqueueMail(
      "official-email",
      { email: input.officialEmail, locale: user.locale, name: user.name, userId },
      { link: mailLink("/confirm-email", token), office: `${claim.title}` },
    );
  }
  await publishRequest(row, "verification:requested");
  return presentOne(row, false);
}

/** `GET /users/:id/verification`: the member's latest request, or null. */
export async function latestRequest(
  actor: Actor | null,
  userId: string,
): Promise<VerificationRequestDto | null> {
  const user = await User.findById(userId, { role: 1 }).lean();
  if (!user) throw notFound("User");
  assertCan(actor, "user.viewVerification", { id: userId, role: user.role });
  const row = await VerificationRequest.findOne({ userId }).sort({ _id: -1 }).lean();
  return row ? presentOne(row, actor?.id !== userId) : null;
}

/** `GET /moderation/verifications?status`: the queue, oldest waiting first; decided ones newest first. */
export async function listRequests(
  actor: Actor | null,
  query: VerificationListQuery,
): Promise<VerificationRequestDto[]> {
  assertCan(actor, "verification.review");
  const rows = await VerificationRequest.find({ status: query.status })
    .sort({ _id: query.status === "pending" ? 1 : -1 })
    .limit(200)
    .lean();
  return presentRequests(rows, { withConflicts: true });
}

/** Tell the member: live (their own account and the request) and, when their address is confirmed, by mail. */
async function tellMember(
  u: Pick<UserRecord, "_id" | "email" | "emailConfirmed" | "locale" | "name">,
  decision: "approved" | "rejected" | "revoked",
  reason: string | null,
  office: string,
) {
  if (!u.emailConfirmed) return;
  await enqueueMail(
    "verification-decided",
    { email: u.email, locale: u.locale, name: u.name, userId: u._id },
    { decision, reason, office },
  );
}

/**
 * `POST /verifications/:id/decide`. Approve: only while the member's claim is still the request's
 * and nobody else holds the office verified (409 otherwise: revoke the other holder first). The
 * request moves by compare-and-set from `pending`, so two moderators deciding at once decide once.
 */
export async function decideRequest(
  actor: Actor,
  requestId: string,
  input: VerificationDecideInput,
): Promise<{ request: VerificationRequestDto; user: UserDto | PublicUserDto }> {
  assertCan(actor, "verification.decide");
  const request = await VerificationRequest.findById(requestId).lean();
  if (!request) throw notFound("Verification request");
  if (request.status !== "pending") throw conflict(`This request is already ${request.status}`);
  const user = await User.findById(request.userId, PRESENTABLE_FIELDS).lean();
  if (!user) throw notFound("User");
  const claim = { title: request.title, affiliation: toAffiliation(request.affiliation) };
  if (!sameClaim(claimOf(user), claim)) throw conflict("The member changed their claim since this request");
  const approve = input.decision === "approve";
  if (approve) await assertOfficeFree(user._id.toString(), request.officeKey);

  const decided = await VerificationRequest.findOneAndUpdate(
    { _id: request._id, status: "pending" },
    {
      $set: {
        status: approve ? "approved" : "rejected",
        reason: input.reason ?? null,
        decidedBy: new Types.ObjectId(actor.id),
        decidedAt: new Date(),
      },
    },
    { returnDocument: "after" },
  ).lean();
  if (!decided) throw conflict("This request was decided meanwhile");

  let updated;
  try {
    updated = await User.findOneAndUpdate(
      { _id: user._id, title: user.title },
      {
        $set: approve
          ? {
              verified: true,
              verificationStatus: "verified",
              verificationReason: null,
              officeKey: request.officeKey,
            }
          : { verified: false, verificationStatus: "rejected", verificationReason: input.reason ?? null },
      },
      { returnDocument: "after", projection: PRESENTABLE_FIELDS },
    ).lean();
  } catch (err) {
    if (!isDuplicateKeyError(err, "officeKey")) throw err;
    // Another moderator verified another holder between our check and this write.
    await VerificationRequest.updateOne(
      { _id: request._id },
      { $set: { status: "pending", reason: null, decidedBy: null, decidedAt: null } },
    );
    throw officeTaken();
  }
  if (!updated) {
    await VerificationRequest.updateOne({ _id: request._id }, { $set: { status: "cancelled" } });
    throw conflict("The member changed their claim since this request");
  }

  const office = officeOf(request.title, claim.affiliation) ?? request.title;
  await domainEvents.emit("audit.modAction", {
    actor,
    action: approve ? "verification.approve" : "verification.reject",
    target: { type: "user", id: user._id, label: user.name },
    reason: input.reason ?? null,
    before: { verified: user.verified, title: user.title },
    after: { verified: updated.verified, title: request.title },
  });
  await publishRequest(decided, "verification:updated");
  publishSelf(updated);
  await domainEvents.emit("user.changed", { userId: updated._id.toString() });
  await tellMember(updated, approve ? "approved" : "rejected", input.reason ?? null, request.title || office);
  return { request: await presentOne(decided, true), user: presentUserFor(actor, updated) };
}

/** `DELETE /users/:id/verification {reason}`: the badge and the authority go at once, sockets included. */
export async function revokeVerification(
  actor: Actor,
  userId: string,
  input: VerificationRevokeInput,
): Promise<UserDto | PublicUserDto> {
  const user = await User.findById(userId, PRESENTABLE_FIELDS).lean();
  if (!user) throw notFound("User");
  assertCan(actor, "user.verify", { id: userId, role: user.role });
  if (!user.verified) throw conflict("This member is not verified", "CONFLICT", { reason: "not-verified" });
  // Compare-and-set on `verified`, so two moderators revoking at once log one row.
  const res = await User.updateOne(
    { _id: userId, verified: true },
    { $set: { verified: false, verificationStatus: "rejected", verificationReason: input.reason } },
  );
  if (res.modifiedCount === 0)
    throw conflict("This member is not verified", "CONFLICT", { reason: "not-verified" });
  const updated = await User.findById(userId, PRESENTABLE_FIELDS).lean();
  if (!updated) throw notFound("User");
  await domainEvents.emit("user.accessChanged", { userId: userId });
  await domainEvents.emit("audit.modAction", {
    actor,
    action: "verification.revoke",
    target: { type: "user", id: userId, label: user.name },
    reason: input.reason,
    before: { verified: true, title: user.title },
    after: { verified: false },
  });
  publishSelf(updated);
  await domainEvents.emit("user.changed", { userId: updated._id.toString() });
  await tellMember(updated, "revoked", input.reason, user.title);
  return presentUserFor(actor, updated);
}

/** A followed official-email link: the evidence is confirmed on its request, and the queue told. */
export async function confirmOfficialEmail(token: AuthTokenRecord): Promise<void> {
  if (!token.requestId) return;
  const row = await VerificationRequest.findOneAndUpdate(
    { _id: token.requestId, officialEmail: token.email },
    { $set: { officialEmailConfirmedAt: new Date() } },
    { returnDocument: "after" },
  ).lean();
  if (row) await publishRequest(row, "verification:updated");
}

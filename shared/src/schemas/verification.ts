import { z } from "zod";
import { LIMITS } from "../limits.js";
import { Email } from "./auth.js";
import { Affiliation, IsoDate } from "./common.js";
import { UserSummaryDto } from "./rooms.js";

/** Official addresses must be on a government domain (`*.go.id`). */
export const GOVERNMENT_EMAIL = /@([a-z0-9-]+\.)+go\.id$/i;
export const OfficialEmail = Email.refine((v) => GOVERNMENT_EMAIL.test(v), {
  message: "Use an address on a government domain (…go.id)",
});

export const DecreeInput = z
  .object({
    number: z.string().trim().min(LIMITS.decreeNumber.min).max(LIMITS.decreeNumber.max),
    date: z.iso.date("Use a date like 2025-02-20"),
  })
  .strict();
export type DecreeInput = z.infer<typeof DecreeInput>;

/** `POST /users/:id/verification` (the user themself): the claim and its evidence. */
export const VerificationRequestInput = z
  .object({
    title: z.string().trim().min(LIMITS.title.min).max(LIMITS.title.max),
    affiliation: Affiliation,
    officialEmail: OfficialEmail.optional(),
    decree: DecreeInput.optional(),
    note: z.string().trim().max(LIMITS.verificationNote.max).optional(),
  })
  .strict();
export type VerificationRequestInput = z.infer<typeof VerificationRequestInput>;

/** A request's lifecycle; `cancelled` when the member sent a newer one or changed the claim. */
export const VerificationRequestStatus = z.enum(["pending", "approved", "rejected", "cancelled"]);
export type VerificationRequestStatus = z.infer<typeof VerificationRequestStatus>;

export const VerificationListQuery = z.object({
  status: z.enum(["pending", "approved", "rejected"]).default("pending"),
});
export type VerificationListQuery = z.infer<typeof VerificationListQuery>;

/** `POST /verifications/:id/decide`: a reason is required to reject. */
export const VerificationDecideInput = z
  .object({
    decision: z.enum(["approve", "reject"]),
    reason: z
      .string()
      .trim()
      .min(LIMITS.verificationReason.min)
      .max(LIMITS.verificationReason.max)
      .optional(),
  })
  .strict()
  .refine((v) => v.decision !== "reject" || !!v.reason, {
    message: "A reason is required to reject",
    path: ["reason"],
  });
export type VerificationDecideInput = z.infer<typeof VerificationDecideInput>;

/** `DELETE /users/:id/verification {reason}` (moderators): revoke the current verification. */
export const VerificationRevokeInput = z
  .object({
    reason: z.string().trim().min(LIMITS.verificationReason.min).max(LIMITS.verificationReason.max),
  })
  .strict();
export type VerificationRevokeInput = z.infer<typeof VerificationRevokeInput>;

/** Another account claiming the same leadership office (one verified holder per office). */
export const VerificationConflictDto = z.object({
  user: UserSummaryDto,
  /** Holds the office verified right now: approving must wait until a moderator revokes it. */
  verified: z.boolean(),
  /** Has a pending request for it. */
  pending: z.boolean(),
});
export type VerificationConflictDto = z.infer<typeof VerificationConflictDto>;

export const VerificationRequestDto = z.object({
  id: z.string(),
  user: UserSummaryDto,
  title: z.string(),
  affiliation: Affiliation,
  /** The leadership office the claim names (e.g. `bupati`), null when the title is not one. */
  office: z.string().nullable(),
  /**
   * The official address masked (`b•••@banyuwangikab.go.id`: the domain is the evidence; DTOs never
   * carry someone's address in full) and whether its link was followed.
   */
  officialEmail: z.object({ masked: z.string(), domain: z.string(), confirmed: z.boolean() }).nullable(),
  decree: DecreeInput.nullable(),
  note: z.string().nullable(),
  status: VerificationRequestStatus,
  reason: z.string().nullable(),
  decidedBy: UserSummaryDto.nullable(),
  decidedAt: IsoDate.nullable(),
  createdAt: IsoDate,
  /** Other accounts claiming the same office (moderators only; empty for the member). */
  conflicts: z.array(VerificationConflictDto),
});
export type VerificationRequestDto = z.infer<typeof VerificationRequestDto>;

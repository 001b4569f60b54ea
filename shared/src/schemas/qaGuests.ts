import { z } from "zod";
import { IsoDate } from "./common.js";

/**
 * Who may take part in a Q&A session without an account (DESIGN.md §9): nobody (`off`), read-only
 * guests (`watch`), or guests who ask, vote and answer polls (`participate`).
 */
export const QaGuestsMode = z.enum(["off", "watch", "participate"]);
export type QaGuestsMode = z.infer<typeof QaGuestsMode>;

export const GUEST_LIMITS = {
  name: { min: 1, max: 60 },
  blockReason: { max: 300 },
} as const;

/** `POST /qa/code/:code/join`: a display name, or none (anonymous); members ignore both. */
export const QaJoinByCodeInput = z
  .object({
    name: z.string().trim().min(GUEST_LIMITS.name.min).max(GUEST_LIMITS.name.max).optional(),
    anonymous: z.boolean().optional(),
  })
  .strict();
export type QaJoinByCodeInput = z.infer<typeof QaJoinByCodeInput>;

/** A participant as the join answer names it: a member (their id and name) or a guest (name null when anonymous). */
export const QaParticipantRefDto = z.object({ id: z.string(), name: z.string().nullable() });
export type QaParticipantRefDto = z.infer<typeof QaParticipantRefDto>;

/** A participant as the session's hosts and moderators see them (`GET /qa/:id/participants`, block). */
export const QaParticipantDto = z.object({
  id: z.string(),
  name: z.string().nullable(),
  guest: z.boolean(),
  blocked: z.boolean(),
  joinedAt: IsoDate,
  questions: z.number().int(),
});
export type QaParticipantDto = z.infer<typeof QaParticipantDto>;

/** `POST /qa/:id/participants/:participantId/block`. */
export const QaBlockInput = z
  .object({ reason: z.string().trim().max(GUEST_LIMITS.blockReason.max).optional() })
  .strict();
export type QaBlockInput = z.infer<typeof QaBlockInput>;

/** `POST /qa/:id/claim`: how many of the guest's questions became the member's. */
export const QaClaimDto = z.object({ claimed: z.number().int() });
export type QaClaimDto = z.infer<typeof QaClaimDto>;

import { z } from "zod";
import { LIMITS } from "../limits.js";
import { IsoDate } from "./common.js";

/**
 * The mail outbox (admins: "Kotak keluar"). Every message goes through it: `pending` waits for the
 * sender (retried with backoff), `sent` left through SMTP_URL, `failed` gave up after the last retry,
 * `held` stays here because no SMTP_URL is configured (admins read it in the interface).
 */
export const OutboxStatus = z.enum(["pending", "sent", "failed", "held"]);
export type OutboxStatus = z.infer<typeof OutboxStatus>;

export const MailKind = z.enum([
  "confirm-email",
  "change-email",
  "reset-password",
  "official-email",
  "password-changed",
  "verification-decided",
  "notification",
  "digest",
]);
export type MailKind = z.infer<typeof MailKind>;

export const OutboxMessageDto = z.object({
  id: z.string(),
  kind: MailKind,
  to: z.string(),
  subject: z.string(),
  text: z.string(),
  html: z.string(),
  status: OutboxStatus,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  createdAt: IsoDate,
  sentAt: IsoDate.nullable(),
  nextAttemptAt: IsoDate.nullable(),
});
export type OutboxMessageDto = z.infer<typeof OutboxMessageDto>;

/** `GET /admin/outbox?status&cursor&limit` → `{messages, nextCursor, delivery}`. */
export const OutboxListQuery = z.object({
  status: OutboxStatus.optional(),
  cursor: z.string().max(200).optional(),
  limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(LIMITS.pageSize.default),
});
export type OutboxListQuery = z.infer<typeof OutboxListQuery>;

/** How mail leaves this server: through SMTP_URL, or kept in the outbox only. */
export const MailDelivery = z.enum(["smtp", "outbox"]);
export type MailDelivery = z.infer<typeof MailDelivery>;

import { z } from "zod";
import { LIMITS } from "../limits.js";
import { Email, Password } from "./auth.js";
import { IsoDate } from "./common.js";

/**
 * Account self-service (DESIGN.md §9): email confirmation, password change and recovery, email
 * change, sessions. Tokens travel in mail links as `?token=` and are at least 128 bits, base64url.
 */
export const AuthToken = z
  .string()
  .min(LIMITS.authToken.min)
  .max(LIMITS.authToken.max)
  .regex(/^[A-Za-z0-9_-]+$/, "Malformed token");

/** `POST /auth/confirm-email {token}`: the registration address, a new address, or an official one. */
export const ConfirmEmailInput = z.object({ token: AuthToken }).strict();
export type ConfirmEmailInput = z.infer<typeof ConfirmEmailInput>;
/** What a confirmation link confirmed (extension to `{user}`). */
export const ConfirmedKind = z.enum(["email", "newEmail", "officialEmail"]);
export type ConfirmedKind = z.infer<typeof ConfirmedKind>;

/** `POST /auth/forgot {email}` → 202 `{ok:true}` whatever the email. */
export const ForgotInput = z.object({ email: Email }).strict();
export type ForgotInput = z.infer<typeof ForgotInput>;

/** `POST /auth/reset {token, password}` → `{user}` signed in, every other session ended. */
export const ResetInput = z.object({ token: AuthToken, password: Password }).strict();
export type ResetInput = z.infer<typeof ResetInput>;

/** `POST /auth/password {current, password}` → `{user}`; other sessions ended, this one kept. */
export const PasswordChangeInput = z
  .object({ current: z.string().min(1).max(LIMITS.password.max), password: Password })
  .strict();
export type PasswordChangeInput = z.infer<typeof PasswordChangeInput>;

/** `POST /auth/email {email, password}` → 202 `{ok:true}`: a link goes to the new address. */
export const EmailChangeInput = z
  .object({ email: Email, password: z.string().min(1).max(LIMITS.password.max) })
  .strict();
export type EmailChangeInput = z.infer<typeof EmailChangeInput>;

/** `GET /auth/sessions` → `{sessions}`; `DELETE /auth/sessions/others` → 204. */
export const SessionDto = z.object({
  id: z.string(),
  current: z.boolean(),
  createdAt: IsoDate,
  lastSeenAt: IsoDate,
  userAgent: z.string(),
});
export type SessionDto = z.infer<typeof SessionDto>;

/** 202 body of forgot, email change and resend: says nothing about whether the address exists. */
export const AcceptedDto = z.object({ ok: z.literal(true) });
export type AcceptedDto = z.infer<typeof AcceptedDto>;

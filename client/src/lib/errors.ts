import { isApiError } from "./api";
import { formatDuration } from "./format";
import type { MessageKey, MessageParams } from "./i18n";
import type { Locale } from "@rembuk/shared";

/** A translated description of any failure, for toasts and form-level alerts. */
export function describeError(e: unknown, locale: Locale): { key: MessageKey; params?: MessageParams } {
  if (!isApiError(e)) return { key: "error.generic" };
  switch (e.code) {
    case "NETWORK":
      return { key: "error.network" };
    case "FORBIDDEN":
    case "FOREIGN_ORIGIN":
      return { key: "error.forbidden" };
    case "NOT_FOUND":
      return { key: "error.notFound" };
    case "NOT_VERIFIED":
      return { key: "error.notVerified" };
    case "INVALID_TOKEN":
      return { key: "error.invalidToken" };
    case "EMAIL_NOT_CONFIRMED":
      return { key: "error.emailNotConfirmed" };
    case "UNAUTHENTICATED":
      return { key: "error.unauthenticated" };
    case "SUSPENDED":
      return { key: "error.suspended" };
    case "CONFLICT":
    case "ILLEGAL_TRANSITION":
      return { key: "error.conflict" };
    case "PAYLOAD_TOO_LARGE":
      return { key: "error.tooLarge" };
    case "VALIDATION":
      return { key: "form.fixErrors" };
    case "RATE_LIMITED":
    case "SLOW_MODE":
      return e.retryAfterSeconds !== null
        ? { key: "error.rateLimited", params: { duration: formatDuration(e.retryAfterSeconds, locale) } }
        : { key: "error.rateLimitedLater" };
    default:
      return { key: "error.generic" };
  }
}

/**
 * A translated message for a failed forum action, whichever transport failed: socket error acks and
 * timeouts are mapped like REST errors (by code, never by message text).
 */
export function forumError(err: unknown, locale: Locale): { key: MessageKey; params?: MessageParams } {
  if (isApiError(err) && err.code === "TIMEOUT") return { key: "error.network" };
  if (isApiError(err)) return describeError(err, locale);
  return { key: "error.generic" };
}

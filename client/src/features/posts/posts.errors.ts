import type { Locale } from "@rembuk/shared";
import type { MessageKey, MessageParams } from "../../lib/i18n";
import { formatDuration } from "../../lib/format";
import type { OutboxError } from "./outbox";

/** Why an outbox entry is waiting, and when it may go again. */
export function outboxMessage(
  error: OutboxError | null,
  locale: Locale,
  now: number,
): { key: MessageKey; params?: MessageParams } {
  if (!error) return { key: "posts.outbox.failed" };
  const wait = error.retryAt !== null ? Math.max(0, Math.ceil((error.retryAt - now) / 1000)) : 0;
  switch (error.code) {
    case "NETWORK":
    case "TIMEOUT":
    case "INTERNAL":
    case "BAD_RESPONSE":
      return { key: "posts.outbox.failedNetwork" };
    case "SLOW_MODE":
      return wait > 0
        ? { key: "posts.outbox.failedSlowMode", params: { duration: formatDuration(wait, locale) } }
        : { key: "posts.outbox.failed" };
    case "RATE_LIMITED":
      return wait > 0
        ? { key: "posts.outbox.failedWait", params: { duration: formatDuration(wait, locale) } }
        : { key: "posts.outbox.failed" };
    case "LOCKED":
      return { key: "posts.outbox.failedLocked" };
    case "FORBIDDEN":
    case "NOT_FOUND":
      return { key: "posts.outbox.failedForbidden" };
    case "SUSPENDED":
      return { key: "posts.outbox.failedSuspended" };
    case "VALIDATION":
    case "PAYLOAD_TOO_LARGE":
      return { key: "posts.outbox.failedInvalid" };
    case "UNAUTHENTICATED":
      return { key: "posts.outbox.failedSignIn" };
    default:
      return { key: "posts.outbox.failed" };
  }
}

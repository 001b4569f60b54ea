import type { MessageKey } from "../../lib/i18n";
import { isApiError } from "../../lib/api";

/** The toast for a failed Q&A action, by error code (never by message text). */
export function qaErrorMessage(err: unknown): MessageKey {
  const code = isApiError(err) ? err.code : null;
  if (code === "RATE_LIMITED") return "qa.toast.rateLimited";
  if (code === "ILLEGAL_TRANSITION") return "qa.toast.ended";
  // Guests: blocked by a moderator, or the host switched guests to watch-only / off meanwhile.
  if (code === "BLOCKED") return "qa.guest.blocked";
  if (code === "WATCH_ONLY") return "qa.guest.watchOnly";
  if (code === "GUESTS_OFF") return "qa.guest.off";
  return "qa.toast.failed";
}

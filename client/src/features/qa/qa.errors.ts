import type { MessageKey } from "../../app/messages";
import { isApiError } from "../../lib/api";
import { CommandError } from "../../lib/socket";

/** The toast for a failed Q&A action, by error code (never by message text). */
export function qaErrorMessage(err: unknown): MessageKey {
  const code = err instanceof CommandError ? err.code : isApiError(err) ? err.code : null;
  if (code === "RATE_LIMITED") return "qa.toast.rateLimited";
  if (code === "ILLEGAL_TRANSITION") return "qa.toast.ended";
  return "qa.toast.failed";
}

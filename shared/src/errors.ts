/**
 * Every error code a client may branch on. REST answers `{error:{code,message,details?}}` with the
 * matching HTTP status; socket acks carry the same body.
 */
export const ERROR_CODES = [
  "VALIDATION",
  "UNAUTHENTICATED",
  "INVALID_CREDENTIALS",
  "FORBIDDEN",
  "FOREIGN_ORIGIN",
  "SUSPENDED",
  "NOT_FOUND",
  "CONFLICT",
  "EMAIL_TAKEN",
  "LOCKED",
  "ILLEGAL_TRANSITION",
  "PAYLOAD_TOO_LARGE",
  "RATE_LIMITED",
  "SLOW_MODE",
  /** Q&A guests (403): the session takes no guests / guests may only watch / this guest is blocked. */
  "GUESTS_OFF",
  "WATCH_ONLY",
  "BLOCKED",
  "INTERNAL",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field errors keyed by dotted path, e.g. `{ "practice.regionCode": ["Unknown region code"] }`. */
export type FieldErrors = Record<string, string[]>;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

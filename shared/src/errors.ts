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
  /** 403: acting in a region's or agency's name needs a verified affiliation (DESIGN.md §9). */
  "NOT_VERIFIED",
  /** 400: a mail-link token that is unknown, used or expired. */
  "INVALID_TOKEN",
  /** 403: this needs a confirmed email address first (verification requests, email). */
  "EMAIL_NOT_CONFIRMED",
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

/** Field errors keyed by dotted path, e.g. `{ "practice.regionCode": ["Unknown region code"] }`. */
export type FieldErrors = Record<string, string[]>;

export interface ErrorBody {
  code: ErrorCode;
  message: string;
  details?: Record<string, unknown>;
}

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

/** The HTTP status each code answers with over REST (a socket ack carries the code alone). */
export const ERROR_STATUS: Record<ErrorCode, number> = {
  VALIDATION: 400,
  INVALID_TOKEN: 400,
  UNAUTHENTICATED: 401,
  INVALID_CREDENTIALS: 401,
  FORBIDDEN: 403,
  FOREIGN_ORIGIN: 403,
  SUSPENDED: 403,
  GUESTS_OFF: 403,
  WATCH_ONLY: 403,
  BLOCKED: 403,
  NOT_VERIFIED: 403,
  EMAIL_NOT_CONFIRMED: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  EMAIL_TAKEN: 409,
  LOCKED: 409,
  ILLEGAL_TRANSITION: 409,
  PAYLOAD_TOO_LARGE: 413,
  RATE_LIMITED: 429,
  SLOW_MODE: 429,
  INTERNAL: 500,
};

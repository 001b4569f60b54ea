import type { ErrorBody, ErrorCode } from "@rembuk/shared";

/**
 * The one error type services throw. Transports turn it into `{error:{code,message,details}}` with
 * `status` (REST) or an error ack (sockets); anything else becomes INTERNAL.
 */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    readonly status: number,
    message: string,
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
    this.name = "AppError";
  }

  toBody(): ErrorBody {
    return this.details === undefined
      ? { code: this.code, message: this.message }
      : { code: this.code, message: this.message, details: this.details };
  }
}

export const validation = (message: string, fields?: Record<string, string[]>) =>
  new AppError("VALIDATION", 400, message, fields);
export const unauthenticated = (message = "Sign in first") => new AppError("UNAUTHENTICATED", 401, message);
export const forbidden = (message = "You may not do that") => new AppError("FORBIDDEN", 403, message);
export const notFound = (what = "Resource") => new AppError("NOT_FOUND", 404, `${what} not found`);
export const conflict = (message: string, code: ErrorCode = "CONFLICT", details?: Record<string, unknown>) =>
  new AppError(code, 409, message, details);
export const rateLimited = (retryAfterSeconds: number, code: ErrorCode = "RATE_LIMITED") =>
  new AppError(code, 429, `Too many requests; retry in ${retryAfterSeconds} s`, { retryAfterSeconds });
/** 403 NOT_VERIFIED: acting in an affiliation's name needs that affiliation verified. */
export const notVerified = (
  message = "Only a verified member of this region or agency can do this; request verification from your profile",
) => new AppError("NOT_VERIFIED", 403, message);
export const suspended = (until: Date) =>
  new AppError("SUSPENDED", 403, `Your account is suspended until ${until.toISOString()}`, {
    suspendedUntil: until.toISOString(),
  });

/** Turn anything thrown into a safe body and status; unknown errors never leak their message. */
export function toErrorResponse(err: unknown): { status: number; body: ErrorBody; unexpected: boolean } {
  if (err instanceof AppError) return { status: err.status, body: err.toBody(), unexpected: false };
  return { status: 500, body: { code: "INTERNAL", message: "Something went wrong" }, unexpected: true };
}

import type { ErrorRequestHandler, RequestHandler } from "express";
import { AppError, notFound, toErrorResponse } from "../errors.js";
import { logger } from "../logger.js";
import { requestIdOf } from "./requestLog.js";

/** Body-parser and similar errors carry an HTTP status and a `type`; map them to our codes. */
function fromHttpError(err: unknown): AppError | null {
  // AppErrors carry a `status` too; they are already in our shape and must pass through untouched.
  if (err instanceof AppError || typeof err !== "object" || err === null) return null;
  const { status, type } = err as { status?: unknown; type?: unknown };
  if (type === "entity.too.large" || status === 413)
    return new AppError("PAYLOAD_TOO_LARGE", 413, "Request body is too large");
  if (type === "entity.parse.failed") return new AppError("VALIDATION", 400, "Malformed JSON body");
  if (typeof status === "number" && status >= 400 && status < 500)
    return new AppError("VALIDATION", 400, "Malformed request");
  return null;
}

export const errorHandler: ErrorRequestHandler = (err, req, res, _next) => {
  const { status, body, unexpected } = toErrorResponse(fromHttpError(err) ?? err);
  if (unexpected) logger.error({ err, reqId: requestIdOf(res), path: req.path }, "unhandled error");
  if (res.headersSent) return;
  // 429s (rate limits, slow mode) tell HTTP clients when to retry, as the body's details do.
  const retryAfter = body.details?.retryAfterSeconds;
  if (typeof retryAfter === "number") res.setHeader("Retry-After", String(retryAfter));
  res.status(status).json({ error: body });
};

/** Unknown `/api` paths answer in the same error shape instead of Express's HTML page. */
export const apiNotFound: RequestHandler = (_req, _res, next) => next(notFound("Endpoint"));

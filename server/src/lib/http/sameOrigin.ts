import type { RequestHandler } from "express";
import { AppError } from "../errors.js";

const SAFE = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * CSRF defence for cookie sessions: unsafe methods must come from our own origin. Browsers always
 * send `Origin` on cross-site POSTs; non-browser clients that send none are allowed (they carry no
 * ambient cookie unless they chose to).
 */
export function sameOrigin(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, _res, next) => {
    const origin = req.get("origin");
    if (SAFE.has(req.method) || !origin) return next();
    const self = `${req.protocol}://${req.get("host")}`;
    if (origin === self || allowed.has(origin)) return next();
    next(new AppError("FOREIGN_ORIGIN", 403, "Cross-origin request refused"));
  };
}

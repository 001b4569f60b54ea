import type { RequestHandler } from "express";
import { validation } from "./errors.js";

const MAX_DEPTH = 64;

/**
 * Whether a parsed payload holds a NUL character in any string or key. No text people type has one,
 * and further down it breaks things in ways that surface as 500s (a regular expression for MongoDB
 * refuses an embedded NUL; C strings end at it), so every transport refuses it up front.
 */
export function hasNul(value: unknown, depth = 0): boolean {
  if (typeof value === "string") return value.includes("\u0000");
  if (value === null || typeof value !== "object" || depth > MAX_DEPTH) return false;
  if (Array.isArray(value)) return value.some((v) => hasNul(v, depth + 1));
  return Object.entries(value).some(([k, v]) => k.includes("\u0000") || hasNul(v, depth + 1));
}

/** `%00` (any case) or a raw NUL anywhere in the path or query string. */
const nulInUrl = (url: string) => url.includes("%00") || url.includes("\u0000");

export const nulError = () =>
  validation("Input contains a NUL character", { _: ["NUL characters are not allowed"] });

/**
 * One gate for every `/api` request, after the JSON body is parsed: a NUL byte in the path, in any
 * query parameter or anywhere in the body is a 400 VALIDATION like any other bad input.
 */
export const rejectNulBytes: RequestHandler = (req, _res, next) => {
  if (nulInUrl(req.originalUrl) || hasNul(req.body)) return next(nulError());
  next();
};

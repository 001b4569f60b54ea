import { createHmac, timingSafeEqual } from "node:crypto";
import type { IncomingHttpHeaders } from "node:http";
import type { Response } from "express";
import { ObjectIdString } from "@rembuk/shared";

/**
 * A guest participant's device credential: one cookie per session, `rb_qg_<sessionId>`, whose value
 * is `<participantId>.<hmac>` with the HMAC (SESSION_SECRET) taken over the session id AND the
 * participant id. Copying the value under another session's name breaks the signature, so a
 * cookie from one session is worth nothing in another. HttpOnly (scripts never see it), SameSite=Lax
 * (like the session cookie), Secure behind TLS.
 */
export const GUEST_COOKIE_PREFIX = "rb_qg_";
const MAX_AGE_MS = 30 * 24 * 60 * 60 * 1000;

export interface GuestRef {
  sessionId: string;
  participantId: string;
}

let secret = "";
let secure = false;

/** Called once at start (app.ts) with the session secret and whether cookies are Secure. */
export function configureGuestCookies(opts: { secret: string; secure: boolean }): void {
  secret = opts.secret;
  secure = opts.secure;
}

const sign = (sessionId: string, participantId: string) =>
  createHmac("sha256", secret).update(`qa-guest:${sessionId}:${participantId}`).digest("base64url");

export const guestCookieName = (sessionId: string) => `${GUEST_COOKIE_PREFIX}${sessionId}`;

export function setGuestCookie(res: Response, ref: GuestRef): void {
  res.cookie(
    guestCookieName(ref.sessionId),
    `${ref.participantId}.${sign(ref.sessionId, ref.participantId)}`,
    {
      httpOnly: true,
      sameSite: "lax",
      secure,
      path: "/",
      maxAge: MAX_AGE_MS,
    },
  );
}

export function clearGuestCookie(res: Response, sessionId: string): void {
  res.clearCookie(guestCookieName(sessionId), { httpOnly: true, sameSite: "lax", secure, path: "/" });
}

/** Verify one cookie; null for anything malformed or not signed by us for exactly this session. */
export function verifyGuestCookie(sessionId: string, value: string): GuestRef | null {
  const dot = value.indexOf(".");
  if (dot < 0 || !secret) return null;
  const participantId = value.slice(0, dot);
  if (!ObjectIdString.safeParse(sessionId).success || !ObjectIdString.safeParse(participantId).success)
    return null;
  const given = Buffer.from(value.slice(dot + 1));
  const expected = Buffer.from(sign(sessionId, participantId));
  if (given.length !== expected.length || !timingSafeEqual(given, expected)) return null;
  return { sessionId, participantId };
}

/** Every valid guest cookie in a request's Cookie header (REST and the socket handshake alike). */
export function readGuestCookies(headers: IncomingHttpHeaders): GuestRef[] {
  const header = headers.cookie;
  if (!header) return [];
  const refs: GuestRef[] = [];
  for (const part of header.split(";")) {
    const eq = part.indexOf("=");
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (!name.startsWith(GUEST_COOKIE_PREFIX)) continue;
    let value: string;
    try {
      value = decodeURIComponent(part.slice(eq + 1).trim());
    } catch {
      continue;
    }
    const ref = verifyGuestCookie(name.slice(GUEST_COOKIE_PREFIX.length), value);
    if (ref) refs.push(ref);
  }
  return refs;
}

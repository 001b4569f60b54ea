import session from "express-session";
import { MongoStore } from "connect-mongo";
import type { mongo } from "mongoose";
import type { RequestHandler } from "express";
import type { Config } from "../../config.js";

export const SESSION_COOKIE = "rembuk.sid";
const THIRTY_DAYS_MS = 30 * 24 * 60 * 60 * 1000;

/** Cookie attributes, shared by the session and by logout's clearCookie (which must match them). */
export function sessionCookieOptions(config: Config) {
  return { path: "/", httpOnly: true, sameSite: "lax", secure: config.secureCookies } as const;
}

/**
 * Cookie sessions stored in the database (collection `sessions`, connect-mongo with a TTL index), so they
 * survive restarts and are shared by every server process. Rolling: each response renews the
 * 30-day cookie; the stored expiry is rewritten at most hourly when nothing else changed. Guests
 * get no session until they sign in (`saveUninitialized: false`).
 */
export async function createSessionMiddleware(
  config: Config,
  client: mongo.MongoClient,
  dbName: string,
): Promise<RequestHandler> {
  const store = MongoStore.create({
    client,
    dbName,
    collectionName: "sessions",
    ttl: THIRTY_DAYS_MS / 1000,
    touchAfter: 60 * 60,
  });
  return session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    store,
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: { ...sessionCookieOptions(config), maxAge: THIRTY_DAYS_MS },
  });
}

import mongoose, { Types } from "mongoose";
import type { RequestHandler } from "express";
import type { SessionDto } from "@rembuk/shared";
import { publish, disconnectRoom } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { UserSession } from "./userSession.model.js";

/** `lastSeenAt` is written at most this often per session (not on every request). */
const SEEN_EVERY_MS = 5 * 60 * 1000;

declare module "express-session" {
  interface SessionData {
    /** Epoch ms when `lastSeenAt` was last written for this session. */
    seenAt?: number;
  }
}

function sessionsCollection() {
  const db = mongoose.connection.db;
  if (!db) throw new Error("Database connection has no database");
  return db.collection<{ _id: string }>("sessions");
}

/** After a sign-in (login, registration, reset): remember the session under its user. */
export async function recordSession(
  sessionId: string,
  userId: string,
  userAgent: string | undefined,
): Promise<void> {
  const now = new Date();
  await UserSession.updateOne(
    { _id: sessionId },
    {
      $set: {
        userId: new Types.ObjectId(userId),
        userAgent: (userAgent ?? "").slice(0, 300),
        createdAt: now,
        lastSeenAt: now,
      },
    },
    { upsert: true },
  );
}

export async function forgetSession(sessionId: string): Promise<void> {
  await UserSession.deleteOne({ _id: sessionId });
}

/** Mounted after passport: notes when a signed-in session was last used (cheaply: a few times an hour). */
export const touchSession: RequestHandler = (req, _res, next) => {
  if (!req.user || !req.session) return next();
  const now = Date.now();
  if (req.session.seenAt && now - req.session.seenAt < SEEN_EVERY_MS) return next();
  req.session.seenAt = now;
  UserSession.updateOne({ _id: req.session.id }, { $set: { lastSeenAt: new Date(now) } }).then(
    () => next(),
    next,
  );
};

/** `GET /auth/sessions`: the user's live sessions, this one first, then most recently used. */
export async function listSessions(userId: string, currentId: string): Promise<SessionDto[]> {
  const rows = await UserSession.find({ userId }).lean();
  const alive = new Set(
    (
      await sessionsCollection()
        .find({ _id: { $in: rows.map((r) => r._id) } }, { projection: { _id: 1 } })
        .toArray()
    ).map((s) => s._id),
  );
  const gone = rows.filter((r) => !alive.has(r._id)).map((r) => r._id);
  if (gone.length) await UserSession.deleteMany({ _id: { $in: gone } });
  return rows
    .filter((r) => alive.has(r._id))
    .sort(
      (a, b) =>
        Number(b._id === currentId) - Number(a._id === currentId) ||
        b.lastSeenAt.getTime() - a.lastSeenAt.getTime(),
    )
    .map((r) => ({
      id: r._id,
      current: r._id === currentId,
      createdAt: r.createdAt.toISOString(),
      lastSeenAt: r.lastSeenAt.toISOString(),
      userAgent: r.userAgent,
    }));
}

/**
 * End every session of the user but `keepId` (null: all of them): the stored sessions go, so their
 * cookies sign nobody in, and their sockets are told and disconnected on every process. Sessions
 * started before sessions were tracked are found by the user id passport stores in them.
 */
export async function endOtherSessions(userId: string, keepId: string | null): Promise<number> {
  const tracked = (await UserSession.find({ userId }, { _id: 1 }).lean()).map((r) => r._id);
  const passportUser = new RegExp(`"passport":\\{"user":"${userId}"\\}`);
  const legacy = (
    await sessionsCollection()
      .find({ session: passportUser }, { projection: { _id: 1 } })
      .toArray()
  ).map((s) => s._id);
  const ids = [...new Set([...tracked, ...legacy])].filter((id) => id !== keepId);
  if (ids.length === 0) return 0;
  await sessionsCollection().deleteMany({ _id: { $in: ids } });
  await UserSession.deleteMany({ _id: { $in: ids } });
  for (const id of ids) {
    publish(rooms.session(id), "session:ended", { reason: "logout" });
    disconnectRoom(rooms.session(id));
  }
  return ids.length;
}

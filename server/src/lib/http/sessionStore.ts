import session from "express-session";
import type { mongo } from "mongoose";
import { logger } from "../logger.js";

/** One stored session; the same document shape connect-mongo uses (`stringify: true`). */
interface SessionDoc {
  _id: string;
  /** The session as JSON (its cookie carries `expires` as an ISO string). */
  session: string;
  expires: Date;
  lastModified: Date;
}

/** Rewrite an unchanged session's expiry at most this often (rolling sessions touch on every request). */
const TOUCH_AFTER_MS = 60 * 60 * 1000;

type Callback = (err?: unknown) => void;

/**
 * express-session store on the database's `sessions` collection, so sessions survive restarts and
 * are shared by every server process.
 *
 * Why not connect-mongo (installed, and the first choice): its `set` writes
 * `updateOne({_id}, {$set: {_id, …}}, {upsert})`. MongoDB accepts setting `_id` to its unchanged
 * value, but the embedded devdb currently refuses it (ImmutableField), so no session could be
 * saved on the default database. This store writes the same documents without `$set: {_id}`; once
 * devdb accepts that update, switching back is a one-line change with no data migration.
 */
export class DbSessionStore extends session.Store {
  constructor(
    private readonly collection: mongo.Collection<SessionDoc>,
    private readonly ttlMs: number,
  ) {
    super();
  }

  /** Expired sessions are deleted by the server (TTL index); reads also ignore them meanwhile. */
  static async create(db: mongo.Db, ttlMs: number): Promise<DbSessionStore> {
    const collection = db.collection<SessionDoc>("sessions");
    await collection.createIndex({ expires: 1 }, { expireAfterSeconds: 0 });
    return new DbSessionStore(collection, ttlMs);
  }

  private expiresOf(sess: session.SessionData): Date {
    const expires = sess.cookie?.expires;
    return expires ? new Date(expires) : new Date(Date.now() + this.ttlMs);
  }

  override get(sid: string, callback: (err: unknown, session?: session.SessionData | null) => void): void {
    this.collection.findOne({ _id: sid, expires: { $gt: new Date() } }).then((doc) => {
      if (!doc) return callback(null, null);
      try {
        callback(null, JSON.parse(doc.session));
      } catch (err) {
        // A corrupt session is a signed-out visitor, not a 500 on every request.
        logger.warn({ err }, "unreadable session discarded");
        callback(null, null);
      }
    }, callback);
  }

  override set(sid: string, sess: session.SessionData, callback: Callback = () => {}): void {
    this.collection
      .updateOne(
        { _id: sid },
        { $set: { session: JSON.stringify(sess), expires: this.expiresOf(sess), lastModified: new Date() } },
        { upsert: true },
      )
      .then(() => callback(), callback);
  }

  override destroy(sid: string, callback: Callback = () => {}): void {
    this.collection.deleteOne({ _id: sid }).then(() => callback(), callback);
  }

  /**
   * Rolling sessions: push the expiry forward, but write only when the stored one is more than
   * TOUCH_AFTER_MS older than the new one (the filter makes the check and the write one atomic step).
   */
  override touch(sid: string, sess: session.SessionData, callback: () => void = () => {}): void {
    const expires = this.expiresOf(sess);
    this.collection
      .updateOne(
        { _id: sid, expires: { $lt: new Date(expires.getTime() - TOUCH_AFTER_MS) } },
        { $set: { expires, lastModified: new Date() } },
      )
      .then(
        () => callback(),
        (err: unknown) => {
          logger.warn({ err }, "session touch failed");
          callback();
        },
      );
  }
}

import mongoose, { Schema, type Model, type Types } from "mongoose";

/**
 * Which login sessions a user has, for "my active sessions" and "sign out other devices". The
 * session itself lives in `sessions` (connect-mongo); this row is keyed by the same id and dropped
 * when that session ends. Rows whose session expired are pruned when listed.
 */
export interface UserSessionRecord {
  _id: string;
  userId: Types.ObjectId;
  userAgent: string;
  createdAt: Date;
  lastSeenAt: Date;
}

const userSessionSchema = new Schema<UserSessionRecord>(
  {
    _id: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    userAgent: { type: String, default: "", maxlength: 300 },
    createdAt: { type: Date, required: true },
    lastSeenAt: { type: Date, required: true },
  },
  { collection: "userSessions", versionKey: false },
);

// A user's sessions: find({userId}) (list, end the others).
userSessionSchema.index({ userId: 1 });

export const UserSession: Model<UserSessionRecord> =
  mongoose.models.UserSession ?? mongoose.model<UserSessionRecord>("UserSession", userSessionSchema);

// Default import for runtime values: mongoose is CommonJS and `models` is not a detectable named export.
import mongoose, { Schema, type Model, type Types } from "mongoose";
import { GUEST_LIMITS } from "@rembuk/shared";

/**
 * Someone who joined a Q&A session: a member (once per session) or a guest (a device without an
 * account, bound to this one session by a signed cookie). `user` is the identity that acts in the
 * session (question authors, vote and poll-answer rows): the member's user id, or for a guest the
 * participant's own id, so one unique index covers both and guests never need a User row.
 */
export interface QaParticipantRecord {
  _id: Types.ObjectId;
  session: Types.ObjectId;
  kind: "member" | "guest";
  user: Types.ObjectId;
  /** A guest's display name; null when they joined anonymously (members: their account's name is used). */
  name: string | null;
  blocked: boolean;
  blockReason: string | null;
  /** A guest who signed in and took their questions along: the member who claimed them. */
  claimedBy: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

const qaParticipantSchema = new Schema<QaParticipantRecord>(
  {
    session: { type: Schema.Types.ObjectId, ref: "QaSession", required: true },
    kind: { type: String, enum: ["member", "guest"], required: true },
    user: { type: Schema.Types.ObjectId, required: true },
    name: { type: String, default: null, maxlength: GUEST_LIMITS.name.max },
    blocked: { type: Boolean, default: false },
    blockReason: { type: String, default: null, maxlength: GUEST_LIMITS.blockReason.max },
    claimedBy: { type: Schema.Types.ObjectId, ref: "User", default: null },
  },
  { timestamps: true, collection: "qaparticipants" },
);

// A member joins a session once (join by code, `qa:join`), and a guest's row by its acting id.
qaParticipantSchema.index({ session: 1, user: 1 }, { unique: true });
// Analytics: a session's participants in the order they joined.
qaParticipantSchema.index({ session: 1, createdAt: 1 });

export const QaParticipant: Model<QaParticipantRecord> =
  (mongoose.models.QaParticipant as Model<QaParticipantRecord> | undefined) ??
  mongoose.model<QaParticipantRecord>("QaParticipant", qaParticipantSchema);

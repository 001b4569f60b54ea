import mongoose, { Schema, type Model, type Types } from "mongoose";
import type { MailKind, OutboxStatus } from "@rembuk/shared";

/**
 * The outbox is the mail queue: every message is written here first (inside the request), and the
 * sender (mail.sender.ts) delivers it off the request path. A restart loses nothing: `pending` rows
 * are picked up again, and a claim (`lockedUntil`) that died with its process simply expires.
 */
export interface MailRecord {
  _id: Types.ObjectId;
  kind: MailKind;
  to: string;
  userId: Types.ObjectId | null;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (List-Unsubscribe on notification mail); null for most messages. */
  headers: Record<string, string> | null;
  status: OutboxStatus;
  attempts: number;
  lastError: string | null;
  nextAttemptAt: Date | null;
  /** A sender claimed it until then (another process may retry after). */
  lockedUntil: Date | null;
  sentAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const mailSchema = new Schema<MailRecord>(
  {
    kind: { type: String, required: true },
    to: { type: String, required: true, maxlength: 254 },
    userId: { type: Schema.Types.ObjectId, default: null },
    subject: { type: String, required: true, maxlength: 300 },
    text: { type: String, required: true },
    html: { type: String, required: true },
    headers: { type: Schema.Types.Mixed, default: null },
    status: { type: String, enum: ["pending", "sent", "failed", "held"], required: true },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null, maxlength: 1000 },
    nextAttemptAt: { type: Date, default: null },
    lockedUntil: { type: Date, default: null },
    sentAt: { type: Date, default: null },
  },
  { timestamps: true, collection: "mailOutbox" },
);

// The sender's claim: find({status:'pending', nextAttemptAt <= now}) oldest due first.
mailSchema.index({ status: 1, nextAttemptAt: 1 });
// The admins' outbox list, newest first, optionally by status: find({status?}).sort({_id:-1}).
mailSchema.index({ status: 1, _id: -1 });

export const MailMessage: Model<MailRecord> =
  mongoose.models.MailMessage ?? mongoose.model<MailRecord>("MailMessage", mailSchema);

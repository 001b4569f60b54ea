import mongoose, { Schema, type Model, type Types } from "mongoose";
import type { NotificationKind, NotificationTargetType } from "@rembuk/shared";

/**
 * One entry of one person's inbox. `eventKeys` lists every event merged into it: a replayed event
 * (a worker that died mid-batch) finds its key already here and adds nothing, so delivery is exactly
 * once per (event, recipient). `key` is the first of them, unique per recipient, so two workers can
 * never both insert the same event's entry.
 */
export interface NotificationRecord {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  kind: NotificationKind;
  detail: string | null;
  actorId: Types.ObjectId | null;
  target: { type: NotificationTargetType; id: string; url: string };
  title: string | null;
  reason: string | null;
  count: number;
  /** Entries with the same key (kind + thread) collapse while unread and within the window. */
  collapseKey: string | null;
  key: string;
  eventKeys: string[];
  readAt: Date | null;
  /** The latest merged event: what the inbox sorts by. */
  lastAt: Date;
  /** When an immediate email was considered (sent or not): never twice. */
  mailedAt: Date | null;
  createdAt: Date;
}

const notificationSchema = new Schema<NotificationRecord>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    kind: { type: String, required: true },
    detail: { type: String, default: null },
    actorId: { type: Schema.Types.ObjectId, default: null },
    target: {
      type: { type: String, required: true },
      id: { type: String, required: true },
      url: { type: String, required: true },
    },
    title: { type: String, default: null, maxlength: 300 },
    reason: { type: String, default: null, maxlength: 1000 },
    count: { type: Number, default: 1 },
    collapseKey: { type: String, default: null },
    key: { type: String, required: true },
    eventKeys: { type: [String], default: [] },
    readAt: { type: Date, default: null },
    lastAt: { type: Date, required: true },
    mailedAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: "notifications" },
);

// The inbox: find({userId}).sort({lastAt:-1, _id:-1}); also the unread count ({userId, readAt:null}).
notificationSchema.index({ userId: 1, lastAt: -1, _id: -1 });
// One entry per (recipient, first event): the insert of a replayed event fails here.
notificationSchema.index({ userId: 1, key: 1 }, { unique: true });
// Replays: was this event already merged for these recipients? find({userId:{$in}, eventKeys}).
notificationSchema.index({ userId: 1, eventKeys: 1 });
// The open entry a new event collapses into.
notificationSchema.index({ userId: 1, collapseKey: 1, readAt: 1 });

export const Notification: Model<NotificationRecord> =
  (mongoose.models.Notification as Model<NotificationRecord> | undefined) ??
  mongoose.model<NotificationRecord>("Notification", notificationSchema);

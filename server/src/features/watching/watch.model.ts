import mongoose, { Schema, type Model, type Types } from "mongoose";
import type { WatchLevel } from "@rembuk/shared";

export type WatchScope = "thread" | "room" | "tag";

/**
 * How one person follows one place. A missing row is the default: `normal` (threads they start or
 * reply in get a row with `auto: true`, so an explicit choice is never overwritten by a default).
 */
export interface WatchRecord {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  scope: WatchScope;
  /** A thread or room id, or a tag. */
  key: string;
  level: WatchLevel;
  /** Written by a default (starting or replying), not chosen. */
  auto: boolean;
  createdAt: Date;
  updatedAt: Date;
}

const watchSchema = new Schema<WatchRecord>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    scope: { type: String, enum: ["thread", "room", "tag"], required: true },
    key: { type: String, required: true, maxlength: 64 },
    level: { type: String, enum: ["watching", "normal", "muted"], required: true },
    auto: { type: Boolean, default: false },
  },
  { timestamps: true, collection: "watches" },
);

// One choice per person and place; also the viewer's levels for a page of threads ({userId, scope, key:{$in}}).
watchSchema.index({ userId: 1, scope: 1, key: 1 }, { unique: true });
// Who watches (or muted) a place: find({scope, key:{$in}, level}).
watchSchema.index({ scope: 1, key: 1, level: 1 });

export const Watch: Model<WatchRecord> =
  (mongoose.models.Watch as Model<WatchRecord> | undefined) ??
  mongoose.model<WatchRecord>("Watch", watchSchema);

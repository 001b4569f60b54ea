// Default import for runtime values: mongoose is CommonJS and `models` is not a detectable named export.
import mongoose, { Schema, type Model, type Types } from "mongoose";
import { MOD_LIMITS, type FlagReason, type FlagStatus, type FlagTargetType } from "@rembuk/shared";

export interface FlagNoteRecord {
  _id: Types.ObjectId;
  authorId: Types.ObjectId;
  text: string;
  createdAt: Date;
}

export interface FlagRecord {
  _id: Types.ObjectId;
  targetType: FlagTargetType;
  /** The post, or the thread (whose opening post is what was read). */
  targetId: Types.ObjectId;
  threadId: Types.ObjectId;
  /** Kept in step when the thread moves, so the right room's moderators see the flag. */
  roomId: Types.ObjectId;
  reporterId: Types.ObjectId;
  reason: FlagReason;
  note: string | null;
  status: FlagStatus;
  assigneeId: Types.ObjectId | null;
  /** Moderators' internal notes, oldest first. */
  notes: FlagNoteRecord[];
  resolvedBy: Types.ObjectId | null;
  resolvedAt: Date | null;
  /** The message the reporter receives with the outcome. */
  resolutionNote: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const noteSchema = new Schema<FlagNoteRecord>(
  {
    authorId: { type: Schema.Types.ObjectId, required: true },
    text: { type: String, required: true, maxlength: MOD_LIMITS.modNote.max },
  },
  { timestamps: { createdAt: true, updatedAt: false } },
);

const flagSchema = new Schema<FlagRecord>(
  {
    targetType: { type: String, enum: ["post", "thread"], required: true },
    targetId: { type: Schema.Types.ObjectId, required: true },
    threadId: { type: Schema.Types.ObjectId, required: true },
    roomId: { type: Schema.Types.ObjectId, required: true },
    reporterId: { type: Schema.Types.ObjectId, required: true },
    reason: {
      type: String,
      enum: ["spam", "off-topic", "inappropriate", "misinformation", "other"],
      required: true,
    },
    note: { type: String, default: null, maxlength: MOD_LIMITS.flagNote.max },
    status: { type: String, enum: ["open", "resolved", "dismissed"], required: true, default: "open" },
    assigneeId: { type: Schema.Types.ObjectId, default: null },
    notes: { type: [noteSchema], default: [] },
    resolvedBy: { type: Schema.Types.ObjectId, default: null },
    resolvedAt: { type: Date, default: null },
    resolutionNote: { type: String, default: null, maxlength: MOD_LIMITS.flagNote.max },
  },
  { timestamps: true, collection: "flags" },
);

// One open flag per member per target: a second `POST /flags` while the first is open hits E11000
// here (409), never a lookup first. Once resolved or dismissed the member may flag it again.
flagSchema.index(
  { reporterId: 1, targetId: 1 },
  { unique: true, partialFilterExpression: { status: "open" } },
);
// The flag queue: find({status, roomId:{$in}}).sort({_id:-1}) (newest first, _id cursor).
flagSchema.index({ status: 1, roomId: 1, _id: -1 });
// Open flags on one target (the count beside each flag, closing them together): find({targetId, status}).
flagSchema.index({ targetId: 1, status: 1 });
// A member's own flags and their outcomes: find({reporterId}).sort({_id:-1}).
flagSchema.index({ reporterId: 1, _id: -1 });
// Keeping flags in step with a moved thread: updateMany({threadId}).
flagSchema.index({ threadId: 1 });

export const Flag: Model<FlagRecord> = mongoose.models.Flag ?? mongoose.model<FlagRecord>("Flag", flagSchema);

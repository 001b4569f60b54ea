// Default import for runtime values: mongoose is CommonJS and `models` is not a detectable named export.
import mongoose, { Schema, type Model, type Types } from "mongoose";
import type { ModActionKind, ModTargetType, Role } from "@rembuk/shared";

/**
 * One row of the audit log: who did what to which target, where, why, and the changed fields before
 * and after. Append-only: the model refuses every update and delete (below), and nothing in the app
 * writes this collection except `recordModAction`.
 */
export interface ModActionRecord {
  _id: Types.ObjectId;
  /** Null for the system (a timed pin that ran out). */
  actorId: Types.ObjectId | null;
  /** As the actor was then: names and roles change, the log must not. */
  actorName: string;
  actorRole: Role | null;
  action: ModActionKind;
  targetType: ModTargetType;
  targetId: Types.ObjectId;
  targetLabel: string;
  /** The room the target was in; a move also lists the room it went to (both rooms' moderators see it). */
  roomIds: Types.ObjectId[];
  roomSlug: string | null;
  threadId: Types.ObjectId | null;
  reason: string | null;
  before: Record<string, unknown> | null;
  after: Record<string, unknown> | null;
  createdAt: Date;
}

const modActionSchema = new Schema<ModActionRecord>(
  {
    actorId: { type: Schema.Types.ObjectId, default: null },
    actorName: { type: String, required: true },
    actorRole: { type: String, default: null },
    action: { type: String, required: true },
    targetType: {
      type: String,
      enum: ["thread", "post", "flag", "user", "room", "question", "qaSession"],
      required: true,
    },
    targetId: { type: Schema.Types.ObjectId, required: true },
    targetLabel: { type: String, default: "" },
    roomIds: { type: [Schema.Types.ObjectId], default: [] },
    roomSlug: { type: String, default: null },
    threadId: { type: Schema.Types.ObjectId, default: null },
    reason: { type: String, default: null },
    before: { type: Schema.Types.Mixed, default: null },
    after: { type: Schema.Types.Mixed, default: null },
  },
  // `minimize: false` keeps an empty before/after object as written.
  { timestamps: { createdAt: true, updatedAt: false }, collection: "modactions", minimize: false },
);

// The log, newest first, unfiltered (global moderators): find().sort({_id:-1}) with an _id cursor; and
// filtered by date only: find({createdAt range}).sort({_id:-1}).
modActionSchema.index({ createdAt: -1, _id: -1 });
// Filtered by room (room moderators always are): find({roomIds:{$in}, …}).sort({_id:-1}).
modActionSchema.index({ roomIds: 1, _id: -1 });
// Filtered by moderator: find({actorId}).sort({_id:-1}).
modActionSchema.index({ actorId: 1, _id: -1 });
// Filtered by action: find({action}).sort({_id:-1}).
modActionSchema.index({ action: 1, _id: -1 });
// A target's history (the thread or post tools show it): find({targetId}).sort({_id:-1}).
modActionSchema.index({ targetId: 1, _id: -1 });

const appendOnly = () => {
  throw new Error("The moderation log is append-only");
};
// Every Mongoose path that could change or remove a row; inserts are the only write.
for (const op of [
  "updateOne",
  "updateMany",
  "findOneAndUpdate",
  "replaceOne",
  "findOneAndReplace",
  "deleteOne",
  "deleteMany",
  "findOneAndDelete",
] as const) {
  modActionSchema.pre(op, appendOnly);
}

export const ModAction: Model<ModActionRecord> =
  mongoose.models.ModAction ?? mongoose.model<ModActionRecord>("ModAction", modActionSchema);

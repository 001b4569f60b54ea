// Default import for runtime values: mongoose is CommonJS and `models` is not a detectable named export.
import mongoose, { Schema, type Model, type Types } from "mongoose";

export interface ReadStateRecord {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  threadId: Types.ObjectId;
  /** Everything up to this seq has been seen; only ever grows (`$max`). */
  lastReadSeq: number;
  updatedAt: Date;
}

const readStateSchema = new Schema<ReadStateRecord>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    threadId: { type: Schema.Types.ObjectId, required: true },
    lastReadSeq: { type: Number, required: true, default: 0, min: 0 },
  },
  { timestamps: { createdAt: false, updatedAt: true }, collection: "readstates" },
);

// Mark read (upsert by {userId, threadId}) and the viewer's states for a page of threads
// (find({userId, threadId:{$in}})); unique so concurrent first reads make one document.
readStateSchema.index({ userId: 1, threadId: 1 }, { unique: true });

export const ReadState: Model<ReadStateRecord> =
  mongoose.models.ReadState ?? mongoose.model<ReadStateRecord>("ReadState", readStateSchema);

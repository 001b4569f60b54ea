// Default import for runtime values: mongoose is CommonJS and `models` is not a detectable named export.
import mongoose, { Schema, type Model, type Types } from "mongoose";

/**
 * The edit history of a practice record: each edit stores the fields it changed, their values
 * before and after, who and when. Append-only; the record itself always holds the latest version.
 */
export interface PracticeRevisionRecord {
  _id: Types.ObjectId;
  thread: Types.ObjectId;
  /** The record's revision number this edit produced (2 for the first edit). */
  revision: number;
  editor: Types.ObjectId;
  fields: string[];
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  createdAt: Date;
}

const practiceRevisionSchema = new Schema<PracticeRevisionRecord>(
  {
    thread: { type: Schema.Types.ObjectId, ref: "Thread", required: true },
    revision: { type: Number, required: true },
    editor: { type: Schema.Types.ObjectId, ref: "User", required: true },
    fields: { type: [String], required: true },
    before: { type: Schema.Types.Mixed, required: true },
    after: { type: Schema.Types.Mixed, required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: "practicerevisions", minimize: false },
);

// History of one practice, newest first (GET /practices/:id/history); unique so two racing edits
// cannot both claim the same revision number.
practiceRevisionSchema.index({ thread: 1, revision: -1 }, { unique: true });

export const PracticeRevision: Model<PracticeRevisionRecord> =
  (mongoose.models.PracticeRevision as Model<PracticeRevisionRecord> | undefined) ??
  mongoose.model<PracticeRevisionRecord>("PracticeRevision", practiceRevisionSchema);

// Default import for runtime values: mongoose is CommonJS and `models` is not a detectable named export.
import mongoose, { Schema, type Model, type Types } from "mongoose";

export interface VoteRecord {
  _id: Types.ObjectId;
  question: Types.ObjectId;
  session: Types.ObjectId;
  user: Types.ObjectId;
  createdAt: Date;
}

/** One row per (question, voter): the unique index is what makes "one vote per person" true. */
const voteSchema = new Schema<VoteRecord>(
  {
    question: { type: Schema.Types.ObjectId, ref: "Question", required: true },
    session: { type: Schema.Types.ObjectId, ref: "QaSession", required: true },
    user: { type: Schema.Types.ObjectId, ref: "User", required: true },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: "qavotes" },
);

// Vote/unvote by (question, user), the one-vote-per-person guarantee, and a question's voters (merge).
voteSchema.index({ question: 1, user: 1 }, { unique: true });
// Which questions of a session one viewer voted for (the snapshot's `voted` flags).
voteSchema.index({ session: 1, user: 1 });

export const Vote: Model<VoteRecord> =
  (mongoose.models.Vote as Model<VoteRecord> | undefined) ?? mongoose.model<VoteRecord>("Vote", voteSchema);

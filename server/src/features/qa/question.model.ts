// Default import for runtime values: mongoose is CommonJS and `models` is not a detectable named export.
import mongoose, { Schema, type Model, type Types } from "mongoose";
import { QA_LIMITS, type QuestionStatus } from "@rembuk/shared";

export interface FollowUp {
  assignee: Types.ObjectId;
  dueAt: Date;
}

export interface QuestionRecord {
  _id: Types.ObjectId;
  session: Types.ObjectId;
  /** Always stored, even for anonymous questions: moderators are accountable for what they approve. */
  author: Types.ObjectId;
  anonymous: boolean;
  text: string;
  /** The author's idempotency key: a retried ask returns the first question, never a second. */
  clientId: string;
  status: QuestionStatus;
  /** Distinct voters, changed only by $inc when a Vote row is really inserted or deleted. */
  votes: number;
  /** Bumped with every change so clients can drop updates that arrive out of order. */
  rev: number;
  answer: string | null;
  answeredAt: Date | null;
  answeredBy: Types.ObjectId | null;
  dismissReason: string | null;
  moderatedBy: Types.ObjectId | null;
  mergedInto: Types.ObjectId | null;
  edited: boolean;
  /** Set when the session ends with the question unanswered: which host owes an answer, by when. */
  followUp: FollowUp | null;
  createdAt: Date;
  updatedAt: Date;
}

const followUpSchema = new Schema<FollowUp>(
  {
    assignee: { type: Schema.Types.ObjectId, ref: "User", required: true },
    dueAt: { type: Date, required: true },
  },
  { _id: false },
);

const questionSchema = new Schema<QuestionRecord>(
  {
    session: { type: Schema.Types.ObjectId, ref: "QaSession", required: true },
    author: { type: Schema.Types.ObjectId, ref: "User", required: true },
    anonymous: { type: Boolean, default: false },
    text: { type: String, required: true, maxlength: QA_LIMITS.questionText.max },
    clientId: { type: String, required: true },
    status: {
      type: String,
      enum: ["pending", "approved", "answered", "dismissed", "merged"],
      required: true,
    },
    votes: { type: Number, default: 0 },
    rev: { type: Number, default: 0 },
    answer: { type: String, default: null, maxlength: QA_LIMITS.answer.max },
    answeredAt: { type: Date, default: null },
    answeredBy: { type: Schema.Types.ObjectId, ref: "User", default: null },
    dismissReason: { type: String, default: null, maxlength: QA_LIMITS.dismissReason.max },
    moderatedBy: { type: Schema.Types.ObjectId, ref: "User", default: null },
    mergedInto: { type: Schema.Types.ObjectId, ref: "Question", default: null },
    edited: { type: Boolean, default: false },
    followUp: { type: followUpSchema, default: null },
  },
  { timestamps: true, collection: "questions" },
);

// A session's questions for a snapshot (`GET /qa/:id`, `qa:join`, CSV, archive), oldest first.
questionSchema.index({ session: 1, createdAt: 1 });
// Idempotent asks: the same author's retried clientId hits E11000 and returns the first question.
questionSchema.index({ author: 1, clientId: 1 }, { unique: true });
// Follow-ups a host owes, soonest due first (the signed-in home page).
questionSchema.index({ "followUp.assignee": 1, "followUp.dueAt": 1 });

export const Question: Model<QuestionRecord> =
  (mongoose.models.Question as Model<QuestionRecord> | undefined) ??
  mongoose.model<QuestionRecord>("Question", questionSchema);

// Default import for runtime values: mongoose is CommonJS and `models` is not a detectable named export.
import mongoose, { Schema, type Model, type Types } from "mongoose";
import { POLL_LIMITS, type PollKind, type PollStatus } from "@rembuk/shared";

export interface PollRecord {
  _id: Types.ObjectId;
  session: Types.ObjectId;
  kind: PollKind;
  question: string;
  options: string[];
  multiple: boolean;
  status: PollStatus;
  showResults: boolean;
  createdBy: Types.ObjectId;
  openedAt: Date | null;
  closedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const pollSchema = new Schema<PollRecord>(
  {
    session: { type: Schema.Types.ObjectId, ref: "QaSession", required: true },
    kind: { type: String, enum: ["choice", "rating", "words"], required: true },
    question: { type: String, required: true, maxlength: POLL_LIMITS.question.max },
    options: { type: [String], default: [] },
    multiple: { type: Boolean, default: false },
    status: { type: String, enum: ["draft", "open", "closed"], default: "draft" },
    showResults: { type: Boolean, default: false },
    createdBy: { type: Schema.Types.ObjectId, ref: "User", required: true },
    openedAt: { type: Date, default: null },
    closedAt: { type: Date, default: null },
  },
  { timestamps: true, collection: "qapolls" },
);

// A session's polls, oldest first (snapshot, archive, CSV, analytics).
pollSchema.index({ session: 1, createdAt: 1 });

export const Poll: Model<PollRecord> =
  (mongoose.models.Poll as Model<PollRecord> | undefined) ?? mongoose.model<PollRecord>("Poll", pollSchema);

/** One participant's answer to one poll; a new answer replaces it (the unique index keeps it one). */
export interface PollAnswerRecord {
  _id: Types.ObjectId;
  poll: Types.ObjectId;
  session: Types.ObjectId;
  /** The acting id: a member's user id or a guest participant's id. */
  participant: Types.ObjectId;
  choices: number[];
  rating: number | null;
  words: string | null;
  createdAt: Date;
  updatedAt: Date;
}

const pollAnswerSchema = new Schema<PollAnswerRecord>(
  {
    poll: { type: Schema.Types.ObjectId, ref: "Poll", required: true },
    session: { type: Schema.Types.ObjectId, ref: "QaSession", required: true },
    participant: { type: Schema.Types.ObjectId, required: true },
    choices: { type: [Number], default: [] },
    rating: { type: Number, default: null },
    words: { type: String, default: null, maxlength: POLL_LIMITS.words.max },
  },
  { timestamps: true, collection: "qapollanswers" },
);

// One answer per participant per poll: replacing is an upsert on this key, and the index is the guarantee.
pollAnswerSchema.index({ poll: 1, participant: 1 }, { unique: true });
// A viewer's own answers in a session (snapshot `myAnswer`, a guest's claim).
pollAnswerSchema.index({ session: 1, participant: 1 });

export const PollAnswer: Model<PollAnswerRecord> =
  (mongoose.models.PollAnswer as Model<PollAnswerRecord> | undefined) ??
  mongoose.model<PollAnswerRecord>("PollAnswer", pollAnswerSchema);

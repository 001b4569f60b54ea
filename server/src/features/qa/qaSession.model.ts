// Default import for runtime values: mongoose is CommonJS and `models` is not a detectable named export.
import mongoose, { Schema, type Model, type Types } from "mongoose";
import { QA_LIMITS, type Locale, type QaGuestsMode, type QaStatus } from "@rembuk/shared";

export interface QaSessionRecord {
  _id: Types.ObjectId;
  room: Types.ObjectId;
  title: string;
  description: string;
  hosts: Types.ObjectId[];
  createdBy: Types.ObjectId;
  startsAt: Date | null;
  status: QaStatus;
  moderated: boolean;
  allowAnonymous: boolean;
  /** Who may join by code without an account (issue 17); rows from before it read as `off`. */
  guests: QaGuestsMode;
  /** The session's language: its archive, analytics and export headings (old rows: Indonesian). */
  locale: Locale;
  joinCode: string;
  highlightedQuestion: Types.ObjectId | null;
  archiveThread: Types.ObjectId | null;
  /** Visible (approved + answered) questions, kept by atomic $inc as statuses change. */
  questionCount: number;
  answeredCount: number;
  startedAt: Date | null;
  endedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const qaSessionSchema = new Schema<QaSessionRecord>(
  {
    room: { type: Schema.Types.ObjectId, ref: "Room", required: true },
    title: { type: String, required: true, maxlength: QA_LIMITS.sessionTitle.max },
    description: { type: String, default: "", maxlength: QA_LIMITS.sessionDescription.max },
    hosts: { type: [Schema.Types.ObjectId], ref: "User", required: true },
    createdBy: { type: Schema.Types.ObjectId, ref: "User", required: true },
    startsAt: { type: Date, default: null },
    status: { type: String, enum: ["scheduled", "live", "ended"], default: "scheduled", required: true },
    moderated: { type: Boolean, required: true },
    allowAnonymous: { type: Boolean, required: true },
    guests: { type: String, enum: ["off", "watch", "participate"], default: "off" },
    locale: { type: String, enum: ["id", "en"], default: "id" },
    joinCode: { type: String, required: true },
    highlightedQuestion: { type: Schema.Types.ObjectId, ref: "Question", default: null },
    archiveThread: { type: Schema.Types.ObjectId, ref: "Thread", default: null },
    questionCount: { type: Number, default: 0 },
    answeredCount: { type: Number, default: 0 },
    startedAt: { type: Date, default: null },
    endedAt: { type: Date, default: null },
  },
  { timestamps: true, collection: "qasessions" },
);

// Join by code (`GET /qa/code/:code`), and the guarantee that two sessions never share one.
qaSessionSchema.index({ joinCode: 1 }, { unique: true });
// A room's sessions, newest first (`GET /rooms/:slug/qa`).
qaSessionSchema.index({ room: 1, createdAt: -1 });
// Sessions across rooms by status (`GET /qa?status`), sorted by start or end in the service.
qaSessionSchema.index({ status: 1, room: 1 });

export const QaSession: Model<QaSessionRecord> =
  (mongoose.models.QaSession as Model<QaSessionRecord> | undefined) ??
  mongoose.model<QaSessionRecord>("QaSession", qaSessionSchema);

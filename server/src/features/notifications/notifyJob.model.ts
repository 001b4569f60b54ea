import mongoose, { Schema, type Model, type Types } from "mongoose";

/**
 * The durable outbox between an event and its fan-out. A listener writes one row in the request that
 * caused the event (one small insert, whatever the audience); the worker (notify.worker.ts) claims
 * rows atomically with a lease and produces the notifications in batches. A row whose worker died
 * is claimed again when its lease ends; delivery is idempotent, so the replay adds nothing twice.
 */
export interface NotifyJobRecord {
  _id: Types.ObjectId;
  /** Unique per event (`post:<id>`, `mod:<id>`…): the same event queued twice is one job. */
  key: string;
  event: string;
  payload: Record<string, unknown>;
  status: "pending" | "done" | "failed";
  runAt: Date;
  lockedUntil: Date | null;
  attempts: number;
  lastError: string | null;
  createdAt: Date;
}

const jobSchema = new Schema<NotifyJobRecord>(
  {
    key: { type: String, required: true },
    event: { type: String, required: true },
    payload: { type: Schema.Types.Mixed, default: {} },
    status: { type: String, enum: ["pending", "done", "failed"], default: "pending" },
    runAt: { type: Date, required: true },
    lockedUntil: { type: Date, default: null },
    attempts: { type: Number, default: 0 },
    lastError: { type: String, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: "notifyjobs", minimize: false },
);

jobSchema.index({ key: 1 }, { unique: true });
// The claim: findOneAndUpdate({status:"pending", runAt:{$lte:now}, lockedUntil…}).sort({runAt:1}).
jobSchema.index({ status: 1, runAt: 1 });

export const NotifyJob: Model<NotifyJobRecord> =
  (mongoose.models.NotifyJob as Model<NotifyJobRecord> | undefined) ??
  mongoose.model<NotifyJobRecord>("NotifyJob", jobSchema);

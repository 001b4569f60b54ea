import mongoose, { Schema, type Model, type Types } from "mongoose";
import type { DigestFrequency } from "@rembuk/shared";

/** A person's email choices; no row means the defaults (mentions on, weekly digest). */
export interface NotifySettingsRecord {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  email: { mentions: boolean; digest: DigestFrequency };
  /** The last digest sent: the next one covers what came after. */
  digestSentAt: Date | null;
}

const settingsSchema = new Schema<NotifySettingsRecord>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    email: {
      mentions: { type: Boolean, default: true },
      digest: { type: String, enum: ["off", "daily", "weekly"], default: "weekly" },
    },
    digestSentAt: { type: Date, default: null },
  },
  { collection: "notifysettings" },
);

settingsSchema.index({ userId: 1 }, { unique: true });

export const NotifySettings: Model<NotifySettingsRecord> =
  (mongoose.models.NotifySettings as Model<NotifySettingsRecord> | undefined) ??
  mongoose.model<NotifySettingsRecord>("NotifySettings", settingsSchema);

export const DEFAULT_SETTINGS = { email: { mentions: true, digest: "weekly" as DigestFrequency } };

// Default import for runtime values: mongoose is CommonJS and `models` is not a detectable named export.
import mongoose, { Schema, type Model, type Types } from "mongoose";
import { LIMITS, type RoomVisibility } from "@rembuk/shared";
import type { StoredAffiliation } from "../users/index.js";

export interface LocalizedText {
  id: string;
  en: string;
}

export interface RoomRecord {
  _id: Types.ObjectId;
  slug: string;
  name: LocalizedText;
  description: LocalizedText;
  visibility: RoomVisibility;
  allowedAffiliations: StoredAffiliation[];
  moderators: Types.ObjectId[];
  slowModeSeconds: number;
  preModerated: boolean;
  createdBy: Types.ObjectId | null;
  createdAt: Date;
  updatedAt: Date;
}

const localized = (max: number) =>
  new Schema<LocalizedText>(
    { id: { type: String, default: "", maxlength: max }, en: { type: String, default: "", maxlength: max } },
    { _id: false },
  );

const affiliationSchema = new Schema<StoredAffiliation>(
  {
    kind: { type: String, enum: ["region", "agency"], required: true },
    code: { type: String, maxlength: 5 },
    name: { type: String, maxlength: LIMITS.agencyName.max },
  },
  { _id: false },
);

const roomSchema = new Schema<RoomRecord>(
  {
    slug: { type: String, required: true, maxlength: LIMITS.roomSlug.max },
    name: { type: localized(LIMITS.roomName.max), required: true },
    description: { type: localized(LIMITS.roomDescription.max), default: () => ({ id: "", en: "" }) },
    visibility: {
      type: String,
      enum: ["public", "members", "restricted"],
      required: true,
      default: "public",
    },
    allowedAffiliations: { type: [affiliationSchema], default: [] },
    moderators: { type: [Schema.Types.ObjectId], default: [] },
    slowModeSeconds: { type: Number, default: 0, min: 0 },
    preModerated: { type: Boolean, default: false },
    createdBy: { type: Schema.Types.ObjectId, default: null },
  },
  { timestamps: true, collection: "rooms" },
);

// GET /rooms/:slug and every slug lookup; uniqueness is enforced here (409 on create/rename), not by a
// prior read. The room list itself reads the whole (small) collection sorted by _id.
roomSchema.index({ slug: 1 }, { unique: true });
// Moderation scope: the rooms a user moderates by being listed, find({moderators: userId}) at every
// moderator's socket connection and dashboard request.
roomSchema.index({ moderators: 1 });

export const Room: Model<RoomRecord> = mongoose.models.Room ?? mongoose.model<RoomRecord>("Room", roomSchema);

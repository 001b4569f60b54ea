import mongoose, { Schema, type Model, type Types } from "mongoose";
import type { VerificationRequestStatus } from "@rembuk/shared";
import type { StoredAffiliation } from "./user.model.js";

/** A member's request to have a claim (title + affiliation) verified, with its evidence. */
export interface VerificationRequestRecord {
  _id: Types.ObjectId;
  userId: Types.ObjectId;
  title: string;
  affiliation: StoredAffiliation;
  officeKey: string | null;
  officialEmail: string | null;
  officialEmailConfirmedAt: Date | null;
  decree: { number: string; date: string } | null;
  note: string | null;
  status: VerificationRequestStatus;
  reason: string | null;
  decidedBy: Types.ObjectId | null;
  decidedAt: Date | null;
  createdAt: Date;
  updatedAt: Date;
}

const requestSchema = new Schema<VerificationRequestRecord>(
  {
    userId: { type: Schema.Types.ObjectId, required: true },
    title: { type: String, required: true, maxlength: 120 },
    affiliation: {
      type: new Schema<StoredAffiliation>(
        { kind: { type: String, required: true }, code: String, name: String },
        { _id: false },
      ),
      required: true,
    },
    officeKey: { type: String, default: null },
    officialEmail: { type: String, default: null, maxlength: 254 },
    officialEmailConfirmedAt: { type: Date, default: null },
    decree: {
      type: new Schema({ number: String, date: String }, { _id: false }),
      default: null,
    },
    note: { type: String, default: null, maxlength: 1000 },
    status: { type: String, enum: ["pending", "approved", "rejected", "cancelled"], required: true },
    reason: { type: String, default: null, maxlength: 500 },
    decidedBy: { type: Schema.Types.ObjectId, default: null },
    decidedAt: { type: Date, default: null },
  },
  { timestamps: true, collection: "verificationRequests" },
);

// The moderators' queue: find({status}).sort({_id:1}) (oldest waiting first).
requestSchema.index({ status: 1, _id: 1 });
// The member's latest request, and cancelling their pending ones: find({userId, status}).sort({_id:-1}).
requestSchema.index({ userId: 1, _id: -1 });
// Conflicts: other pending requests for the same office.
requestSchema.index({ officeKey: 1, status: 1 }, { sparse: true });

export const VerificationRequest: Model<VerificationRequestRecord> =
  mongoose.models.VerificationRequest ??
  mongoose.model<VerificationRequestRecord>("VerificationRequest", requestSchema);

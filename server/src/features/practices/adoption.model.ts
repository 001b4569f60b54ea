// Default import for runtime values: mongoose is CommonJS and `models` is not a detectable named export.
import mongoose, { Schema, type Model, type Types } from "mongoose";
import { ADOPTION_STAGES, PRACTICE_LIMITS, type AdoptionStage } from "@rembuk/shared";
import type { StoredAffiliation } from "../users/index.js";

export interface StoredAdoptionStep {
  stage: AdoptionStage;
  /** `YYYY-MM-DD`: when the step happened, as the adopter reports it. */
  date: string;
  note: string;
  /** When it was recorded. */
  at: Date;
  by: Types.ObjectId;
}

/**
 * One region's or agency's replication of a practice: a ledger entry that moves
 * interested → piloting → adopted, or to abandoned, keeping every step.
 */
export interface AdoptionRecord {
  _id: Types.ObjectId;
  /** The practice thread. */
  practice: Types.ObjectId;
  affiliation: StoredAffiliation;
  /** `region:33.73` or `agency:<lower-cased name>`: what "the same affiliation" means. */
  affiliationKey: string;
  /** The adopter's kabupaten/kota or province code (null for an agency), for region pages. */
  regionCode: string | null;
  provinceCode: string | null;
  /** Who declared it; they (and verified leaders of the same affiliation) move it forward. */
  adopter: Types.ObjectId;
  stage: AdoptionStage;
  /** `stage !== 'abandoned'`: the partial unique index below keys on it. */
  active: boolean;
  steps: StoredAdoptionStep[];
  createdAt: Date;
  updatedAt: Date;
}

const stepSchema = new Schema<StoredAdoptionStep>(
  {
    stage: { type: String, enum: ADOPTION_STAGES, required: true },
    date: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    note: { type: String, default: "", maxlength: PRACTICE_LIMITS.adoptionNote.max },
    at: { type: Date, required: true },
    by: { type: Schema.Types.ObjectId, ref: "User", required: true },
  },
  { _id: false },
);

const adoptionSchema = new Schema<AdoptionRecord>(
  {
    practice: { type: Schema.Types.ObjectId, ref: "Thread", required: true },
    affiliation: {
      kind: { type: String, enum: ["region", "agency"], required: true },
      code: { type: String, maxlength: 5 },
      name: { type: String, maxlength: 160 },
    },
    affiliationKey: { type: String, required: true, maxlength: 200 },
    regionCode: { type: String, default: null },
    provinceCode: { type: String, default: null },
    adopter: { type: Schema.Types.ObjectId, ref: "User", required: true },
    stage: { type: String, enum: ADOPTION_STAGES, required: true },
    active: { type: Boolean, required: true },
    steps: { type: [stepSchema], default: [] },
  },
  { timestamps: true, collection: "adoptions" },
);

// The ledger's rule "one active adoption per practice and affiliation", enforced by the database so
// two concurrent "Adopt" clicks cannot both succeed (E11000 → 409). Abandoned entries fall out of the
// index, so a region may try again later. (`active: true` rather than `stage: {$ne: …}`: MongoDB
// partial indexes accept equality, not `$ne`.)
adoptionSchema.index(
  { practice: 1, affiliationKey: 1 },
  { unique: true, partialFilterExpression: { active: true } },
);
// A practice's adoption timeline (GET /practices/:id/adoptions), newest first.
adoptionSchema.index({ practice: 1, updatedAt: -1 });
// Region pages: what a kabupaten/kota adopted (GET /regions/33.73).
adoptionSchema.index({ regionCode: 1, updatedAt: -1 });
// Region pages of a province: its own and its kabupaten/kota's adoptions (GET /regions/33).
adoptionSchema.index({ provinceCode: 1, updatedAt: -1 });

export const Adoption: Model<AdoptionRecord> =
  (mongoose.models.Adoption as Model<AdoptionRecord> | undefined) ??
  mongoose.model<AdoptionRecord>("Adoption", adoptionSchema);

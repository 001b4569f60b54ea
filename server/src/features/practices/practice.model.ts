// Default import for runtime values: mongoose is CommonJS and `models` is not a detectable named export.
import mongoose, { Schema, type Model, type Types } from "mongoose";
import {
  ADOPTION_STAGES,
  COST_SOURCES,
  PRACTICE_LIMITS,
  PRACTICE_STAGES,
  type AdoptionsByStage,
  type CostSource,
  type PracticeStage,
} from "@rembuk/shared";

export interface StoredResult {
  indicator: string;
  before: number;
  after: number;
  unit?: string | null;
}

export interface StoredSourcePost {
  postId: Types.ObjectId;
  seq: number;
}

/**
 * The structured record of a practice thread (one per thread). Directory filters and the ledger
 * counters live here; what belongs to the thread (title, room, status, featured, reply count) stays
 * on the thread and is joined in when listing.
 */
export interface PracticeRecord {
  _id: Types.ObjectId;
  thread: Types.ObjectId;
  room: Types.ObjectId;
  author: Types.ObjectId;
  problem: string;
  approach: string;
  results: StoredResult[];
  cost: { amount: number; source: CostSource };
  regionCode: string;
  /** Derived from `regionCode`, stored so the province filter is an index lookup. */
  provinceCode: string;
  sector: string;
  stage: PracticeStage;
  /** `YYYY-MM-DD`: a calendar date without a time zone, stored as written. */
  startDate: string;
  sdgs: number[];
  links: string[];
  contact: string | null;
  /** The practice thread this one was adapted from. */
  derivedFrom: Types.ObjectId | null;
  /** Posts of the discussion this record was promoted from. */
  sourcePosts: StoredSourcePost[];
  /** Adoptions not abandoned; changed only by atomic `$inc` in the same step as the ledger write. */
  adoptionCount: number;
  adoptionsByStage: AdoptionsByStage;
  /** 1 when created, +1 per edit (the history holds the earlier versions). */
  revision: number;
  createdAt: Date;
  updatedAt: Date;
}

const resultSchema = new Schema<StoredResult>(
  {
    indicator: { type: String, required: true, maxlength: PRACTICE_LIMITS.indicator.max },
    before: { type: Number, required: true },
    after: { type: Number, required: true },
    unit: { type: String, maxlength: PRACTICE_LIMITS.unit.max, default: null },
  },
  { _id: false },
);

const stageCounts = Object.fromEntries(ADOPTION_STAGES.map((s) => [s, { type: Number, default: 0 }]));

const practiceSchema = new Schema<PracticeRecord>(
  {
    thread: { type: Schema.Types.ObjectId, ref: "Thread", required: true },
    room: { type: Schema.Types.ObjectId, ref: "Room", required: true },
    author: { type: Schema.Types.ObjectId, ref: "User", required: true },
    problem: { type: String, required: true, maxlength: PRACTICE_LIMITS.problem.max },
    approach: { type: String, required: true, maxlength: PRACTICE_LIMITS.approach.max },
    results: { type: [resultSchema], default: [] },
    cost: {
      amount: { type: Number, required: true, min: 0, max: PRACTICE_LIMITS.costAmount.max },
      source: { type: String, enum: COST_SOURCES, required: true },
    },
    regionCode: { type: String, required: true, maxlength: 5 },
    provinceCode: { type: String, required: true, maxlength: 2 },
    sector: { type: String, required: true, maxlength: 5 },
    stage: { type: String, enum: PRACTICE_STAGES, required: true },
    startDate: { type: String, required: true, match: /^\d{4}-\d{2}-\d{2}$/ },
    sdgs: { type: [Number], default: [] },
    links: { type: [String], default: [] },
    contact: { type: String, default: null, maxlength: PRACTICE_LIMITS.contact.max },
    derivedFrom: { type: Schema.Types.ObjectId, ref: "Thread", default: null },
    sourcePosts: {
      type: [new Schema<StoredSourcePost>({ postId: Schema.Types.ObjectId, seq: Number }, { _id: false })],
      default: [],
    },
    adoptionCount: { type: Number, default: 0, min: 0 },
    adoptionsByStage: { type: new Schema(stageCounts, { _id: false }), default: () => ({}) },
    revision: { type: Number, default: 1 },
  },
  { timestamps: true, collection: "practices" },
);

// One record per thread; the threads feature reads it by thread id (GET /threads/:id, lists).
practiceSchema.index({ thread: 1 }, { unique: true });
// Directory filtered by province, newest first (GET /practices?province=33&sort=recent); region pages of a province.
practiceSchema.index({ provinceCode: 1, createdAt: -1 });
// Directory filtered by kabupaten/kota (GET /practices?region=33.73); region pages.
practiceSchema.index({ regionCode: 1, createdAt: -1 });
// Directory filtered by sector (GET /practices?sector=1.02).
practiceSchema.index({ sector: 1, createdAt: -1 });
// Directory sorted by most adopted (GET /practices?sort=adopted) and the hasAdoptions filter.
practiceSchema.index({ adoptionCount: -1, createdAt: -1 });
// Directory, unfiltered, newest first (GET /practices).
practiceSchema.index({ createdAt: -1 });
// Lineage: what grew from a practice (GET /practices/:id/lineage).
practiceSchema.index({ derivedFrom: 1 }, { partialFilterExpression: { derivedFrom: { $type: "objectId" } } });

export const Practice: Model<PracticeRecord> =
  (mongoose.models.Practice as Model<PracticeRecord> | undefined) ??
  mongoose.model<PracticeRecord>("Practice", practiceSchema);

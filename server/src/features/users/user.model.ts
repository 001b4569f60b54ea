// Default import for runtime values: mongoose is CommonJS and `models` is not a detectable named export.
import mongoose, { Schema, type Model, type Types } from "mongoose";
import type { Locale, Role } from "@rembuk/shared";
import { LIMITS } from "@rembuk/shared";

/** How an affiliation is stored: the shared `Affiliation` union flattened to one sub-document. */
export interface StoredAffiliation {
  kind: "region" | "agency";
  code?: string | null;
  name?: string | null;
}

export interface UserRecord {
  _id: Types.ObjectId;
  /** Lower-cased and trimmed by the shared `Email` schema before it gets here. */
  email: string;
  passwordHash: string;
  name: string;
  /** `name` lower-cased, so the admin search can use an index for case-insensitive prefixes. */
  nameLower: string;
  role: Role;
  affiliation: StoredAffiliation | null;
  title: string;
  /**
   * The current claim (title + affiliation) is verified. Cleared by any change to either, so it is
   * true only while the claim is the one a moderator checked (DESIGN.md §9).
   */
  verified: boolean;
  /** Where the claim stands for the member: `verified` mirrors `verified`. */
  verificationStatus: "none" | "pending" | "verified" | "rejected";
  /** Why a request was rejected or a verification revoked (shown to the member). */
  verificationReason: string | null;
  /** `officeKeyOf(title, affiliation)`: one verified holder per leadership office. */
  officeKey: string | null;
  /** The address was proved by its link; until then no mail but the confirmation is sent. */
  emailConfirmed: boolean;
  /** A new address waiting for its confirmation link. */
  pendingEmail: string | null;
  locale: Locale;
  suspendedUntil: Date | null;
  suspendReason: string | null;
  /**
   * Read baselines: posts written before `readAllAt` count as read everywhere, those before
   * `roomsReadAt[roomId]` in that room ("mark all read"; a new account's is its registration).
   * Absent on accounts from before: nothing counts as read without a per-thread mark.
   */
  readAllAt?: Date | null;
  roomsReadAt?: Record<string, Date> | null;
  createdAt: Date;
  updatedAt: Date;
}

const affiliationSchema = new Schema<StoredAffiliation>(
  {
    kind: { type: String, enum: ["region", "agency"], required: true },
    code: { type: String, maxlength: 5 },
    name: { type: String, maxlength: LIMITS.agencyName.max },
  },
  { _id: false },
);

const userSchema = new Schema<UserRecord>(
  {
    email: { type: String, required: true, maxlength: LIMITS.email.max },
    passwordHash: { type: String, required: true },
    name: { type: String, required: true, maxlength: LIMITS.name.max },
    nameLower: { type: String, required: true },
    role: { type: String, enum: ["admin", "moderator", "member"], required: true, default: "member" },
    affiliation: { type: affiliationSchema, default: null },
    title: { type: String, default: "", maxlength: LIMITS.title.max },
    verified: { type: Boolean, default: false },
    verificationStatus: {
      type: String,
      enum: ["none", "pending", "verified", "rejected"],
      default: "none",
    },
    verificationReason: { type: String, default: null, maxlength: 500 },
    officeKey: { type: String, default: null },
    emailConfirmed: { type: Boolean, default: false },
    pendingEmail: { type: String, default: null, maxlength: LIMITS.email.max },
    locale: { type: String, enum: ["id", "en"], default: "id" },
    suspendedUntil: { type: Date, default: null },
    suspendReason: { type: String, default: null, maxlength: LIMITS.suspendReason.max },
    readAllAt: { type: Date, default: null },
    // Keyed by room id; written only with `$set: {"roomsReadAt.<id>": date}` (markRoomRead).
    // No default: a null here would make MongoDB refuse the `$set` of a path inside it.
    roomsReadAt: { type: Schema.Types.Mixed },
  },
  { timestamps: true, collection: "users" },
);

// Login and registration: findOne({email}); uniqueness is enforced here (409 EMAIL_TAKEN), never by
// a prior lookup, so two concurrent registrations cannot both succeed.
userSchema.index({ email: 1 }, { unique: true });
// Admin list: find({nameLower: /^prefix/}) sorted by _id desc (case-insensitive name search).
userSchema.index({ nameLower: 1, _id: -1 });
// Admin list filtered by role, newest first: find({role}).sort({_id:-1}); also "who are the admins".
userSchema.index({ role: 1, _id: -1 });
// Region pages: the people of a province or kabupaten/kota (`affiliation.code` $in the region's codes).
userSchema.index({ "affiliation.code": 1 }, { sparse: true });

// The queue's conflicts: find({officeKey}) (everyone claiming the office).
userSchema.index({ officeKey: 1, _id: 1 }, { sparse: true });
// One verified holder per leadership office, enforced by the database: two moderators approving
// two claimants at once cannot both succeed (the second write is a duplicate key → 409).
userSchema.index(
  { officeKey: 1 },
  { unique: true, partialFilterExpression: { verified: true, officeKey: { $type: "string" } } },
);

// Created once: test runners and `tsx watch` may evaluate this module again in the same process.
export const User: Model<UserRecord> = mongoose.models.User ?? mongoose.model<UserRecord>("User", userSchema);

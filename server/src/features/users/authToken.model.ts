import mongoose, { Schema, type Model, type Types } from "mongoose";

/**
 * Single-use tokens sent in mail links. Only the SHA-256 of the token is stored: a copy of the
 * database does not let anyone follow a link. The token itself is 32 random bytes (256 bits).
 */
export type TokenKind = "confirm-email" | "change-email" | "reset-password" | "official-email";

export interface AuthTokenRecord {
  _id: Types.ObjectId;
  kind: TokenKind;
  tokenHash: string;
  userId: Types.ObjectId;
  /** change-email: the new address; official-email: the address being confirmed. */
  email: string | null;
  /** official-email: the verification request it belongs to. */
  requestId: Types.ObjectId | null;
  expiresAt: Date;
  usedAt: Date | null;
  createdAt: Date;
}

const authTokenSchema = new Schema<AuthTokenRecord>(
  {
    kind: { type: String, required: true },
    tokenHash: { type: String, required: true },
    userId: { type: Schema.Types.ObjectId, required: true },
    email: { type: String, default: null },
    requestId: { type: Schema.Types.ObjectId, default: null },
    expiresAt: { type: Date, required: true },
    usedAt: { type: Date, default: null },
  },
  { timestamps: { createdAt: true, updatedAt: false }, collection: "authTokens" },
);

// Redeeming a link: findOneAndUpdate({tokenHash, usedAt:null, expiresAt>now}); unique so a hash
// names one token.
authTokenSchema.index({ tokenHash: 1 }, { unique: true });
// A new reset link or a password change voids the user's earlier ones: updateMany({userId, kind}).
authTokenSchema.index({ userId: 1, kind: 1 });

export const AuthToken: Model<AuthTokenRecord> =
  mongoose.models.AuthToken ?? mongoose.model<AuthTokenRecord>("AuthToken", authTokenSchema);

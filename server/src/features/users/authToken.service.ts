import { createHash, randomBytes } from "node:crypto";
import { Types } from "mongoose";
import { AppError } from "../../lib/errors.js";
import { AuthToken, type AuthTokenRecord, type TokenKind } from "./authToken.model.js";

/** How long each kind of link works. */
export const TOKEN_TTL_SECONDS: Record<TokenKind, number> = {
  "reset-password": 60 * 60,
  "confirm-email": 48 * 60 * 60,
  "change-email": 48 * 60 * 60,
  "official-email": 48 * 60 * 60,
};

/** 32 random bytes: 256 bits, far beyond guessing; base64url so it travels in a URL as-is. */
export const TOKEN_BYTES = 32;

export const hashToken = (token: string) => createHash("sha256").update(token).digest("hex");

export const invalidToken = () =>
  new AppError("INVALID_TOKEN", 400, "This link is invalid, was already used or has expired");

/** Issue a token; the caller mails it. Earlier unused tokens of the same kind for the user are voided. */
export async function issueToken(
  kind: TokenKind,
  userId: Types.ObjectId | string,
  extra: { email?: string; requestId?: Types.ObjectId | string } = {},
): Promise<string> {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  const now = new Date();
  const user = new Types.ObjectId(String(userId));
  await AuthToken.updateMany({ userId: user, kind, usedAt: null }, { $set: { usedAt: now } });
  await AuthToken.create({
    kind,
    tokenHash: hashToken(token),
    userId: user,
    email: extra.email ?? null,
    requestId: extra.requestId ? new Types.ObjectId(String(extra.requestId)) : null,
    expiresAt: new Date(now.getTime() + TOKEN_TTL_SECONDS[kind] * 1000),
  });
  return token;
}

/**
 * Spend a token: one atomic compare-and-set, so two clicks racing redeem it once. Unknown, used and
 * expired tokens are one answer (400 INVALID_TOKEN).
 */
export async function redeemToken(token: string, kinds: readonly TokenKind[]): Promise<AuthTokenRecord> {
  const now = new Date();
  const doc = await AuthToken.findOneAndUpdate(
    { tokenHash: hashToken(token), kind: { $in: [...kinds] }, usedAt: null, expiresAt: { $gt: now } },
    { $set: { usedAt: now } },
    { returnDocument: "after" },
  ).lean();
  if (!doc) throw invalidToken();
  return doc;
}

/** Void every unused token of these kinds for a user (a password change voids reset links). */
export async function voidTokens(userId: string, kinds: readonly TokenKind[]): Promise<void> {
  await AuthToken.updateMany(
    { userId: new Types.ObjectId(userId), kind: { $in: [...kinds] }, usedAt: null },
    { $set: { usedAt: new Date() } },
  );
}

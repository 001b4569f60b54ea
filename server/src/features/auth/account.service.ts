import type {
  ConfirmedKind,
  EmailChangeInput,
  PasswordChangeInput,
  PublicUserDto,
  ResetInput,
  UserDto,
} from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { conflict, notFound, unauthenticated } from "../../lib/errors.js";
import { logger } from "../../lib/logger.js";
import { consume } from "../../lib/rateLimit.js";
import { enqueueMail, mailLink } from "../mail/index.js";
import {
  toActor,
  publishSelf,
  User,
  type UserRecord,
  PRESENTABLE_FIELDS,
  presentPublicUser,
  presentSelf,
  hashPassword,
  verifyPassword,
  confirmOfficialEmail,
  issueToken,
  redeemToken,
  voidTokens,
} from "../users/index.js";
import { endOtherSessions } from "./sessions.service.js";
import { invalidCredentials } from "./auth.service.js";

/**
 * Account self-service (DESIGN.md §9). Links travel by mail (features/mail), tokens are single-use
 * and stored hashed (authToken.service.ts). Until its address is confirmed an account receives
 * only the mail that proves an address (confirmation, password reset: following a reset link
 * proves the mailbox too, so it also confirms the address).
 */

type MailUser = Pick<UserRecord, "_id" | "email" | "locale" | "name">;

export async function sendConfirmation(u: MailUser): Promise<void> {
  const token = await issueToken("confirm-email", u._id, { email: u.email });
  await enqueueMail(
    "confirm-email",
    { email: u.email, locale: u.locale, name: u.name, userId: u._id },
    { link: mailLink("/confirm-email", token) },
  );
}

/** `POST /auth/confirm-email/resend`: a new link (the old one stops working). */
export async function resendConfirmation(actor: Actor, address: string): Promise<void> {
  const u = await User.findById(actor.id, { email: 1, locale: 1, name: 1, emailConfirmed: 1 }).lean();
  if (!u) throw unauthenticated();
  await consume("mailAddress", address);
  await consume("mailRecipient", u.email);
  if (!u.emailConfirmed) await sendConfirmation(u);
}

/**
 * `POST /auth/confirm-email {token}`: whichever address the link was sent to is proved: the
 * account's own, a new one it asked to move to, or an official one named in a verification request.
 */
export async function confirmEmail(
  viewer: Actor | null,
  token: string,
): Promise<{ user: UserDto | PublicUserDto; confirmed: ConfirmedKind }> {
  const t = await redeemToken(token, ["confirm-email", "change-email", "official-email"]);
  let confirmed: ConfirmedKind = "email";
  if (t.kind === "confirm-email") {
    await User.updateOne({ _id: t.userId, email: t.email ?? "" }, { $set: { emailConfirmed: true } });
  } else if (t.kind === "change-email") {
    confirmed = "newEmail";
    try {
      await User.updateOne(
        { _id: t.userId, pendingEmail: t.email },
        { $set: { email: t.email, pendingEmail: null, emailConfirmed: true } },
      );
    } catch (err) {
      if (isDuplicateKeyError(err, "email"))
        throw conflict("An account with this email already exists", "EMAIL_TAKEN", {
          email: ["An account with this email already exists"],
        });
      throw err;
    }
  } else {
    confirmed = "officialEmail";
    await confirmOfficialEmail(t);
  }
  const u = await User.findById(t.userId, PRESENTABLE_FIELDS).lean();
  if (!u) throw notFound("User");
  publishSelf(u);
  return {
    user: viewer?.id === u._id.toString() ? presentSelf(u) : presentPublicUser(u),
    confirmed,
  };
}

/**
 * `POST /auth/forgot {email}`: the caller gets 202 at once, before the address is even looked up,
 * so the answer and its timing are the same for known and unknown emails. The budgets (per client
 * address and per address asked for) are spent up front, identically for both.
 */
export async function forgotPassword(email: string, address: string): Promise<void> {
  await consume("mailAddress", address);
  await consume("mailRecipient", email);
  setImmediate(() => {
    void sendReset(email).catch((err: unknown) =>
      logger.error({ err }, "forgot: could not queue the reset mail"),
    );
  });
}

async function sendReset(email: string): Promise<void> {
  const u = await User.findOne({ email }, { email: 1, locale: 1, name: 1 }).lean();
  if (!u) return;
  const token = await issueToken("reset-password", u._id);
  await enqueueMail(
    "reset-password",
    { email: u.email, locale: u.locale, name: u.name, userId: u._id },
    { link: mailLink("/reset-password", token) },
  );
}

/**
 * `POST /auth/reset {token, password}`: the new password, every session of the user ended (the
 * route then signs this browser in afresh), earlier reset links voided.
 */
export async function resetPassword(input: ResetInput): Promise<Actor> {
  const t = await redeemToken(input.token, ["reset-password"]);
  const passwordHash = await hashPassword(input.password);
  const u = await User.findByIdAndUpdate(
    t.userId,
    { $set: { passwordHash, emailConfirmed: true } },
    {
      returnDocument: "after",
      projection: { role: 1, name: 1, verified: 1, affiliation: 1, suspendedUntil: 1 },
    },
  ).lean();
  if (!u) throw notFound("User");
  await voidTokens(u._id.toString(), ["reset-password"]);
  await endOtherSessions(u._id.toString(), null);
  return toActor(u);
}

async function checkPassword(actor: Actor, password: string): Promise<UserRecord> {
  const u = await User.findById(actor.id).lean();
  if (!u) throw unauthenticated();
  if (!(await verifyPassword(u.passwordHash, password))) throw invalidCredentials();
  return u;
}

/** `POST /auth/password {current, password}`: other sessions signed out, this one kept. */
export async function changePassword(
  actor: Actor,
  input: PasswordChangeInput,
  sessionId: string,
): Promise<void> {
  const u = await checkPassword(actor, input.current);
  await User.updateOne({ _id: u._id }, { $set: { passwordHash: await hashPassword(input.password) } });
  await voidTokens(actor.id, ["reset-password"]);
  await endOtherSessions(actor.id, sessionId);
  if (u.emailConfirmed)
    await enqueueMail(
      "password-changed",
      { email: u.email, locale: u.locale, name: u.name, userId: u._id },
      {},
    );
}

/**
 * `POST /auth/email {email, password}`: the new address gets a link; the account keeps its old one
 * until the link is followed (`pendingEmail` meanwhile).
 */
export async function requestEmailChange(
  actor: Actor,
  input: EmailChangeInput,
  address: string,
): Promise<void> {
  const u = await checkPassword(actor, input.password);
  if (input.email === u.email) throw conflict("This is already your email address");
  if (await User.exists({ email: input.email }))
    throw conflict("An account with this email already exists", "EMAIL_TAKEN", {
      email: ["An account with this email already exists"],
    });
  await consume("mailAddress", address);
  await consume("mailRecipient", input.email);
  await User.updateOne({ _id: u._id }, { $set: { pendingEmail: input.email } });
  const token = await issueToken("change-email", u._id, { email: input.email });
  await enqueueMail(
    "change-email",
    { email: input.email, locale: u.locale, name: u.name, userId: u._id },
    { link: mailLink("/confirm-email", token) },
  );
}

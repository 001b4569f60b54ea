import type { LoginInput, RegisterInput } from "@rembuk/shared";
import { activeSuspension, type Actor } from "../../lib/actor.js";
import { AppError, suspended } from "../../lib/errors.js";
import { consume } from "../../lib/rateLimit.js";
import { disconnectRoom, publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { toActor, User, createUser, burnPasswordCheck, verifyPassword } from "../users/index.js";
import { assertMayTry, recordLoginFailure, recordLoginSuccess } from "./loginThrottle.js";

/** One body for a wrong password and an unknown email, so the answer reveals nothing. */
export const invalidCredentials = () =>
  new AppError("INVALID_CREDENTIALS", 401, "Email or password is incorrect");

/** `POST /auth/register`: a new member account (the caller then signs it in). */
export async function register(input: RegisterInput, address: string): Promise<Actor> {
  await consume("register", address);
  // A newcomer starts with everything read: the forum's history is not "new" to them, only what is
  // written after they joined (otherwise every thread shows "1 baru" on the first visit).
  const readAllAt = new Date();
  return toActor(
    await createUser({ email: input.email, password: input.password, name: input.name, readAllAt }),
  );
}

/**
 * Check an email and password (the local strategy), behind the login throttle (loginThrottle.ts):
 * failures slow the failing address and account+address pair, never the account everywhere.
 * Unknown emails cost the same hashing work and give the same answer as wrong passwords. A
 * suspended user learns of the suspension only after proving the password.
 */
export async function authenticatePassword(input: LoginInput, address: string): Promise<Actor> {
  await assertMayTry(input.email, address);
  const user = await User.findOne(
    { email: input.email },
    { passwordHash: 1, role: 1, name: 1, verified: 1, affiliation: 1, suspendedUntil: 1 },
  ).lean();
  const ok = user
    ? await verifyPassword(user.passwordHash, input.password)
    : await burnPasswordCheck(input.password).then(() => false);
  if (!user || !ok) {
    await recordLoginFailure(input.email, address);
    throw invalidCredentials();
  }
  await recordLoginSuccess(input.email, address);
  const until = activeSuspension(user);
  if (until) throw suspended(until);
  return toActor(user);
}

/**
 * After a session ended (logout): tell its sockets why, then disconnect exactly them, on every
 * server process. Other sessions of the same user stay connected.
 */
export function endSessionSockets(sessionId: string, reason: "logout" | "suspended"): void {
  publish(rooms.session(sessionId), "session:ended", { reason });
  disconnectRoom(rooms.session(sessionId));
}

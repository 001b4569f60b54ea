import type { Request, Response } from "express";
import { authCommands } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import type { Config } from "../../config.js";
import { unauthenticated } from "../../lib/errors.js";
import { SESSION_COOKIE, sessionCookieOptions } from "../../lib/http/session.js";
import { handle, reply, type Transport } from "../../lib/commands/handle.js";
import { getSelf } from "../users/user.service.js";
import { passport } from "./auth.passport.js";
import { endSessionSockets, invalidCredentials, register } from "./auth.service.js";
import {
  changePassword,
  confirmEmail,
  forgotPassword,
  requestEmailChange,
  resendConfirmation,
  resetPassword,
  sendConfirmation,
} from "./account.service.js";
import { endOtherSessions, forgetSession, listSessions, recordSession } from "./sessions.service.js";
import { User } from "../users/user.model.js";

/** Run a named passport strategy and resolve with the actor it authenticated. */
function authenticate(strategy: string, req: Request, res: Response): Promise<Actor> {
  return new Promise((resolve, reject) => {
    const handler = passport.authenticate(
      strategy,
      { session: false },
      (err: unknown, user: Express.User | false) => {
        if (err) reject(err);
        else if (!user) reject(invalidCredentials());
        else resolve(user);
      },
    );
    handler(req, res, reject);
  });
}

/**
 * Start a login session: passport regenerates the session id first (no session fixation); the
 * session is then listed under its user ("my active sessions").
 */
async function signIn(req: Request, actor: Actor): Promise<void> {
  await new Promise<void>((resolve, reject) =>
    req.login(actor, (err: unknown) => (err ? reject(err) : resolve())),
  );
  // Saved now, so the session exists in the store before anyone lists or ends it.
  await new Promise<void>((resolve, reject) =>
    req.session.save((err: unknown) => (err ? reject(err) : resolve())),
  );
  await recordSession(req.session.id, actor.id, req.get("user-agent"));
}

const addressOf = (req: Request) => req.ip ?? "unknown";

function destroySession(req: Request): Promise<void> {
  return new Promise((resolve, reject) =>
    req.session.destroy((err: unknown) => (err ? reject(err) : resolve())),
  );
}

async function selfDto(actor: Actor) {
  const user = await getSelf(actor.id);
  if (!user) throw unauthenticated();
  return user;
}

/** The request behind an auth command: signing in needs the session and passport. */
function httpOf(transport: Transport): { req: Request; res: Response } {
  if (transport.kind !== "http") throw new Error("auth commands are HTTP only");
  return transport;
}

/** DESIGN.md §5 and §9 auth endpoints (shared/src/commands/auth.ts). */
export function authHandlers(config: Config) {
  return [
    handle(authCommands.register, async (input, { transport }) => {
      const { req } = httpOf(transport);
      const actor = await register(input, addressOf(req));
      await signIn(req, actor);
      const created = await User.findById(actor.id, { email: 1, locale: 1, name: 1 }).lean();
      if (created) await sendConfirmation(created);
      return { user: await selfDto(actor) };
    }),
    handle(authCommands.login, async (_input, { transport }) => {
      // The input was parsed first, so operator payloads and missing fields are a 400, not a 401.
      const { req, res } = httpOf(transport);
      const actor = await authenticate("local", req, res);
      await signIn(req, actor);
      return { user: await selfDto(actor) };
    }),
    handle(authCommands.logout, async (_input, { actor, transport }) => {
      const { req, res } = httpOf(transport);
      const sessionId = req.session.id;
      await destroySession(req);
      await forgetSession(sessionId);
      res.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
      if (actor) endSessionSockets(sessionId, "logout");
      return undefined;
    }),
    handle(authCommands.me, async (_input, { member }) => ({ user: await selfDto(member()) })),
    handle(authCommands.confirmEmail, async ({ token }, { actor }) => confirmEmail(actor, token)),
    handle(authCommands.resendConfirmation, async (_input, { member, transport }) => {
      await resendConfirmation(member(), addressOf(httpOf(transport).req));
      return { ok: true as const };
    }),
    // Same answer, same timing, known or unknown email: the work happens after the response.
    handle(authCommands.forgot, async ({ email }, { transport }) => {
      await forgotPassword(email, addressOf(httpOf(transport).req));
      return { ok: true as const };
    }),
    handle(authCommands.reset, async (input, { transport }) => {
      const actor = await resetPassword(input);
      await signIn(httpOf(transport).req, actor);
      return { user: await selfDto(actor) };
    }),
    handle(authCommands.changePassword, async (input, { member, transport }) => {
      const actor = member();
      await changePassword(actor, input, httpOf(transport).req.session.id);
      return { user: await selfDto(actor) };
    }),
    handle(authCommands.changeEmail, async (input, { member, transport }) => {
      await requestEmailChange(member(), input, addressOf(httpOf(transport).req));
      return { ok: true as const };
    }),
    handle(authCommands.sessions, async (_input, { member, transport }) => ({
      sessions: await listSessions(member().id, httpOf(transport).req.session.id),
    })),
    handle(authCommands.endOtherSessions, async (_input, { member, transport }) => {
      await endOtherSessions(member().id, httpOf(transport).req.session.id);
      return reply(204, undefined);
    }),
  ];
}

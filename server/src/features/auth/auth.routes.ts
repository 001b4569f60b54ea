import { Router, type Request, type Response } from "express";
import {
  ConfirmEmailInput,
  EmailChangeInput,
  ForgotInput,
  LoginInput,
  PasswordChangeInput,
  RegisterInput,
  ResetInput,
} from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import type { Config } from "../../config.js";
import { unauthenticated } from "../../lib/errors.js";
import { SESSION_COOKIE, sessionCookieOptions } from "../../lib/http/session.js";
import { actorOf, limit, requireActor, requireAuth } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import { getSelf, User } from "../users/index.js";
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

/** DESIGN.md §5 auth endpoints. */
export function authRouter(config: Config): Router {
  const router = Router();

  router.post(
    "/auth/register",
    validate(RegisterInput, "body", async (input, req, res) => {
      const actor = await register(input, req.ip ?? "unknown");
      await signIn(req, actor);
      const created = await User.findById(actor.id, { email: 1, locale: 1, name: 1 }).lean();
      if (created) await sendConfirmation(created);
      res.status(201).json({ user: await selfDto(actor) });
    }),
  );

  router.post(
    "/auth/login",
    // Parsed here first so operator payloads and missing fields are a 400 VALIDATION, not a 401.
    validate(LoginInput, "body", async (_input, req, res) => {
      const actor = await authenticate("local", req, res);
      await signIn(req, actor);
      res.json({ user: await selfDto(actor) });
    }),
  );

  router.post("/auth/logout", async (req, res) => {
    const sessionId = req.session.id;
    const signedIn = actorOf(res) !== null;
    await destroySession(req);
    await forgetSession(sessionId);
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
    if (signedIn) endSessionSockets(sessionId, "logout");
    res.status(204).end();
  });

  router.get("/auth/me", async (_req, res) => {
    res.json({ user: await selfDto(requireActor(res)) });
  });

  router.post(
    "/auth/confirm-email",
    limit("write"),
    validate(ConfirmEmailInput, "body", async (input, _req, res) => {
      res.json(await confirmEmail(actorOf(res), input.token));
    }),
  );

  router.post("/auth/confirm-email/resend", requireAuth, limit("write"), async (req, res) => {
    await resendConfirmation(requireActor(res), addressOf(req));
    res.status(202).json({ ok: true });
  });

  // Same answer, same timing, known or unknown email: the work happens after the response.
  router.post(
    "/auth/forgot",
    validate(ForgotInput, "body", async (input, req, res) => {
      await forgotPassword(input.email, addressOf(req));
      res.status(202).json({ ok: true });
    }),
  );

  router.post(
    "/auth/reset",
    limit("write"),
    validate(ResetInput, "body", async (input, req, res) => {
      const actor = await resetPassword(input);
      await signIn(req, actor);
      res.json({ user: await selfDto(actor) });
    }),
  );

  router.post(
    "/auth/password",
    requireAuth,
    limit("write"),
    validate(PasswordChangeInput, "body", async (input, req, res) => {
      const actor = requireActor(res);
      await changePassword(actor, input, req.session.id);
      res.json({ user: await selfDto(actor) });
    }),
  );

  router.post(
    "/auth/email",
    requireAuth,
    limit("write"),
    validate(EmailChangeInput, "body", async (input, req, res) => {
      await requestEmailChange(requireActor(res), input, addressOf(req));
      res.status(202).json({ ok: true });
    }),
  );

  router.get("/auth/sessions", requireAuth, async (req, res) => {
    res.json({ sessions: await listSessions(requireActor(res).id, req.session.id) });
  });

  router.delete("/auth/sessions/others", requireAuth, limit("write"), async (req, res) => {
    await endOtherSessions(requireActor(res).id, req.session.id);
    res.status(204).end();
  });

  return router;
}

import { Router, type Request, type Response } from "express";
import { LoginInput, RegisterInput } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import type { Config } from "../../config.js";
import { unauthenticated } from "../../lib/errors.js";
import { SESSION_COOKIE, sessionCookieOptions } from "../../lib/http/session.js";
import { actorOf, requireActor } from "../../lib/http/requireAuth.js";
import { validate } from "../../lib/http/validate.js";
import { getSelf } from "../users/user.service.js";
import { passport } from "./auth.passport.js";
import { endSessionSockets, invalidCredentials, register } from "./auth.service.js";

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

/** Start a login session: passport regenerates the session id first (no session fixation). */
function signIn(req: Request, actor: Actor): Promise<void> {
  return new Promise((resolve, reject) =>
    req.login(actor, (err: unknown) => (err ? reject(err) : resolve())),
  );
}

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
    res.clearCookie(SESSION_COOKIE, sessionCookieOptions(config));
    if (signedIn) endSessionSockets(sessionId, "logout");
    res.status(204).end();
  });

  router.get("/auth/me", async (_req, res) => {
    res.json({ user: await selfDto(requireActor(res)) });
  });

  return router;
}

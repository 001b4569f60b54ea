import type { RequestHandler, Response } from "express";
import type { Actor } from "../actor.js";
import { unauthenticated } from "../errors.js";
import { consume, type LimitName } from "../rateLimit.js";

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace -- Express's own extension point
  namespace Express {
    /** Passport's `req.user` is the actor loaded by deserializeUser (features/auth/auth.passport.ts). */
    // eslint-disable-next-line @typescript-eslint/no-empty-object-type -- merging, not a new type
    interface User extends Actor {}
    interface Locals {
      /** Set by `attachActor` on every /api request: `null` for guests. */
      actor?: Actor | null;
    }
  }
}

/**
 * How routes learn who is calling. Mounted once on /api after `passport.session()`:
 *
 *   router.post("/things", requireAuth, limit("write"), validate(ThingInput, "body", async (input, _req, res) => {
 *     res.status(201).json({ thing: await createThing(requireActor(res), input) });
 *   }));
 *
 * Routes pass the actor to the service, which authorises with `assertCan`; these helpers only say
 * who, never what they may do.
 */
export const attachActor: RequestHandler = (req, res, next) => {
  res.locals.actor = req.user ?? null;
  next();
};

/** The caller, or `null` for a guest. */
export function actorOf(res: Response): Actor | null {
  return res.locals.actor ?? null;
}

/** The caller, or throw 401 UNAUTHENTICATED. */
export function requireActor(res: Response): Actor {
  const actor = actorOf(res);
  if (!actor) throw unauthenticated();
  return actor;
}

/** Middleware form of `requireActor`, for routers where every route needs a signed-in caller. */
export const requireAuth: RequestHandler = (_req, res, next) => {
  next(actorOf(res) ? undefined : unauthenticated());
};

/**
 * Spend one point of a named budget (lib/rateLimit.ts) per request: keyed by the actor, or by the
 * client address for guests. Every write route carries `limit("write")`, sharing the budget with
 * the socket commands (defineHandler) so switching transport buys nothing.
 */
export function limit(name: LimitName): RequestHandler {
  return async (req, res, next) => {
    const actor = actorOf(res);
    await consume(name, actor ? actor.id : `ip:${req.ip ?? "unknown"}`);
    next();
  };
}

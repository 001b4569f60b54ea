import passport from "passport";
import { ObjectIdString } from "@rembuk/shared";
import { loadActor } from "../users/index.js";
import { localStrategy } from "./strategies/local.js";

/**
 * Passport holds only the user id in the session and reloads the actor on every request, so role
 * changes and suspensions apply immediately; a deleted user's session simply becomes a guest's.
 *
 * Strategies live in ./strategies, one file each, registered here under a name the routes use.
 * A government single sign-on (OpenID Connect) would be `strategies/oidc.ts` registered as "oidc",
 * plus two routes (`GET /auth/oidc` redirecting out, `GET /auth/oidc/callback` ending in the same
 * `signIn` as the password login); nothing else changes.
 */
passport.use("local", localStrategy());

passport.serializeUser((user, done) => done(null, user.id));

passport.deserializeUser((id: unknown, done) => {
  const parsed = ObjectIdString.safeParse(id);
  if (!parsed.success) return done(null, false);
  loadActor(parsed.data).then((actor) => done(null, actor ?? false), done);
});

export { passport };

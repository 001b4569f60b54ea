import { LoginInput } from "@rembuk/shared";
import { Strategy as LocalStrategy } from "passport-local";
import { parseOrThrow } from "../../../lib/zodErrors.js";
import { authenticatePassword } from "../auth.service.js";

/**
 * Email + password. The route has already parsed the body, but the strategy parses again so it is
 * safe on its own (passport-local would otherwise hand raw body values, e.g. `{"$gt":""}`, onward).
 * Errors (INVALID_CREDENTIALS, RATE_LIMITED, SUSPENDED) travel as AppErrors to the route.
 */
export function localStrategy(): LocalStrategy {
  return new LocalStrategy(
    { usernameField: "email", passwordField: "password", passReqToCallback: true, session: true },
    (req, _email, _password, done) => {
      Promise.resolve()
        .then(() => authenticatePassword(parseOrThrow(LoginInput, req.body), req.ip ?? "unknown"))
        .then((actor) => done(null, actor), done);
    },
  );
}

import type { id } from "./messages.id";

export const en: Record<keyof typeof id, string> = {
  "auth.email": "Email",
  "auth.password": "Password",
  "auth.name": "Full name",
  "auth.name.hint": "The name your colleagues will see on Rembuk.",
  "auth.password.hint": "At least {min} characters.",

  "auth.login.pageTitle": "Sign in",
  "auth.login.title": "Sign in to Rembuk",
  "auth.login.lead": "Keep sharing and learning from other regions' good practices.",
  "auth.login.submit": "Sign in",
  "auth.login.noAccount": "No account yet?",
  "auth.login.toRegister": "Register now",
  "auth.login.invalid": "Incorrect email or password. Please check and try again.",
  "auth.login.rateLimited":
    "Too many failed sign-ins from this address, so further attempts are slowed down. Try again in {duration} (around {time}), or choose a new password through “Forgot password?”.",
  "auth.login.rateLimitedLater":
    "Too many failed sign-ins from this address. Try again in a little while, or choose a new password through “Forgot password?”.",
  "auth.login.suspendedUntil": "Your account is suspended until {date}.",

  "auth.register.pageTitle": "Register",
  "auth.register.title": "Join Rembuk",
  "auth.register.lead":
    "A place for regional leaders, agency heads and civil servants to share practices that worked.",
  "auth.register.submit": "Create account",
  "auth.register.haveAccount": "Already have an account?",
  "auth.register.toLogin": "Sign in",
  "auth.register.emailTaken": "This email is already registered. Sign in or use another email.",
  "auth.register.privacy": "Your email is never shown to other users.",

  "auth.toast.welcome": "Welcome back, {name}.",
  "auth.toast.registered": "Your account is ready. Welcome aboard, {name}!",
  "auth.toast.sessionEnded": "Your session has ended. Please sign in again.",
  "auth.toast.sessionExpired": "Your session has expired. Please sign in again.",
  "auth.toast.suspended": "Your account has been suspended, so you have been signed out.",
};

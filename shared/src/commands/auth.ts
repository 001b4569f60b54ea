import { z } from "zod";
import { LoginInput, RegisterInput } from "../schemas/auth.js";
import {
  AcceptedDto,
  ConfirmEmailInput,
  ConfirmedKind,
  EmailChangeInput,
  ForgotInput,
  PasswordChangeInput,
  ResetInput,
  SessionDto,
} from "../schemas/accounts.js";
import { UserDto, UserViewDto } from "../schemas/users.js";
import { defineCommand } from "./define.js";

const Self = z.object({ user: UserDto });
const Nothing = z.undefined();

/** Signing in and out, and account self-service (DESIGN.md §5, §9). REST only: none is hot. */
export const authCommands = {
  register: defineCommand({
    name: "auth.register",
    summary: "Create an account and sign in; a confirmation link is mailed",
    input: RegisterInput,
    output: Self,
    auth: "anyone",
    // The service spends the per-address `register` budget itself, after validation.
    limit: null,
    errors: ["EMAIL_TAKEN"],
    http: { method: "POST", path: "/auth/register", status: 201 },
  }),
  login: defineCommand({
    name: "auth.login",
    summary: "Sign in with email and password (throttled per address and account)",
    input: LoginInput,
    output: Self,
    auth: "anyone",
    limit: null,
    errors: ["INVALID_CREDENTIALS"],
    http: { method: "POST", path: "/auth/login" },
  }),
  logout: defineCommand({
    name: "auth.logout",
    summary: "End this session (204 for guests too)",
    input: z.object({}),
    output: Nothing,
    auth: "anyone",
    limit: null,
    http: { method: "POST", path: "/auth/logout", status: 204 },
  }),
  me: defineCommand({
    name: "auth.me",
    summary: "Who is signed in",
    input: z.object({}),
    output: Self,
    auth: "member",
    http: { method: "GET", path: "/auth/me" },
  }),
  confirmEmail: defineCommand({
    name: "auth.confirmEmail",
    summary: "Confirm an address with the token from its mail link",
    input: ConfirmEmailInput,
    output: z.object({ user: UserViewDto, confirmed: ConfirmedKind }),
    auth: "anyone",
    errors: ["INVALID_TOKEN"],
    http: { method: "POST", path: "/auth/confirm-email" },
  }),
  resendConfirmation: defineCommand({
    name: "auth.resendConfirmation",
    summary: "Mail the confirmation link again",
    input: z.object({}),
    output: AcceptedDto,
    http: { method: "POST", path: "/auth/confirm-email/resend", status: 202 },
  }),
  forgot: defineCommand({
    name: "auth.forgot",
    summary: "Mail a password-reset link; the same answer whether or not the address has an account",
    input: ForgotInput,
    output: AcceptedDto,
    auth: "anyone",
    // Mail budgets (per address and per recipient) are spent by the service.
    limit: null,
    http: { method: "POST", path: "/auth/forgot", status: 202 },
  }),
  reset: defineCommand({
    name: "auth.reset",
    summary: "Set a new password with a reset token; signs in and ends every other session",
    input: ResetInput,
    output: Self,
    auth: "anyone",
    errors: ["INVALID_TOKEN"],
    http: { method: "POST", path: "/auth/reset" },
  }),
  changePassword: defineCommand({
    name: "auth.changePassword",
    summary: "Change the password; every other session ends",
    input: PasswordChangeInput,
    output: Self,
    errors: ["INVALID_CREDENTIALS"],
    http: { method: "POST", path: "/auth/password" },
  }),
  changeEmail: defineCommand({
    name: "auth.changeEmail",
    summary: "Ask to change the address; it changes once the link mailed to the new one is opened",
    input: EmailChangeInput,
    output: AcceptedDto,
    errors: ["INVALID_CREDENTIALS", "EMAIL_TAKEN"],
    http: { method: "POST", path: "/auth/email", status: 202 },
  }),
  sessions: defineCommand({
    name: "auth.sessions",
    summary: "My signed-in sessions",
    input: z.object({}),
    output: z.object({ sessions: z.array(SessionDto) }),
    auth: "member",
    http: { method: "GET", path: "/auth/sessions" },
  }),
  endOtherSessions: defineCommand({
    name: "auth.endOtherSessions",
    summary: "Sign out everywhere else",
    input: z.object({}),
    output: Nothing,
    http: { method: "DELETE", path: "/auth/sessions/others", status: 204 },
  }),
} as const;

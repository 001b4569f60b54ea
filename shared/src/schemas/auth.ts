import { z } from "zod";
import { LIMITS } from "../limits.js";

/** Emails are compared lower-cased and trimmed so one person cannot register twice by case. */
export const Email = z
  .string()
  .trim()
  .toLowerCase()
  .max(LIMITS.email.max)
  .pipe(z.email("Enter a valid email address"));

export const Password = z.string().min(LIMITS.password.min).max(LIMITS.password.max);

export const RegisterInput = z
  .object({
    email: Email,
    password: Password,
    name: z.string().trim().min(LIMITS.name.min).max(LIMITS.name.max),
  })
  .strict();
export type RegisterInput = z.infer<typeof RegisterInput>;

export const LoginInput = z
  .object({
    email: Email,
    password: z.string().min(1).max(LIMITS.password.max),
  })
  .strict();
export type LoginInput = z.infer<typeof LoginInput>;

/** `session:ping` takes no payload; anything else is a VALIDATION error ack. */
export const SessionPingInput = z.object({}).strict();
export type SessionPingInput = z.infer<typeof SessionPingInput>;

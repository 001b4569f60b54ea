import type { z } from "zod";
import { validation, type AppError } from "./errors.js";

/**
 * Field errors keyed by dotted path (`practice.regionCode`), as DESIGN.md §5 promises; issues about
 * the whole object (unknown keys, refinements) sit under `_`.
 */
export function fieldErrors(error: z.ZodError): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  for (const issue of error.issues) {
    const key = issue.path.length ? issue.path.map(String).join(".") : "_";
    (fields[key] ??= []).push(issue.message);
  }
  return fields;
}

export function zodToAppError(error: z.ZodError, message = "Invalid input"): AppError {
  return validation(message, fieldErrors(error));
}

/** Parse or throw a VALIDATION AppError: the one way services and transports read untrusted input. */
export function parseOrThrow<S extends z.ZodType>(schema: S, input: unknown): z.infer<S> {
  const result = schema.safeParse(input);
  if (!result.success) throw zodToAppError(result.error);
  return result.data;
}

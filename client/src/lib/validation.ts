import type { z } from "zod";
import type { ApiError } from "./api";
import type { MessageKey, MessageParams, Translate } from "./i18n";

/**
 * Field errors as the form shows them: a translated message (from a zod issue) or the server's own
 * text (from `error.details`). Keyed by dotted path, like the server's details (`affiliation.name`).
 */
export type FieldIssue = { key: MessageKey; params?: MessageParams } | { text: string };
export type FieldIssues = Record<string, FieldIssue>;

type ZodIssue = z.core.$ZodIssue;

/** Maps one zod issue to our own translated message; raw zod English never reaches the UI. */
export function issueFromZod(issue: ZodIssue): FieldIssue {
  switch (issue.code) {
    case "invalid_type":
      return { key: "form.required" };
    case "too_small":
      if (issue.origin === "string") {
        const min = Number(issue.minimum);
        return min <= 1 ? { key: "form.required" } : { key: "form.tooShort", params: { min } };
      }
      return { key: "form.invalid" };
    case "too_big":
      return issue.origin === "string"
        ? { key: "form.tooLong", params: { max: Number(issue.maximum) } }
        : { key: "form.invalid" };
    case "invalid_format":
      if (issue.format === "email") return { key: "form.email" };
      if (issue.format === "datetime" || issue.format === "date") return { key: "form.date" };
      return { key: "form.format" };
    case "invalid_value":
    case "invalid_union":
      return { key: "form.choice" };
    default:
      return { key: "form.invalid" };
  }
}

function valueAt(values: unknown, path: readonly PropertyKey[]): unknown {
  let cur: unknown = values;
  for (const key of path) {
    if (typeof cur !== "object" || cur === null || typeof key === "symbol") return undefined;
    cur = Reflect.get(cur, key);
  }
  return cur;
}

/**
 * The first issue per field path. With the submitted `values`, a blank field is reported as
 * required rather than "at least N characters" or "not a valid email".
 */
export function issuesFromZod(error: z.ZodError, values?: unknown): FieldIssues {
  const out: FieldIssues = {};
  for (const issue of error.issues) {
    const path = issue.path.map(String).join(".");
    if (path in out) continue;
    const input = values === undefined ? undefined : valueAt(values, issue.path);
    const blank = typeof input === "string" && input.trim() === "";
    out[path] = blank ? { key: "form.required" } : issueFromZod(issue);
  }
  return out;
}

/** Field errors the server sent in `error.details`. */
export function issuesFromApi(error: ApiError): FieldIssues {
  const out: FieldIssues = {};
  for (const [path, text] of Object.entries(error.fieldErrors)) out[path] = { text };
  return out;
}

export function issueText(t: Translate, issue: FieldIssue | undefined): string | undefined {
  if (!issue) return undefined;
  return "key" in issue ? t(issue.key, issue.params) : issue.text;
}

/**
 * Parses form values with a shared schema: `{ok:true, data}` or `{ok:false, issues}`.
 */
export function validate<S extends z.ZodType>(
  schema: S,
  values: unknown,
): { ok: true; data: z.output<S> } | { ok: false; issues: FieldIssues } {
  const parsed = schema.safeParse(values);
  return parsed.success
    ? { ok: true, data: parsed.data }
    : { ok: false, issues: issuesFromZod(parsed.error, values) };
}

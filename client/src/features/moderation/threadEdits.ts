import type { z } from "zod";
import { PostBody, ThreadTags, ThreadTitle } from "@rembuk/shared";
import { issuesFromZod, type FieldIssue, type FieldIssues } from "../../lib/validation";

const splitTags = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** The first problem a shared schema finds with one value, for its field. */
function firstIssue(schema: z.ZodType, value: unknown): FieldIssue | null {
  const r = schema.safeParse(value);
  return r.success ? null : (Object.values(issuesFromZod(r.error, value))[0] ?? null);
}

/** Title and tags (and, for a waiting item, its text) checked with the shared schemas. */
export function parseEdits(values: {
  title?: string;
  tags?: string;
  body?: string;
}): { ok: true; title?: string; tags?: string[]; body?: string } | { ok: false; issues: FieldIssues } {
  const issues: FieldIssues = {};
  const tags = values.tags !== undefined ? splitTags(values.tags) : undefined;
  for (const [field, schema, value] of [
    ["title", ThreadTitle, values.title],
    ["tags", ThreadTags, tags],
    ["body", PostBody, values.body],
  ] as const) {
    if (value === undefined) continue;
    const issue = firstIssue(schema, value);
    if (issue) issues[field] = issue;
  }
  if (Object.keys(issues).length) return { ok: false, issues };
  return {
    ok: true,
    title: values.title?.trim(),
    tags: tags ? ThreadTags.parse(tags) : undefined,
    body: values.body,
  };
}

import { z } from "zod";
import {
  COST_SOURCES,
  PRACTICE_LIMITS,
  PRACTICE_STAGES,
  type Locale,
  type PracticeDto,
} from "@rembuk/shared";
import type { ApiError } from "../../lib/api";
import { issuesFromZod, type FieldIssue, type FieldIssues } from "../../lib/validation";

/** What the practice form edits: text as typed, so a half-typed number is never lost. */
export const PracticeDraft = z.object({
  roomSlug: z.string(),
  title: z.string(),
  summary: z.string(),
  problem: z.string(),
  approach: z.string(),
  results: z.array(
    z.object({ indicator: z.string(), before: z.string(), after: z.string(), unit: z.string() }),
  ),
  costAmount: z.string(),
  costSource: z.enum(COST_SOURCES),
  provinceCode: z.string(),
  regionCode: z.string(),
  sector: z.string(),
  stage: z.union([z.enum(PRACTICE_STAGES), z.literal("")]),
  startDate: z.string(),
  sdgs: z.array(z.number().int()),
  links: z.string(),
  contact: z.string(),
  derivedFrom: z.string(),
  clientId: z.string(),
});
export type PracticeDraft = z.infer<typeof PracticeDraft>;

export const emptyResult = () => ({ indicator: "", before: "", after: "", unit: "" });

export function emptyDraft(clientId: string, roomSlug = ""): PracticeDraft {
  return {
    roomSlug,
    title: "",
    summary: "",
    problem: "",
    approach: "",
    results: [emptyResult()],
    costAmount: "",
    costSource: "APBD",
    provinceCode: "",
    regionCode: "",
    sector: "",
    stage: "",
    startDate: "",
    sdgs: [],
    links: "",
    contact: "",
    derivedFrom: "",
    clientId,
  };
}

/** The edit form starts from the saved record. */
export function draftFromRecord(p: PracticeDto, locale: Locale, clientId: string): PracticeDraft {
  const num = (n: number) => formatPlain(n, locale);
  return {
    ...emptyDraft(clientId),
    problem: p.problem,
    approach: p.approach,
    results: p.results.length
      ? p.results.map((r) => ({
          indicator: r.indicator,
          before: num(r.before),
          after: num(r.after),
          unit: r.unit ?? "",
        }))
      : [],
    costAmount: String(p.cost.amount),
    costSource: p.cost.source,
    provinceCode: p.provinceCode,
    regionCode: p.regionCode === p.provinceCode ? "" : p.regionCode,
    sector: p.sector,
    stage: p.stage,
    startDate: p.startDate,
    sdgs: p.sdgs,
    links: p.links.join("\n"),
    contact: p.contact ?? "",
    derivedFrom: p.derivedFrom ?? "",
  };
}

/** A number as a person would type it in this language (decimal comma in Indonesian, no grouping). */
function formatPlain(n: number, locale: Locale): string {
  return locale === "id" ? String(n).replace(".", ",") : String(n);
}

/**
 * A typed number in either convention: "2.400.000" or "28,9" in Indonesian, "2,400,000" or "28.9" in
 * English. Blank or unreadable gives NaN, which the schema reports as "enter a number".
 */
export function parseNumber(text: string, locale: Locale): number {
  const s = text.trim().replace(/\s/g, "");
  if (!s) return Number.NaN;
  const normalised = locale === "id" ? s.replace(/\./g, "").replace(",", ".") : s.replace(/,/g, "");
  return /^-?\d+(\.\d+)?$/.test(normalised) ? Number(normalised) : Number.NaN;
}

/** Rupiah are whole: any dot, comma or space is a thousands separator. */
export function parseRupiah(text: string): number {
  const s = text
    .trim()
    .replace(/^rp\.?/i, "")
    .replace(/[.,\s]/g, "");
  return /^-?\d+$/.test(s) ? Number(s) : Number.NaN;
}

/** A practice id from a pasted link (`…/practices/<id>`) or the bare id; "" when none. */
export function practiceIdFrom(text: string): string {
  return text.match(/[a-f0-9]{24}/i)?.[0]?.toLowerCase() ?? "";
}

/** The record as the shared `PracticeInput` schema expects it (checked by the caller). */
export function practiceCandidate(d: PracticeDraft, locale: Locale) {
  return {
    problem: d.problem,
    approach: d.approach,
    results: d.results
      .filter((r) => r.indicator.trim() || r.before.trim() || r.after.trim())
      .map((r) => ({
        indicator: r.indicator,
        before: parseNumber(r.before, locale),
        after: parseNumber(r.after, locale),
        ...(r.unit.trim() ? { unit: r.unit.trim() } : {}),
      })),
    cost: { amount: parseRupiah(d.costAmount), source: d.costSource },
    regionCode: d.regionCode || d.provinceCode,
    sector: d.sector,
    stage: d.stage || undefined,
    startDate: d.startDate,
    sdgs: [...d.sdgs].sort((a, b) => a - b),
    links: d.links
      .split(/\s+/)
      .map((s) => s.trim())
      .filter(Boolean),
    contact: d.contact.trim() || undefined,
    derivedFrom: d.derivedFrom || undefined,
  };
}

/**
 * The practice form's own words for a field's problem. Paths are the record's (`cost.amount`,
 * `results.0.before`); the server's are the same under `practice.`. Anything unlisted falls back to
 * the generic message for its zod issue (client) or "check this field" (server), never raw English.
 */
export function practiceIssue(path: string): FieldIssue | null {
  if (path === "problem")
    return { key: "practices.error.problem", params: { min: PRACTICE_LIMITS.problem.min } };
  if (path === "approach")
    return { key: "practices.error.approach", params: { min: PRACTICE_LIMITS.approach.min } };
  if (path === "regionCode") return { key: "practices.error.regionCode" };
  if (path === "sector") return { key: "practices.error.sector" };
  if (path === "cost.amount") return { key: "practices.error.costAmount" };
  if (path === "cost.source") return { key: "practices.error.costSource" };
  if (path === "stage") return { key: "practices.error.stage" };
  if (path === "startDate") return { key: "practices.error.startDate" };
  if (path === "derivedFrom") return { key: "practices.error.derivedFrom" };
  if (/^links(\.\d+)?$/.test(path)) return { key: "practices.error.link" };
  if (/^results\.\d+\.indicator$/.test(path)) return { key: "practices.error.indicator" };
  if (/^results\.\d+\.(before|after)$/.test(path)) return { key: "practices.error.number" };
  return null;
}

/** Client-side issues, reworded per field. */
export function practiceIssuesFromZod(error: z.ZodError, values: unknown): FieldIssues {
  const generic = issuesFromZod(error, values);
  const out: FieldIssues = {};
  for (const [path, issue] of Object.entries(generic)) {
    const blankRequired = "key" in issue && issue.key === "form.required" && !path.startsWith("results.");
    out[path] =
      (blankRequired && path !== "sector" && path !== "stage" && path !== "regionCode"
        ? issue
        : practiceIssue(path)) ?? issue;
  }
  return out;
}

/** Server field errors (`practice.regionCode`, `title`…) as the form's fields name them, in the interface language. */
export function practiceIssuesFromApi(err: ApiError): FieldIssues {
  const out: FieldIssues = {};
  for (const path of Object.keys(err.fieldErrors)) {
    const field = path.startsWith("practice.") ? path.slice("practice.".length) : path;
    out[field] = practiceIssue(field) ?? { key: "form.invalid" };
  }
  return out;
}

import { z } from "zod";
import {
  COST_SOURCES,
  PRACTICE_LIMITS,
  PRACTICE_STAGES,
  type Locale,
  type PracticeDto,
} from "@rembuk/shared";
import type { ApiError } from "../../lib/api";
import { readNumber, readRupiah, writeNumber, type NumberReading } from "../../lib/numberInput";
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
  return writeNumber(n, locale);
}

/** A typed indicator value by the language's conventions (see `lib/numberInput`); NaN when unreadable. */
export function parseNumber(text: string, locale: Locale): number {
  const r = readNumber(text, locale);
  return r.ok ? r.value : Number.NaN;
}

/** Whole rupiah ("Rp 1.500.000"); NaN when unreadable or with cents. */
export function parseRupiah(text: string, locale: Locale): number {
  const r = readRupiah(text, locale);
  return r.ok ? r.value : Number.NaN;
}

/**
 * The field error for a typed number the reader refused for a reason worth explaining (the other
 * language's separator, or a reading that could mean two numbers); null when it read or is blank.
 */
export function numberIssue(reading: NumberReading): FieldIssue | null {
  if (reading.ok) return null;
  if (reading.reason === "ambiguous")
    return {
      key: "practices.error.numberAmbiguous",
      params: { decimal: reading.asDecimal, thousands: reading.asThousands },
    };
  if (reading.reason === "wrongSeparator")
    return reading.suggestion === undefined
      ? { key: "practices.error.numberSeparator" }
      : { key: "practices.error.numberSuggest", params: { suggestion: reading.suggestion } };
  return null;
}

/** Every number field of the draft whose text the reader refused with an explanation, by path. */
export function draftNumberIssues(d: PracticeDraft, locale: Locale): FieldIssues {
  const out: FieldIssues = {};
  d.results.forEach((r, i) => {
    for (const side of ["before", "after"] as const) {
      const issue = numberIssue(readNumber(r[side], locale));
      if (issue) out[`results.${i}.${side}`] = issue;
    }
  });
  const cost = numberIssue(readRupiah(d.costAmount, locale));
  if (cost) out["cost.amount"] = cost;
  return out;
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
    cost: { amount: parseRupiah(d.costAmount, locale), source: d.costSource },
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

import type { Locale } from "@rembuk/shared";

/**
 * Reading a number a person typed, by the conventions of the interface language, and refusing what
 * could mean two different numbers instead of guessing.
 *
 * | language   | decimal | thousands | "2,5" | "2.5"  | "1.200" | "1,200" | "1.200.000" |
 * | ---------- | ------- | --------- | ----- | ------ | ------- | ------- | ----------- |
 * | Indonesian | ,       | .         | 2.5   | wrong  | 1200    | ambig.  | 1200000     |
 * | English    | .       | ,         | wrong | 2.5    | ambig.  | 1200    | wrong       |
 *
 * The rules:
 * 1. Spaces (also no-break and thin spaces) are ignored; a leading "-" or "−" makes it negative.
 * 2. Thousands separators are allowed only in correct groups: 1–3 digits, then groups of exactly
 *    three ("1.200.000" in Indonesian). Anything else with a thousands separator ("2.5", "0.5",
 *    "1.20" in Indonesian) is the other language's decimal point: refused as `wrongSeparator`, with
 *    the number written the right way as a suggestion when one exists.
 * 3. At most one decimal separator, after any thousands separators. Two decimal separators
 *    ("1,200,000" in Indonesian) are the other language's grouping: `wrongSeparator`.
 * 4. A lone decimal separator followed by exactly three digits, after a whole part of 1–3 digits
 *    that does not start with 0 ("1,200" in Indonesian, "1.200" in English), reads as a decimal in
 *    this language but as thousands in the other one: refused as `ambiguous`. "0,125" and
 *    "1234,567" are not ambiguous (no grouping could produce them).
 * A lone thousands separator followed by three digits ("1.200" in Indonesian) is therefore thousands:
 * it is what the language says and what people who write that language mean.
 */

export type NumberReading =
  | { ok: true; value: number }
  | { ok: false; reason: "empty" | "invalid" }
  | { ok: false; reason: "wrongSeparator"; suggestion?: string }
  | { ok: false; reason: "ambiguous"; asDecimal: string; asThousands: string };

interface Separators {
  decimal: string;
  group: string;
}

export function separatorsOf(locale: Locale): Separators {
  return locale === "id" ? { decimal: ",", group: "." } : { decimal: ".", group: "," };
}

const GROUPED = /^\d{1,3}(?:G\d{3})+$/;

function isGrouped(whole: string, group: string): boolean {
  return GROUPED.test(whole.split(group).join("G"));
}

/** The digits-and-separators string as the other language would have meant it, in this language's writing. */
function rewriteForeign(body: string, locale: Locale): string | undefined {
  const other: Locale = locale === "id" ? "en" : "id";
  const reading = readStrict(body, other);
  return reading === null ? undefined : writeNumber(reading, locale);
}

/** Plain writing of a number in this language (decimal separator, no grouping): what a person types. */
export function writeNumber(n: number, locale: Locale): string {
  const s = String(n);
  return locale === "id" ? s.replace(".", ",") : s;
}

/** A reading that only succeeds when the text is unambiguous in `locale`; null otherwise. */
function readStrict(body: string, locale: Locale): number | null {
  const r = readBody(body, locale);
  return r.ok ? r.value : null;
}

function readBody(body: string, locale: Locale): NumberReading {
  const { decimal, group } = separatorsOf(locale);
  if (!/^[\d.,]+$/.test(body) || !/\d/.test(body)) return { ok: false, reason: "invalid" };
  const decimals = body.split(decimal).length - 1;
  if (decimals > 1) return { ok: false, reason: "wrongSeparator" };
  const [whole, fraction = ""] = body.split(decimal);
  if (decimals === 1 && !/^\d+$/.test(fraction)) {
    return { ok: false, reason: fraction.includes(group) ? "wrongSeparator" : "invalid" };
  }
  if (whole.includes(group) && !isGrouped(whole, group)) return { ok: false, reason: "wrongSeparator" };
  const digits = whole.split(group).join("");
  if (decimals === 1 && !whole.includes(group) && fraction.length === 3 && /^[1-9]\d{0,2}$/.test(digits)) {
    return {
      ok: false,
      reason: "ambiguous",
      asDecimal: `${digits}${decimal}${fraction}`,
      asThousands: `${digits}${fraction}`,
    };
  }
  const value = Number(decimals === 1 ? `${digits || "0"}.${fraction}` : digits);
  return Number.isFinite(value) ? { ok: true, value } : { ok: false, reason: "invalid" };
}

/** Reads `text` by the conventions of `locale` (see the table above). */
export function readNumber(text: string, locale: Locale): NumberReading {
  const compact = text.replace(/[\s\u00a0\u202f\u2009]/g, "").replace(/^\u2212/, "-");
  if (!compact) return { ok: false, reason: "empty" };
  const negative = compact.startsWith("-");
  const body = negative ? compact.slice(1) : compact;
  const reading = readBody(body, locale);
  if (reading.ok)
    return { ok: true, value: negative && reading.value !== 0 ? -reading.value : reading.value };
  if (reading.reason === "wrongSeparator") {
    const suggestion = rewriteForeign(body, locale);
    return suggestion === undefined
      ? reading
      : { ok: false, reason: "wrongSeparator", suggestion: negative ? `-${suggestion}` : suggestion };
  }
  if (reading.reason === "ambiguous" && negative) {
    return { ...reading, asDecimal: `-${reading.asDecimal}`, asThousands: `-${reading.asThousands}` };
  }
  return reading;
}

/** Whole rupiah, optionally written "Rp 1.500.000" or with zero cents ("1.500.000,00"). */
export function readRupiah(text: string, locale: Locale): NumberReading {
  const reading = readNumber(text.trim().replace(/^rp\.?/i, ""), locale);
  if (reading.ok && !Number.isInteger(reading.value)) return { ok: false, reason: "invalid" };
  return reading;
}

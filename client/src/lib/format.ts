import { useMemo } from "react";
import type { Locale } from "@rembuk/shared";
import { intlLocale } from "./locale";
import { useStore } from "../store";

/**
 * Dates, relative times, numbers and durations through `Intl` for the interface locale
 * (`id-ID` / `en-GB`). Formatters are cached because constructing them is slow on old phones.
 */
const cache = new Map<string, Intl.DateTimeFormat | Intl.NumberFormat | Intl.RelativeTimeFormat>();

function dateFormat(locale: Locale, opts: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `d|${locale}|${JSON.stringify(opts)}`;
  const hit = cache.get(key);
  if (hit instanceof Intl.DateTimeFormat) return hit;
  const f = new Intl.DateTimeFormat(intlLocale(locale), opts);
  cache.set(key, f);
  return f;
}

function numberFormat(locale: Locale, opts: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `n|${locale}|${JSON.stringify(opts)}`;
  const hit = cache.get(key);
  if (hit instanceof Intl.NumberFormat) return hit;
  const f = new Intl.NumberFormat(intlLocale(locale), opts);
  cache.set(key, f);
  return f;
}

function relativeFormat(locale: Locale): Intl.RelativeTimeFormat {
  const key = `r|${locale}`;
  const hit = cache.get(key);
  if (hit instanceof Intl.RelativeTimeFormat) return hit;
  const f = new Intl.RelativeTimeFormat(intlLocale(locale), { numeric: "auto" });
  cache.set(key, f);
  return f;
}

function toDate(value: string | Date): Date | null {
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "27 November 2025" / "27 November 2025". */
export function formatDate(value: string | Date, locale: Locale): string {
  const d = toDate(value);
  return d ? dateFormat(locale, { day: "numeric", month: "long", year: "numeric" }).format(d) : "";
}

/** "27 Nov 2025" / "27 Nov 2025": for tight spaces such as table cells. */
export function formatShortDate(value: string | Date, locale: Locale): string {
  const d = toDate(value);
  return d ? dateFormat(locale, { day: "numeric", month: "short", year: "numeric" }).format(d) : "";
}

/** "27 Nov 2025, 14.05" / "27 Nov 2025, 14:05". */
export function formatDateTime(value: string | Date, locale: Locale): string {
  const d = toDate(value);
  return d
    ? dateFormat(locale, {
        day: "numeric",
        month: "short",
        year: "numeric",
        hour: "2-digit",
        minute: "2-digit",
      }).format(d)
    : "";
}

/** "14.05" / "14:05": a time of day, e.g. when a throttle lifts. */
export function formatTime(value: string | Date, locale: Locale): string {
  const d = toDate(value);
  return d ? dateFormat(locale, { hour: "2-digit", minute: "2-digit" }).format(d) : "";
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ["year", 365 * 24 * 3600],
  ["month", 30 * 24 * 3600],
  ["week", 7 * 24 * 3600],
  ["day", 24 * 3600],
  ["hour", 3600],
  ["minute", 60],
];

/** "5 menit yang lalu" / "5 minutes ago"; "baru saja"-style for under a minute. */
export function formatRelative(value: string | Date, locale: Locale, now: Date = new Date()): string {
  const d = toDate(value);
  if (!d) return "";
  const seconds = Math.round((d.getTime() - now.getTime()) / 1000);
  const abs = Math.abs(seconds);
  for (const [unit, size] of UNITS) {
    if (abs >= size) return relativeFormat(locale).format(Math.trunc(seconds / size), unit);
  }
  return relativeFormat(locale).format(0, "second");
}

/** "1.234.567" / "1,234,567". */
export function formatNumber(value: number, locale: Locale, opts: Intl.NumberFormatOptions = {}): string {
  return numberFormat(locale, opts).format(value);
}

/** A wait expressed in the largest sensible unit: "45 detik", "3 menit", "2 jam" / "3 minutes". */
export function formatDuration(seconds: number, locale: Locale): string {
  const s = Math.max(0, Math.ceil(seconds));
  if (s < 60) return numberFormat(locale, { style: "unit", unit: "second", unitDisplay: "long" }).format(s);
  if (s < 3600)
    return numberFormat(locale, { style: "unit", unit: "minute", unitDisplay: "long" }).format(
      Math.ceil(s / 60),
    );
  return numberFormat(locale, { style: "unit", unit: "hour", unitDisplay: "long" }).format(
    Math.ceil(s / 3600),
  );
}

export interface Formatters {
  date: (value: string | Date) => string;
  shortDate: (value: string | Date) => string;
  dateTime: (value: string | Date) => string;
  relative: (value: string | Date, now?: Date) => string;
  number: (value: number, opts?: Intl.NumberFormatOptions) => string;
  duration: (seconds: number) => string;
}

/** Formatters bound to the current interface locale. */
export function useFormat(): Formatters {
  const locale = useStore((s) => s.locale);
  return useMemo(
    () => ({
      date: (v) => formatDate(v, locale),
      shortDate: (v) => formatShortDate(v, locale),
      dateTime: (v) => formatDateTime(v, locale),
      relative: (v, now) => formatRelative(v, locale, now),
      number: (v, opts) => formatNumber(v, locale, opts),
      duration: (s) => formatDuration(s, locale),
    }),
    [locale],
  );
}

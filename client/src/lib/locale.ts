import type { Locale } from "@rembuk/shared";

/** Locale plumbing without React or the store, so slices can use it without an import cycle. */
export const LOCALES: readonly Locale[] = ["id", "en"];
export const DEFAULT_LOCALE: Locale = "id";
const STORAGE_KEY = "rembuk.locale";

export function isLocale(value: unknown): value is Locale {
  return value === "id" || value === "en";
}

export function readStoredLocale(): Locale {
  try {
    const stored = globalThis.localStorage?.getItem(STORAGE_KEY);
    return isLocale(stored) ? stored : DEFAULT_LOCALE;
  } catch {
    return DEFAULT_LOCALE;
  }
}

export function storeLocale(locale: Locale): void {
  try {
    globalThis.localStorage?.setItem(STORAGE_KEY, locale);
  } catch {
    // Private mode or storage disabled: the choice still applies for this visit.
  }
}

/** The `<html lang>` value for a locale. */
export function htmlLang(locale: Locale): string {
  return locale;
}

/** The `Intl` locale tag used for dates and numbers. */
export function intlLocale(locale: Locale): string {
  return locale === "id" ? "id-ID" : "en-GB";
}

/** A `{id, en}` text (a room's name, a tag) in the interface language, falling back to Indonesian. */
export function localized(text: { id: string; en: string }, locale: Locale): string {
  return text[locale] || text.id;
}

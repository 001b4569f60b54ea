import { useCallback } from "react";
import type { Locale } from "@rembuk/shared";
import type { MessageKey } from "../app/messages";
import { useStore } from "../store";
import { dictionaryOf } from "./i18n.dictionaries";

/**
 * A tiny typed i18n layer over one dictionary per language (see `app/messages.ts`). The store's
 * locale changes only once that language's dictionary is loaded, so a lookup finds its string.
 */
export type { MessageKey };
export { loadDictionary } from "./i18n.dictionaries";
export { DEFAULT_LOCALE, LOCALES, isLocale, readStoredLocale, storeLocale, htmlLang } from "./locale";
export type MessageParams = Record<string, string | number>;
export type Translate = (key: MessageKey, params?: MessageParams) => string;

export function interpolate(template: string, params?: MessageParams): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (match, name: string) =>
    Object.prototype.hasOwnProperty.call(params, name) ? String(params[name]) : match,
  );
}

export function translate(locale: Locale, key: MessageKey, params?: MessageParams): string {
  // Both dictionaries share the key type, so a lookup in a loaded one cannot miss; before any has
  // loaded (a failed first fetch) the key itself is better than nothing.
  const template = (dictionaryOf(locale) ?? dictionaryOf("id") ?? dictionaryOf("en"))?.[key] ?? key;
  return interpolate(template, params);
}

/** `t(key, params?)` for the current locale; re-renders the caller when the locale changes. */
export function useT(): Translate {
  const locale = useStore((s) => s.locale);
  return useCallback((key, params) => translate(locale, key, params), [locale]);
}

export function useLocale(): Locale {
  return useStore((s) => s.locale);
}

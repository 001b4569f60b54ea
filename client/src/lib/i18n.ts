import { useCallback } from "react";
import type { Locale } from "@rembuk/shared";
import { messages, type MessageKey } from "../app/messages";
import { useStore } from "../store";

/**
 * A tiny typed i18n layer. Each feature owns `features/<f>/messages.ts` exporting `{ id, en }`
 * where `en` is typed `Record<keyof typeof id, string>` (so the compiler rejects a missing or extra
 * key); `app/messages.ts` merges them. Values may hold `{name}` placeholders.
 */
export type { MessageKey };
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
  // Both dictionaries share the key type, so a lookup cannot miss; fall back to Indonesian anyway.
  const template = messages[locale][key] ?? messages.id[key] ?? key;
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


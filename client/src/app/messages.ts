import type { Locale } from "@rembuk/shared";
import type { dictionary } from "./messages.id";

/**
 * Each language's strings are a chunk of their own, fetched when that language is first used, so a
 * visitor downloads one dictionary, not both. Each feature owns `features/<f>/messages.id.ts`
 * (`export const id = {...}`, keys prefixed `<f>.`) and `messages.en.ts` (`export const en:
 * Record<keyof typeof id, string>`, so the compiler rejects a missing or extra key); a new feature is
 * added to both `messages.id.ts` and `messages.en.ts` here. Values may hold `{name}` placeholders.
 * `messages.test.ts` checks both languages have the same keys and placeholders, and no key twice.
 */
export type MessageKey = keyof typeof dictionary;
export type Dictionary = Record<MessageKey, string>;

export const dictionaryLoaders: Record<Locale, () => Promise<Dictionary>> = {
  id: () => import("./messages.id").then((m) => m.dictionary),
  en: () => import("./messages.en").then((m) => m.dictionary),
};

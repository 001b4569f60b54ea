import type { Locale } from "@rembuk/shared";
import { dictionaryLoaders, type Dictionary } from "../app/messages";

/**
 * The dictionaries fetched so far. Kept outside React and the store so the locale slice can wait
 * for a language's strings before switching to it, and `translate` can read them synchronously.
 */
const loaded: Partial<Record<Locale, Dictionary>> = {};
const loading: Partial<Record<Locale, Promise<Dictionary>>> = {};

export function dictionaryOf(locale: Locale): Dictionary | undefined {
  return loaded[locale];
}

/** Fetches a language's strings once; a failed fetch (offline) may be tried again later. */
export function loadDictionary(locale: Locale): Promise<Dictionary> {
  const done = loaded[locale];
  if (done) return Promise.resolve(done);
  return (loading[locale] ??= dictionaryLoaders[locale]().then(
    (dictionary) => (loaded[locale] = dictionary),
    (err: unknown) => {
      delete loading[locale];
      throw err;
    },
  ));
}

import { userCommands, type Locale } from "@rembuk/shared";
import { dictionaryOf, loadDictionary } from "../../lib/i18n.dictionaries";
import { readStoredLocale, storeLocale } from "../../lib/locale";
import type { SliceCreator } from "../../store/types";
import { send } from "../../lib/send";

export interface LocaleSlice {
  /** Interface language, persisted to localStorage; `id` unless chosen otherwise. */
  locale: Locale;
  /** Switches the language; for a signed-in user also saves it to their profile. */
  setLocale: (locale: Locale) => Promise<void>;
  /** Applies a locale that came from the server (login, session check) without writing it back. */
  internal_adoptLocale: (locale: Locale) => void;
  /**
   * The language a guest picked on this visit (on the login page, say): signing in keeps it and
   * saves it to the profile instead of switching back to the profile's old language. Null when the
   * guest picked none (then the profile's language applies).
   */
  localeChosenAsGuest: Locale | null;
}

export const createLocaleSlice: SliceCreator<LocaleSlice> = (set, get) => {
  /** The language asked for last: a slower dictionary arriving after a newer choice is ignored. */
  let wanted: Locale | null = null;
  return {
    locale: readStoredLocale(),
    localeChosenAsGuest: null,
    setLocale: async (locale) => {
      get().internal_adoptLocale(locale);
      const userId = get().currentUserId;
      if (!userId) {
        set({ localeChosenAsGuest: locale });
        return;
      }
      try {
        const { user } = await send(userCommands.update, { id: userId, locale });
        get().internal_receiveUsers([user]);
      } catch (e) {
        // The interface already switched; the profile keeps its old language until the next change.
        console.warn("Could not save the language to the profile", e);
      }
    },
    internal_adoptLocale: (locale) => {
      storeLocale(locale);
      wanted = locale;
      // The interface switches once the language's strings are here (at once when already loaded).
      const apply = () => {
        if (wanted === locale && get().locale !== locale) set({ locale });
      };
      if (dictionaryOf(locale)) apply();
      else loadDictionary(locale).then(apply, (e: unknown) => console.warn("Could not load the language", e));
    },
  };
};

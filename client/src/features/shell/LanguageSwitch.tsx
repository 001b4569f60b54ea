import type { Locale } from "@rembuk/shared";
import { LOCALES, useT } from "../../lib/i18n";
import { useStore } from "../../store";

const NAMES: Record<Locale, "shell.lang.id" | "shell.lang.en"> = { id: "shell.lang.id", en: "shell.lang.en" };

/** ID | EN toggle. For a signed-in user the choice is also saved to the profile. */
export function LanguageSwitch() {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const setLocale = useStore((s) => s.setLocale);
  return (
    <div className="lang-switch" role="group" aria-label={t("shell.lang.label")}>
      {LOCALES.map((l) => (
        <button
          key={l}
          type="button"
          className="lang-switch__btn"
          data-testid={`lang-${l}`}
          aria-pressed={locale === l}
          lang={l}
          title={t(NAMES[l])}
          onClick={() => void setLocale(l)}
        >
          <span aria-hidden="true">{l.toUpperCase()}</span>
          <span className="sr-only">{t(NAMES[l])}</span>
        </button>
      ))}
    </div>
  );
}

import { formatNumber } from "../../../lib/format";
import { useLocale, useT } from "../../../lib/i18n";
import { readNumber, readRupiah } from "../../../lib/numberInput";

/** The live lines under the practice form's fields: character counts and how a number was read. */
export function useFieldStatus() {
  const t = useT();
  const locale = useLocale();
  /** "12 of at least 20 characters" while short, then "25 characters, enough". */
  const count = (text: string, min: number) => {
    const n = text.trim().length;
    return t(n < min ? "form.count.short" : "form.count.ok", { count: n, min });
  };
  /** How a typed number was read ("dibaca: 2,5"), or why it cannot be, while the person types. */
  const readAs = (text: string, rupiah = false) => {
    if (!text.trim()) return null;
    const reading = rupiah ? readRupiah(text, locale) : readNumber(text, locale);
    if (reading.ok) {
      const shown = rupiah
        ? formatNumber(reading.value, locale, {
            style: "currency",
            currency: "IDR",
            maximumFractionDigits: 0,
          })
        : formatNumber(reading.value, locale, { maximumFractionDigits: 10 });
      return t("practices.form.readAs", { value: shown });
    }
    // Short while typing (the columns are narrow); the full explanation comes with the field error.
    if (reading.reason === "wrongSeparator" && reading.suggestion)
      return t("practices.form.readAsSuggest", { suggestion: reading.suggestion });
    if (reading.reason === "ambiguous")
      return t("practices.form.readAsAmbiguous", { thousands: reading.asThousands });
    return t("practices.form.readAsNone");
  };
  return { count, readAs };
}

import type { MessageKey, Translate } from "./i18n";

/** Keys that have a singular twin `<key>.one` ("1 reply" beside "{count} replies"). */
export type CountedKey = { [K in MessageKey]: `${K}.one` extends MessageKey ? K : never }[MessageKey];

/**
 * "1 reply" / "5 replies": English needs the singular, Indonesian says the same either way (its
 * `.one` text simply repeats the form). `formatted` is the count through Intl for the locale.
 */
export function counted(
  t: Translate,
  key: CountedKey,
  count: number,
  formatted: string = String(count),
): string {
  return count === 1 ? t(`${key}.one`) : t(key, { count: formatted });
}

import type {
  AdoptionStage,
  Affiliation,
  CostSource,
  Locale,
  PracticeStage,
  RegionDto,
  SectorDto,
} from "@rembuk/shared";
import type { MessageKey } from "../../lib/i18n";
import { formatNumber } from "../../lib/format";

export const STAGE_KEYS: Record<PracticeStage, MessageKey> = {
  initiative: "practices.stage.initiative",
  trial: "practices.stage.trial",
  implemented: "practices.stage.implemented",
};

export const ADOPTION_STAGE_KEYS: Record<AdoptionStage, MessageKey> = {
  interested: "practices.adoption.interested",
  piloting: "practices.adoption.piloting",
  adopted: "practices.adoption.adopted",
  abandoned: "practices.adoption.abandoned",
};

export const STEP_ACTION_KEYS: Record<Exclude<AdoptionStage, "interested">, MessageKey> = {
  piloting: "practices.step.piloting",
  adopted: "practices.step.adopted",
  abandoned: "practices.step.abandoned",
};

export const COST_SOURCE_KEYS: Record<CostSource, MessageKey> = {
  APBD: "practices.cost.APBD",
  APBN: "practices.cost.APBN",
  other: "practices.cost.other",
};

/** The seventeen SDG names, index 0 = SDG 1. */
export const SDG_KEYS: readonly MessageKey[] = [
  "practices.sdg.1",
  "practices.sdg.2",
  "practices.sdg.3",
  "practices.sdg.4",
  "practices.sdg.5",
  "practices.sdg.6",
  "practices.sdg.7",
  "practices.sdg.8",
  "practices.sdg.9",
  "practices.sdg.10",
  "practices.sdg.11",
  "practices.sdg.12",
  "practices.sdg.13",
  "practices.sdg.14",
  "practices.sdg.15",
  "practices.sdg.16",
  "practices.sdg.17",
];

export const sdgKey = (n: number): MessageKey => SDG_KEYS[n - 1] ?? "practices.sdg.1";

/** The sector's name in the interface language (the official Indonesian name in Indonesian). */
export function sectorName(code: string, sectors: readonly SectorDto[], locale: Locale): string {
  const s = sectors.find((x) => x.code === code);
  if (!s) return code;
  return locale === "id" ? s.name : s.nameEn;
}

/** "Rp 350.000.000" in full; `compact` gives "Rp 350 jt" / "IDR 350m" for cards and charts. */
export function formatRupiah(amount: number, locale: Locale, compact = false): string {
  return formatNumber(amount, locale, {
    style: "currency",
    currency: "IDR",
    maximumFractionDigits: compact ? 1 : 0,
    ...(compact ? { notation: "compact", compactDisplay: "short" } : {}),
  });
}

/** The relative change from before to after ("−92%"), or null when it means nothing (from zero). */
export function relativeChange(before: number, after: number, locale: Locale): string | null {
  if (before === 0) return null;
  return formatNumber((after - before) / Math.abs(before), locale, {
    style: "percent",
    signDisplay: "exceptZero",
    maximumFractionDigits: 0,
  });
}

/** "Kota Salatiga" for a known code, the code itself otherwise. */
export function regionName(code: string, byCode: Record<string, RegionDto>): string {
  return byCode[code]?.name ?? code;
}

/** A region's or agency's display name. */
export function affiliationName(a: Affiliation, byCode: Record<string, RegionDto>): string {
  return a.kind === "region" ? regionName(a.code, byCode) : a.name;
}

/** A calendar date `YYYY-MM-DD` as a date in the interface language, without time-zone drift. */
export function formatDay(ymd: string, locale: Locale): string {
  const d = new Date(`${ymd}T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return ymd;
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(d);
}

/** A `YYYY-MM` month, short ("Jan 2025" / "Jan 2025"), for chart axes. */
export function formatMonth(ym: string, locale: Locale): string {
  const d = new Date(`${ym}-15T12:00:00Z`);
  if (Number.isNaN(d.getTime())) return ym;
  return new Intl.DateTimeFormat(locale === "id" ? "id-ID" : "en-GB", {
    month: "short",
    year: "2-digit",
    timeZone: "UTC",
  }).format(d);
}

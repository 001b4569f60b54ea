import type { PracticeStatsDto, PracticeStage } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { assertCan } from "../../lib/policy.js";
import { Adoption } from "./adoption.model.js";
import { directoryRows, type DirectoryFilters } from "./practice.directory.js";
import { stageCounts } from "./practice.presenter.js";

/** The dashboard's "activity over time" window, in calendar months ending with the current one. */
export const ACTIVITY_MONTHS = 12;
/** How many of the most active regions the dashboard lists. */
export const ACTIVE_REGIONS = 10;

const monthOf = (d: Date) => d.toISOString().slice(0, 7);

/** The first instant (UTC) of the `n`-month window that ends with the current month. */
export const activityWindowStart = (n: number, now = new Date()) =>
  new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - (n - 1), 1));

/** `YYYY-MM` for the last `n` months, oldest first. */
export function lastMonths(n: number, now = new Date()): string[] {
  const months: string[] = [];
  for (let i = n - 1; i >= 0; i--) {
    months.push(monthOf(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() - i, 1))));
  }
  return months;
}

const tally = <K extends string>(keys: Iterable<K>) => {
  const m = new Map<K, number>();
  for (const k of keys) m.set(k, (m.get(k) ?? 0) + 1);
  return m;
};

const sortedCounts = (m: Map<string, number>) =>
  [...m]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || a.code.localeCompare(b.code));

/**
 * `GET /practices/stats` (moderators, admins): the organizer dashboard over the published directory,
 * with the same filters as `GET /practices` so a chart and the CSV export describe the same set.
 * Aggregated in the service from two reads (practices joined with threads, and their ledger): the
 * data is a few thousand rows at most, and one code path works on devdb and MongoDB alike.
 */
export async function practiceStats(
  actor: Actor | null,
  filters: DirectoryFilters,
  now = new Date(),
): Promise<PracticeStatsDto> {
  assertCan(actor, "practice.viewStats");
  const { rows } = await directoryRows(actor, { ...filters, sort: "recent" }, { publishedOnly: true });
  const adoptions = await Adoption.find(
    { practice: { $in: rows.map((r) => r.thread) } },
    { regionCode: 1, provinceCode: 1, affiliationKey: 1, stage: 1, steps: 1 },
  ).lean();

  const byStage = tally<PracticeStage>(rows.map((r) => r.stage));
  const adoptionsByStage = stageCounts({});
  for (const a of adoptions) adoptionsByStage[a.stage] += 1;

  // "Most active": practices shared plus adoptions taken up, per kabupaten/kota (or province).
  const practicesByRegion = tally(rows.map((r) => r.regionCode));
  const adoptionsByRegion = tally(adoptions.flatMap((a) => (a.regionCode ? [a.regionCode] : [])));
  const regionCodes = new Set([...practicesByRegion.keys(), ...adoptionsByRegion.keys()]);
  const activeRegions = [...regionCodes]
    .map((code) => ({
      code,
      practices: practicesByRegion.get(code) ?? 0,
      adoptions: adoptionsByRegion.get(code) ?? 0,
    }))
    .sort((a, b) => b.practices + b.adoptions - (a.practices + a.adoptions) || a.code.localeCompare(b.code))
    .slice(0, ACTIVE_REGIONS);

  const months = lastMonths(ACTIVITY_MONTHS, now);
  const practicesPerMonth = tally(rows.map((r) => monthOf(r.createdAt)));
  const stepsPerMonth = tally(adoptions.flatMap((a) => a.steps.map((s) => monthOf(s.at))));

  return {
    totals: { practices: rows.length, adoptions: adoptions.length, regions: regionCodes.size },
    bySector: sortedCounts(tally(rows.map((r) => r.sector))),
    byProvince: sortedCounts(tally(rows.map((r) => r.provinceCode))),
    byStage: (["initiative", "trial", "implemented"] as const).map((stage) => ({
      stage,
      count: byStage.get(stage) ?? 0,
    })),
    adoptionsByStage,
    activeRegions,
    activity: months.map((month) => ({
      month,
      practices: practicesPerMonth.get(month) ?? 0,
      adoptionSteps: stepsPerMonth.get(month) ?? 0,
    })),
  };
}

import type { PracticeListQuery } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { csvCell } from "../../lib/csv.js";
import { assertCan } from "../../lib/policy.js";
import { sectorByCode, regionName } from "../taxonomy/index.js";
import { loadUserSummaries } from "../users/index.js";
import { directoryRows, type DirectoryFilters } from "./practice.directory.js";
import { stageCounts } from "./practice.presenter.js";

export const CSV_COLUMNS = [
  "id",
  "title",
  "url",
  "region_code",
  "region",
  "province_code",
  "province",
  "sector_code",
  "sector",
  "stage",
  "start_date",
  "cost_idr",
  "cost_source",
  "sdgs",
  "author",
  "featured",
  "replies",
  "adoptions",
  "interested",
  "piloting",
  "adopted",
  "abandoned",
  "created_at",
] as const;

/**
 * `GET /practices` with `Accept: text/csv` (moderators, admins): the whole filtered directory in the
 * chosen order, published practices only, one row per practice. `origin` makes the url column absolute.
 */
export async function exportPracticesCsv(
  actor: Actor | null,
  query: DirectoryFilters & Pick<PracticeListQuery, "sort">,
  origin: string,
): Promise<string> {
  assertCan(actor, "practice.export");
  const { rows } = await directoryRows(actor, query, { publishedOnly: true });
  const authors = await loadUserSummaries(rows.map((r) => r.t.authorId));
  const lines = [CSV_COLUMNS.join(",")];
  for (const r of rows) {
    const counts = stageCounts(r.adoptionsByStage);
    const id = r.thread.toString();
    const cells: Array<string | number | boolean | null> = [
      id,
      r.t.title,
      `${origin}/practices/${id}`,
      r.regionCode,
      regionName(r.regionCode),
      r.provinceCode,
      regionName(r.provinceCode),
      r.sector,
      sectorByCode(r.sector)?.name ?? null,
      r.stage,
      r.startDate,
      r.cost.amount,
      r.cost.source,
      (r.sdgs ?? []).join(" "),
      authors.get(r.t.authorId.toString())?.name ?? null,
      r.t.featured,
      r.t.replyCount,
      r.adoptionCount ?? 0,
      counts.interested,
      counts.piloting,
      counts.adopted,
      counts.abandoned,
      r.createdAt.toISOString(),
    ];
    lines.push(cells.map(csvCell).join(","));
  }
  // A byte-order mark so Excel opens the UTF-8 (Indonesian names with diacritics) correctly.
  return `\uFEFF${lines.join("\r\n")}\r\n`;
}

import { MOD_LIMITS, type ModLogQuery } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { csvField } from "../qa/qa.export.js";
import { presentModActions } from "./modAction.presenter.js";
import { modLogRows } from "./modAction.service.js";

export const MOD_LOG_CSV_COLUMNS = [
  "id",
  "created_at",
  "action",
  "actor_id",
  "actor",
  "actor_role",
  "target_type",
  "target_id",
  "target",
  "room",
  "thread_id",
  "reason",
  "before",
  "after",
] as const;

const json = (o: Record<string, unknown> | null) => (o ? JSON.stringify(o) : "");

/**
 * The filtered log as CSV (`GET /moderation/log.csv`, or `Accept: text/csv`), newest first, up to
 * MOD_LIMITS.exportRows rows. Cells that would start a formula are defused; a BOM makes Excel read
 * UTF-8. Before/after stay JSON so nothing is lost in a spreadsheet.
 */
export async function exportModLogCsv(
  actor: Actor | null,
  query: Omit<ModLogQuery, "limit" | "cursor">,
): Promise<string> {
  const rows = await modLogRows(actor, query, MOD_LIMITS.exportRows);
  const entries = await presentModActions(rows);
  const lines = entries.map((e) =>
    [
      e.id,
      e.createdAt,
      e.action,
      e.actor?.id ?? "",
      e.actor?.name ?? "Sistem",
      e.actor?.role ?? "",
      e.targetType,
      e.targetId,
      e.targetLabel,
      e.roomSlug,
      e.threadId,
      e.reason,
      json(e.before),
      json(e.after),
    ]
      .map(csvField)
      .join(","),
  );
  return "\uFEFF" + [MOD_LOG_CSV_COLUMNS.join(","), ...lines].join("\r\n") + "\r\n";
}

import { MOD_LIMITS, type ModLogQuery } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { csvCell } from "../../lib/csv.js";
import { Room } from "../rooms/index.js";
import { presentModActions } from "./modAction.presenter.js";
import { modLogRows } from "./modAction.service.js";

/** The time column says its zone: every Indonesian reader reads WIB (no daylight saving, always UTC+7). */
export const WIB_COLUMN = "waktu (WIB, UTC+7)";

export const MOD_LOG_CSV_COLUMNS = [
  "id",
  WIB_COLUMN,
  "action",
  "actor_id",
  "actor",
  "actor_role",
  "target_type",
  "target_id",
  "target",
  "room",
  "room_slug",
  "thread_id",
  "reason",
  "before",
  "after",
] as const;

const json = (o: Record<string, unknown> | null) => (o ? JSON.stringify(o) : "");

/** `2026-12-01 22:33:05`: the instant in Asia/Jakarta, as a spreadsheet reads a date and time. */
export function wibTime(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3600_000).toISOString().slice(0, 19).replace("T", " ");
}

/** Room names (Indonesian, as the rest of the export) by id; a deleted room keeps its recorded slug. */
async function roomNames(ids: Iterable<string | null>): Promise<Map<string, string>> {
  const unique = [...new Set([...ids].filter((id): id is string => id !== null))];
  if (unique.length === 0) return new Map();
  const rooms = await Room.find({ _id: { $in: unique } }, { name: 1 }).lean();
  return new Map(rooms.map((r) => [r._id.toString(), r.name.id]));
}

/**
 * The filtered log as CSV (`GET /moderation/log.csv`, or `Accept: text/csv`), newest first, up to
 * MOD_LIMITS.exportRows rows. Times are Jakarta time (the header says so), rooms are named (slug
 * beside). Cells that would start a formula are defused; a BOM makes Excel read UTF-8. Before/after
 * stay JSON so nothing is lost in a spreadsheet.
 */
export async function exportModLogCsv(
  actor: Actor | null,
  query: Omit<ModLogQuery, "limit" | "cursor">,
): Promise<string> {
  const rows = await modLogRows(actor, query, MOD_LIMITS.exportRows);
  const entries = await presentModActions(rows);
  const names = await roomNames(entries.map((e) => e.roomId));
  const lines = entries.map((e) =>
    [
      e.id,
      wibTime(e.createdAt),
      e.action,
      e.actor?.id ?? "",
      e.actor?.name ?? "Sistem",
      e.actor?.role ?? "",
      e.targetType,
      e.targetId,
      e.targetLabel,
      (e.roomId ? names.get(e.roomId) : undefined) ?? e.roomSlug,
      e.roomSlug,
      e.threadId,
      e.reason,
      json(e.before),
      json(e.after),
    ]
      .map(csvCell)
      .join(","),
  );
  const header = MOD_LOG_CSV_COLUMNS.map(csvCell).join(",");
  return "\uFEFF" + [header, ...lines].join("\r\n") + "\r\n";
}

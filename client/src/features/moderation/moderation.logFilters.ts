import type { CommandInput, FlagDto, ErrorCode, moderationCommands } from "@rembuk/shared";

/** The audit log's filters as the dashboard keeps them (empty strings: not filtered). */
export interface LogFilters {
  actorId: string;
  action: string;
  roomSlug: string;
  from: string;
  to: string;
}

export const NO_LOG_FILTERS: LogFilters = { actorId: "", action: "", roomSlug: "", from: "", to: "" };

/**
 * The log command's query for these filters; an empty field is left out. The fields stay free text
 * here (what the form holds): the server checks them and answers VALIDATION like any input.
 */
export function logQuery(filters: LogFilters): CommandInput<typeof moderationCommands.log> {
  const query: Record<string, string> = {};
  for (const [k, v] of Object.entries(filters)) if (v) query[k] = v;
  return query as CommandInput<typeof moderationCommands.log>;
}

/** The CSV export's address for the same filters (a plain link: the browser downloads it with the cookie). */
export function logCsvHref(filters: LogFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  const qs = params.toString();
  return `/api/moderation/log.csv${qs ? `?${qs}` : ""}`;
}

export interface BulkResult {
  flags: FlagDto[];
  failed: Array<{ id: string; code: ErrorCode | string; message: string }>;
}

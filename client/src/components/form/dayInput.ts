import { useState } from "react";

/** `YYYY-MM-DD` of a local date, as `<input type=date>` reads and writes it. */
export function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The last second of a chosen local day (`YYYY-MM-DD`); null when the text is not a real date. */
export function endOfDay(day: string): Date | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  if (!m) return null;
  const end = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59);
  return Number.isNaN(end.getTime()) ? null : end;
}

/**
 * Tomorrow's date as a date input's `min` (for "until" fields). Read once when the form opens:
 * a dialog left open past midnight keeps yesterday's bound, and the submit check catches the rest.
 */
export function useTomorrow(): string {
  const [tomorrow] = useState(() => isoDay(new Date(Date.now() + 24 * 3600 * 1000)));
  return tomorrow;
}

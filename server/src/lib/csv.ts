/**
 * One CSV cell for every export (RFC 4180): quoted when it holds a quote, comma or line break, quotes
 * doubled. A text that would start a spreadsheet formula (=, +, -, @, tab, CR) gets a leading
 * apostrophe, so an exported title cannot run code in Excel or LibreOffice; numbers and booleans are
 * our own values and stay as they are (a negative count is not a formula).
 */
export function csvCell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  let s = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

import { describe, expect, it } from "vitest";
import { formatDate, formatDuration, formatNumber, formatRelative } from "./format";

describe("format", () => {
  it("formats dates for each locale", () => {
    const d = new Date(2025, 2, 14, 9, 30);
    expect(formatDate(d, "id")).toBe("14 Maret 2025");
    expect(formatDate(d, "en")).toBe("14 March 2025");
    expect(formatDate("not a date", "id")).toBe("");
  });

  it("formats numbers with the locale's separators", () => {
    expect(formatNumber(1234567.5, "id")).toBe("1.234.567,5");
    expect(formatNumber(1234567.5, "en")).toBe("1,234,567.5");
  });

  it("says how long ago in words", () => {
    const now = new Date("2025-03-14T10:00:00Z");
    expect(formatRelative("2025-03-14T09:55:00Z", "id", now)).toBe("5 menit yang lalu");
    expect(formatRelative("2025-03-14T09:55:00Z", "en", now)).toBe("5 minutes ago");
    expect(formatRelative("2025-03-13T10:00:00Z", "id", now)).toBe("kemarin");
  });

  it("rounds waits up to whole minutes past a minute", () => {
    expect(formatDuration(45, "id")).toBe("45 detik");
    expect(formatDuration(61, "id")).toBe("2 menit");
    expect(formatDuration(900, "en")).toBe("15 minutes");
    expect(formatDuration(60, "en")).toBe("1 minute");
  });
});

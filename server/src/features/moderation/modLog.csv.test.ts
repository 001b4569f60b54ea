import { describe, expect, it } from "vitest";
import { wibTime } from "./modLog.csv.js";

describe("wibTime", () => {
  it("writes the instant in Jakarta time, whatever the server's zone, across a year's end", () => {
    expect(wibTime("2026-12-31T16:59:59.000Z")).toBe("2026-12-31 23:59:59");
    expect(wibTime("2026-12-31T17:00:00.000Z")).toBe("2027-01-01 00:00:00");
    expect(wibTime("2028-02-28T20:00:00.500Z")).toBe("2028-02-29 03:00:00");
  });
});

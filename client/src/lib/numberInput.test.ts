import { describe, expect, it } from "vitest";
import { readNumber, readRupiah, writeNumber } from "./numberInput";

const value = (text: string, locale: "id" | "en") => {
  const r = readNumber(text, locale);
  return r.ok ? r.value : r.reason;
};

describe("readNumber in Indonesian", () => {
  it.each([
    ["2,5", 2.5],
    ["0,5", 0.5],
    ["28,9", 28.9],
    ["1.200", 1200],
    ["1.200.000", 1_200_000],
    ["1.200,75", 1200.75],
    ["1200", 1200],
    ["1234,567", 1234.567],
    ["0,125", 0.125],
    ["-3,5", -3.5],
    ["−4", -4],
    [" 12 ", 12],
    ["1 200", 1200],
  ])("reads %s as %d", (text, expected) => {
    expect(value(text, "id")).toBe(expected);
  });

  it("refuses the English decimal point and suggests the Indonesian writing", () => {
    expect(readNumber("2.5", "id")).toEqual({ ok: false, reason: "wrongSeparator", suggestion: "2,5" });
    expect(readNumber("0.5", "id")).toEqual({ ok: false, reason: "wrongSeparator", suggestion: "0,5" });
    expect(readNumber("-1.25", "id")).toEqual({ ok: false, reason: "wrongSeparator", suggestion: "-1,25" });
  });

  it("refuses English grouping", () => {
    expect(readNumber("1,200,000", "id")).toEqual({
      ok: false,
      reason: "wrongSeparator",
      suggestion: "1200000",
    });
  });

  it("refuses a lone comma before three digits as ambiguous", () => {
    expect(readNumber("1,200", "id")).toEqual({
      ok: false,
      reason: "ambiguous",
      asDecimal: "1,200",
      asThousands: "1200",
    });
  });

  it("says blank and non-numbers apart", () => {
    expect(value("", "id")).toBe("empty");
    expect(value("   ", "id")).toBe("empty");
    expect(value("dua", "id")).toBe("invalid");
    expect(value("1e5", "id")).toBe("invalid");
    expect(value("5,", "id")).toBe("invalid");
  });
});

describe("readNumber in English", () => {
  it.each([
    ["2.5", 2.5],
    ["0.5", 0.5],
    [".5", 0.5],
    ["1,200", 1200],
    ["1,200,000", 1_200_000],
    ["1,200.75", 1200.75],
    ["0.125", 0.125],
    ["-7", -7],
  ])("reads %s as %d", (text, expected) => {
    expect(value(text, "en")).toBe(expected);
  });

  it("refuses the Indonesian decimal comma and suggests the English writing", () => {
    expect(readNumber("2,5", "en")).toEqual({ ok: false, reason: "wrongSeparator", suggestion: "2.5" });
    expect(readNumber("1.200.000", "en")).toEqual({
      ok: false,
      reason: "wrongSeparator",
      suggestion: "1200000",
    });
  });

  it("refuses a lone point before three digits as ambiguous", () => {
    expect(readNumber("1.200", "en")).toEqual({
      ok: false,
      reason: "ambiguous",
      asDecimal: "1.200",
      asThousands: "1200",
    });
  });
});

describe("readRupiah", () => {
  it("reads whole rupiah with an optional Rp and zero cents", () => {
    expect(readRupiah("Rp 350.000.000", "id")).toEqual({ ok: true, value: 350_000_000 });
    expect(readRupiah("1.500.000,00", "id")).toEqual({ ok: true, value: 1_500_000 });
    expect(readRupiah("Rp1,500,000", "en")).toEqual({ ok: true, value: 1_500_000 });
    expect(readRupiah("0", "id")).toEqual({ ok: true, value: 0 });
  });

  it("refuses cents and the other language's grouping", () => {
    expect(readRupiah("1,5", "id")).toEqual({ ok: false, reason: "invalid" });
    expect(readRupiah("1,500,000", "id").ok).toBe(false);
  });
});

describe("writeNumber", () => {
  it("writes the decimal separator of the language", () => {
    expect(writeNumber(2.5, "id")).toBe("2,5");
    expect(writeNumber(2.5, "en")).toBe("2.5");
  });
});

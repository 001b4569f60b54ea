import { describe, expect, it, vi } from "vitest";
import {
  ADOPTION_STAGES,
  AdoptionCreateInput,
  PastDate,
  PracticeInput,
  PracticeListQuery,
  PracticePatchInput,
  isLegalAdoptionStep,
  todayInIndonesia,
} from "./practices.js";

const valid = {
  problem: "Antrean rujukan puskesmas memakan waktu berhari-hari.",
  approach: "Sistem rujukan daring terpadu antara puskesmas dan RSUD.",
  cost: { amount: 0, source: "APBD" },
  regionCode: "33.73",
  sector: "1.02",
  stage: "trial",
  startDate: "2024-02-29",
};

describe("practice input", () => {
  it("accepts a minimal record and fills the optional lists", () => {
    const r = PracticeInput.parse(valid);
    expect(r).toMatchObject({ results: [], sdgs: [], links: [] });
  });

  it.each([
    ["cost.amount", { cost: { amount: -1, source: "APBD" } }],
    ["cost.amount", { cost: { amount: 1.5, source: "APBD" } }],
    ["startDate", { startDate: "2023-02-29" }],
    ["startDate", { startDate: "2024-13-01" }],
    ["sdgs", { sdgs: [3, 3] }],
    ["sdgs.0", { sdgs: [0] }],
    ["links.0", { links: ["ftp://example.go.id/x"] }],
    ["results.0.before", { results: [{ indicator: "Waktu", before: Number.POSITIVE_INFINITY, after: 1 }] }],
    ["sector", { sector: "kesehatan" }],
    ["regionCode", { regionCode: "33.7" }],
    ["problem", { problem: "pendek" }],
  ])("refuses a bad %s", (path, override) => {
    const r = PracticeInput.safeParse({ ...valid, ...override });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toContain(path);
  });

  it("refuses unknown keys and operators", () => {
    expect(PracticeInput.safeParse({ ...valid, adoptionCount: 99 }).success).toBe(false);
    expect(PracticeInput.safeParse({ ...valid, regionCode: { $ne: "" } }).success).toBe(false);
  });

  it("takes partial edits but not an empty one", () => {
    expect(PracticePatchInput.safeParse({ practice: { stage: "implemented" } }).success).toBe(true);
    expect(PracticePatchInput.safeParse({ practice: { contact: null, derivedFrom: null } }).success).toBe(
      true,
    );
    expect(PracticePatchInput.safeParse({ practice: {} }).success).toBe(false);
  });
});

describe("dates", () => {
  it("accepts today in Indonesia and refuses tomorrow", () => {
    // A pinned clock, including the last millisecond before midnight WIT and the first after, so the
    // check never straddles a day boundary between computing "today" and validating it.
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      for (const [now, today, tomorrow] of [
        ["2026-12-31T14:59:59.999Z", "2026-12-31", "2027-01-01"],
        ["2026-12-31T15:00:00.000Z", "2027-01-01", "2027-01-02"],
        ["2028-02-28T20:00:00.000Z", "2028-02-29", "2028-03-01"],
      ]) {
        vi.setSystemTime(new Date(now));
        expect(todayInIndonesia()).toBe(today);
        expect(PastDate.safeParse(today).success).toBe(true);
        expect(PastDate.safeParse(tomorrow).success).toBe(false);
      }
    } finally {
      vi.useRealTimers();
    }
  });

  it("uses WIT (UTC+9) so eastern regions are never 'in the future'", () => {
    expect(todayInIndonesia(new Date("2025-01-01T16:00:00Z"))).toBe("2025-01-02");
    expect(todayInIndonesia(new Date("2025-01-01T14:59:00Z"))).toBe("2025-01-01");
  });
});

describe("the ledger's steps", () => {
  it("allows exactly interested → piloting → adopted and the two ways to abandon", () => {
    const legal = ADOPTION_STAGES.flatMap((from) =>
      ADOPTION_STAGES.filter((to) => isLegalAdoptionStep(from, to)).map((to) => `${from}>${to}`),
    );
    expect(legal.sort()).toEqual([
      "interested>abandoned",
      "interested>piloting",
      "piloting>abandoned",
      "piloting>adopted",
    ]);
  });

  it("always starts at interested", () => {
    expect(AdoptionCreateInput.safeParse({ stage: "interested" }).success).toBe(true);
    expect(AdoptionCreateInput.safeParse({ stage: "adopted" }).success).toBe(false);
  });
});

describe("directory query", () => {
  it("coerces query strings and defaults the sort", () => {
    expect(
      PracticeListQuery.parse({ sdg: "3", featured: "true", hasAdoptions: "0", limit: "5" }),
    ).toMatchObject({
      sdg: 3,
      featured: true,
      hasAdoptions: false,
      limit: 5,
      sort: "recent",
    });
  });

  it("refuses unknown parameters and array injection", () => {
    expect(PracticeListQuery.safeParse({ colour: "red" }).success).toBe(false);
    expect(PracticeListQuery.safeParse({ province: ["33", "35"] }).success).toBe(false);
  });
});

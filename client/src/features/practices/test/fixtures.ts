import type { AdoptionDto, AdoptionStage, SectorDto } from "@rembuk/shared";
import { hex, makeThread } from "../../posts/test/fixtures";
import type { PracticeThread } from "../practices.api";

/** DTO builders for the practices tests (helpers, not tests). */
export const PRACTICE_ID = hex(7, "b");

export const SECTORS: SectorDto[] = [
  { code: "1.02", name: "Kesehatan", nameEn: "Health", group: "basic" },
  { code: "2.11", name: "Lingkungan Hidup", nameEn: "Environment", group: "nonBasic" },
];

export function makePracticeThread(o: Partial<PracticeThread> = {}): PracticeThread {
  return {
    ...makeThread({ id: PRACTICE_ID, kind: "practice", title: "Rujukan daring puskesmas ke RSUD" }),
    practice: {
      problem: "Pasien rujukan sering ditolak karena RSUD penuh.",
      approach: "Sistem rujukan daring dengan ketersediaan tempat tidur.",
      results: [{ indicator: "Waktu tunggu rujukan", before: 72, after: 6, unit: "jam" }],
      cost: { amount: 350_000_000, source: "APBD" },
      regionCode: "33.73",
      provinceCode: "33",
      sector: "1.02",
      stage: "implemented",
      startDate: "2022-04-01",
      sdgs: [3],
      links: ["https://salatiga.go.id"],
      contact: "Dinas Kesehatan",
      derivedFrom: null,
      sourcePosts: [],
      revision: 1,
      updatedAt: "2026-01-10T08:00:00.000Z",
    },
    adoptionCount: 0,
    adoptionsByStage: { interested: 0, piloting: 0, adopted: 0, abandoned: 0 },
    ...o,
  };
}

const STEP_DATES = ["2026-01-11", "2026-02-01", "2026-03-01"];

export function makeAdoption(
  n: number,
  path: AdoptionStage[] = ["interested"],
  o: Partial<AdoptionDto> = {},
): AdoptionDto {
  return {
    id: hex(n, "e"),
    practiceId: PRACTICE_ID,
    practiceTitle: "Rujukan daring puskesmas ke RSUD",
    practiceRegionCode: "33.73",
    affiliation: { kind: "region", code: "35.10" },
    adopter: {
      id: hex(500 + n, "c"),
      name: "Rina Kusumawardani",
      title: "Bupati Banyuwangi",
      verified: true,
    },
    stage: path[path.length - 1],
    steps: path.map((stage, i) => ({
      stage,
      date: STEP_DATES[i] ?? "2026-03-01",
      note: "",
      at: `${STEP_DATES[i] ?? "2026-03-01"}T02:00:00.000Z`,
      by: null,
    })),
    createdAt: "2026-01-11T02:00:00.000Z",
    updatedAt: "2026-01-11T02:00:00.000Z",
    ...o,
  };
}

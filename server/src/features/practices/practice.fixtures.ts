import type { PracticeInputDraft, ThreadDto } from "@rembuk/shared";
import { PracticeInput } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { clientId } from "../rooms/forum.fixtures.js";
import { createThread } from "../posts/thread.create.js";
import type { PracticeThreadDto } from "./practice.presenter.js";

/**
 * Helpers for the practices and adoptions tests (fixtures, not tests): a valid practice record
 * (Kota Salatiga, health) to vary field by field, and practice threads made through the real service.
 */
export function validPractice(overrides: Partial<PracticeInputDraft> = {}): PracticeInputDraft {
  return {
    problem: "Antrean rujukan puskesmas ke rumah sakit memakan waktu berhari-hari.",
    approach: "Sistem rujukan daring terpadu yang menghubungkan semua puskesmas dengan RSUD.",
    results: [{ indicator: "Waktu tunggu rujukan", before: 72, after: 6, unit: "jam" }],
    cost: { amount: 350_000_000, source: "APBD" },
    regionCode: "33.73",
    sector: "1.02",
    stage: "implemented",
    startDate: "2023-04-01",
    sdgs: [3, 10],
    links: ["https://salatiga.go.id"],
    contact: "Dinas Kesehatan Kota Salatiga",
    ...overrides,
  };
}

function hasPractice(t: ThreadDto): t is PracticeThreadDto {
  return t.practice !== undefined && t.adoptionCount !== undefined && t.adoptionsByStage !== undefined;
}

export async function makePractice(
  author: Actor,
  roomSlug: string,
  overrides: Partial<PracticeInputDraft> = {},
  title = "Rujukan daring terpadu",
): Promise<PracticeThreadDto> {
  const { thread } = await createThread(
    author,
    { slug: roomSlug },
    {
      kind: "practice",
      title,
      body: "Ringkasan praktik untuk diskusi.",
      practice: PracticeInput.parse(validPractice(overrides)),
      clientId: clientId(),
    },
  );
  if (!hasPractice(thread)) throw new Error("practice thread came back without its record");
  return thread;
}

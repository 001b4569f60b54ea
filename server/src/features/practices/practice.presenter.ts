import {
  emptyAdoptionsByStage,
  type AdoptionsByStage,
  type PracticeDto,
  type PracticeThreadExtra,
  type ThreadDto,
} from "@rembuk/shared";
import type { ThreadDtoExtension } from "../threads/index.js";
import { Practice, type PracticeRecord } from "./practice.model.js";

/** Counters as stored; a record written before a stage existed reads as zero for it. */
export function stageCounts(stored: Partial<AdoptionsByStage> | undefined): AdoptionsByStage {
  return { ...emptyAdoptionsByStage(), ...stored };
}

export function toPracticeDto(p: PracticeRecord): PracticeDto {
  return {
    problem: p.problem,
    approach: p.approach,
    results: (p.results ?? []).map((r) => ({
      indicator: r.indicator,
      before: r.before,
      after: r.after,
      ...(r.unit ? { unit: r.unit } : {}),
    })),
    cost: { amount: p.cost.amount, source: p.cost.source },
    regionCode: p.regionCode,
    provinceCode: p.provinceCode,
    sector: p.sector,
    stage: p.stage,
    startDate: p.startDate,
    sdgs: p.sdgs ?? [],
    links: p.links ?? [],
    contact: p.contact ?? null,
    derivedFrom: p.derivedFrom ? p.derivedFrom.toString() : null,
    sourcePosts: (p.sourcePosts ?? []).map((s) => ({ postId: s.postId.toString(), seq: s.seq })),
    revision: p.revision ?? 1,
    updatedAt: p.updatedAt.toISOString(),
  };
}

export function toPracticeExtra(p: PracticeRecord): PracticeThreadExtra {
  return {
    practice: toPracticeDto(p),
    adoptionCount: p.adoptionCount ?? 0,
    adoptionsByStage: stageCounts(p.adoptionsByStage),
  };
}

export type PracticeThreadDto = ThreadDto & PracticeThreadExtra;

/**
 * Adds the record and the ledger counts to every practice thread among `threads` (one query), so
 * GET /threads/:id, room lists and broadcasts all carry them (DESIGN.md §5). Other threads pass
 * through unchanged; a practice thread whose record is missing is returned without extras.
 * Registered with threads' presenter by this feature's index.ts.
 */
export const practiceExtras: ThreadDtoExtension = async (_viewer, threads) => {
  const ids = threads.filter((t) => t.kind === "practice").map((t) => t._id);
  if (ids.length === 0) return (dto) => dto;
  const records = await Practice.find({ thread: { $in: ids } }).lean();
  const byThread = new Map(records.map((r) => [r.thread.toString(), r]));
  return (dto) => {
    const record = byThread.get(dto.id);
    return record ? { ...dto, ...toPracticeExtra(record) } : dto;
  };
};

import { z } from "zod";
import {
  threadCommands,
  PracticeThreadDto,
  type PracticeLineageDto,
  type RegionPageDto,
  type PracticeSort,
  type PracticeStage,
} from "@rembuk/shared";
import type { Query } from "../../lib/api";

/** A practice thread as the directory and the practice page carry it: a thread plus its record and ledger counts. */
export type PracticeThread = PracticeThreadDto;
export type Lineage = PracticeLineageDto;
export type RegionPageBody = RegionPageDto;

/** The directory's filters, exactly as `GET /practices` and the page URL spell them. */
export interface DirectoryFilters {
  province?: string;
  region?: string;
  sector?: string;
  stage?: PracticeStage;
  sdg?: number;
  featured?: boolean;
  hasAdoptions?: boolean;
  sort: PracticeSort;
}

export function filtersToQuery(f: DirectoryFilters): Query {
  return {
    province: f.province,
    region: f.region,
    sector: f.sector,
    stage: f.stage,
    sdg: f.sdg,
    featured: f.featured === undefined ? undefined : String(f.featured),
    hasAdoptions: f.hasAdoptions === undefined ? undefined : String(f.hasAdoptions),
    sort: f.sort === "recent" ? undefined : f.sort,
  };
}

/** `/api/practices.csv?…`: a plain link the browser downloads with the session cookie. */
export function csvUrl(f: DirectoryFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filtersToQuery(f)))
    if (v !== undefined && v !== null && v !== "") params.set(k, String(v));
  const qs = params.toString();
  return `/api/practices.csv${qs ? `?${qs}` : ""}`;
}

/**
 * `threads.create` with `kind: 'practice'`: its answer is a practice thread (the record and the ledger
 * counts), so the practices feature reads it with that schema rather than the plain thread's.
 */
export const createPracticeThread = {
  ...threadCommands.create,
  output: z.object({ thread: PracticeThreadDto }),
};

/** The directory's filters as the command's input (the query string `filtersToQuery` spells). */
export function directoryInput(f: DirectoryFilters) {
  const q = filtersToQuery(f);
  return {
    province: f.province,
    region: f.region,
    sector: f.sector,
    stage: f.stage,
    sdg: f.sdg,
    featured: q.featured as "true" | "false" | undefined,
    hasAdoptions: q.hasAdoptions as "true" | "false" | undefined,
    sort: f.sort === "recent" ? undefined : f.sort,
  };
}

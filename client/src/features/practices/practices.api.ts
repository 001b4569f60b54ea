import { z } from "zod";
import {
  AdoptionDto,
  AdoptionsByStage,
  PracticeDto,
  PracticeLinkDto,
  PracticeRevisionDto,
  PracticeStatsDto,
  RegionDto,
  SectorDto,
  ThreadDto,
  UserSummaryDto,
  type AdoptionCreateInput,
  type AdoptionStepInput,
  type PracticeInput,
  type PracticePatchInput,
  type PromoteInput,
  type PracticeSort,
  type PracticeStage,
} from "@rembuk/shared";
import { api, type Query } from "../../lib/api";

/** A practice thread as the directory and the practice page carry it: a thread plus its record and ledger counts. */
export const PracticeThread = ThreadDto.extend({
  practice: PracticeDto,
  adoptionCount: z.number().int(),
  adoptionsByStage: AdoptionsByStage,
});
export type PracticeThread = z.infer<typeof PracticeThread>;

export const Lineage = z.object({
  ancestors: z.array(PracticeLinkDto),
  descendants: z.array(PracticeLinkDto),
});
export type Lineage = z.infer<typeof Lineage>;

const DirectoryPage = z.object({ practices: z.array(PracticeThread), nextCursor: z.string().nullable() });
const PageBody = z.object({ practice: PracticeThread, lineage: Lineage, adoptions: z.array(AdoptionDto) });
const PracticeBody = z.object({ practice: PracticeThread });
const ThreadBody = z.object({ thread: PracticeThread });
const AdoptionBody = z.object({ adoption: AdoptionDto });

const HistoryBody = z.object({ revisions: z.array(PracticeRevisionDto) });
const SectorsBody = z.object({ sectors: z.array(SectorDto) });
const StatsBody = z.object({ stats: PracticeStatsDto });
export const RegionPageBody = z.object({
  region: RegionDto,
  province: RegionDto.nullable(),
  practices: z.array(PracticeThread),
  adoptions: z.array(AdoptionDto),
  people: z.array(UserSummaryDto),
  totals: z.object({
    practices: z.number().int(),
    adoptionsBy: z.number().int(),
    adoptionsOf: z.number().int(),
    people: z.number().int(),
  }),
});
export type RegionPageBody = z.infer<typeof RegionPageBody>;

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

export const practicesApi = {
  list: (f: DirectoryFilters, page: { cursor?: string | null; limit?: number }, signal?: AbortSignal) =>
    api.get("/practices", DirectoryPage, {
      query: { ...filtersToQuery(f), cursor: page.cursor, limit: page.limit },
      signal,
    }),
  page: (id: string, signal?: AbortSignal) =>
    api.get(`/practices/${encodeURIComponent(id)}`, PageBody, { signal }),
  /** A practice thread is created like any thread, with `kind: 'practice'` and its record. */
  create: async (
    roomSlug: string,
    input: { title: string; body: string; practice: PracticeInput; clientId: string },
  ) =>
    (
      await api.post(
        `/rooms/${encodeURIComponent(roomSlug)}/threads`,
        { kind: "practice", ...input },
        ThreadBody,
      )
    ).thread,
  update: async (id: string, patch: PracticePatchInput) =>
    (await api.patch(`/practices/${encodeURIComponent(id)}`, patch, PracticeBody)).practice,
  /** A moderator turns a discussion into a practice record citing its posts. */
  promote: async (threadId: string, input: PromoteInput) =>
    (await api.post(`/threads/${encodeURIComponent(threadId)}/promote`, input, ThreadBody)).thread,
  history: async (id: string) =>
    (await api.get(`/practices/${encodeURIComponent(id)}/history`, HistoryBody)).revisions,
  adopt: async (id: string, input: AdoptionCreateInput) =>
    (await api.post(`/practices/${encodeURIComponent(id)}/adoptions`, input, AdoptionBody)).adoption,
  step: async (adoptionId: string, input: AdoptionStepInput) =>
    (await api.patch(`/adoptions/${encodeURIComponent(adoptionId)}`, input, AdoptionBody)).adoption,
  sectors: async () => (await api.get("/taxonomy/sectors", SectorsBody)).sectors,
  stats: async (f: Omit<DirectoryFilters, "sort">, signal?: AbortSignal) =>
    (
      await api.get("/practices/stats", StatsBody, {
        query: filtersToQuery({ ...f, sort: "recent" }),
        signal,
      })
    ).stats,
  region: (code: string, signal?: AbortSignal) =>
    api.get(`/regions/${encodeURIComponent(code)}`, RegionPageBody, { signal }),
};

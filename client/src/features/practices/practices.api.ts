import { z } from "zod";
import {
  adoptionCommands,
  practiceCommands,
  PracticeThreadDto,
  type PracticeLineageDto,
  type RegionPageDto,
  type AdoptionCreateInput,
  type AdoptionStepInput,
  type PracticeInput,
  type PracticePatchInput,
  type PromoteInput,
  type PracticeSort,
  type PracticeStage,
} from "@rembuk/shared";
import { api, type Query } from "../../lib/api";
import { send } from "../../lib/send";

const ThreadBody = z.object({ thread: PracticeThreadDto });

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
 * The practice and ledger commands (shared/src/commands), as the slice calls them. Every call goes
 * through `send`, except creating a practice thread, which is the threads feature's command.
 */
export const practicesApi = {
  list: (f: DirectoryFilters, page: { cursor?: string | null; limit?: number }, signal?: AbortSignal) =>
    send(
      practiceCommands.list,
      { ...directoryInput(f), cursor: page.cursor ?? undefined, limit: page.limit },
      { signal },
    ),
  page: (id: string, signal?: AbortSignal) => send(practiceCommands.get, { threadId: id }, { signal }),
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
    (await send(practiceCommands.update, { threadId: id, ...patch })).practice,
  /** A moderator turns a discussion into a practice record citing its posts. */
  promote: async (threadId: string, input: PromoteInput) =>
    (await send(practiceCommands.promote, { threadId, ...input })).thread,
  history: async (id: string) => (await send(practiceCommands.history, { threadId: id })).revisions,
  adopt: async (id: string, input: AdoptionCreateInput) =>
    (await send(adoptionCommands.create, { threadId: id, ...input })).adoption,
  step: async (adoptionId: string, input: AdoptionStepInput) =>
    (await send(adoptionCommands.step, { adoptionId, ...input })).adoption,
  sectors: async () => (await send(practiceCommands.sectors, {})).sectors,
  stats: async (f: Omit<DirectoryFilters, "sort">, signal?: AbortSignal) => {
    const { sort: _, ...filters } = directoryInput({ ...f, sort: "recent" });
    return (await send(practiceCommands.stats, filters, { signal })).stats;
  },
  region: (code: string, signal?: AbortSignal) => send(practiceCommands.region, { code }, { signal }),
};

/** The directory's filters as the command's input (the query string `filtersToQuery` spells). */
function directoryInput(f: DirectoryFilters) {
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

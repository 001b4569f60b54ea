// Longer than a few hundred lines: the directory, practice pages, the adoption ledger and region pages share `practicesById`, and a live
// ledger step updates all of them at once: one slice, longer than most.
import {
  adoptionCommands,
  practiceCommands,
  type AdoptionDto,
  type AdoptionStage,
  type AdoptionStepInput,
  type PracticeDto,
  type PracticeInput,
  type PracticePatchInput,
  type PracticeStatsDto,
  type PromoteInput,
  type SectorDto,
} from "@rembuk/shared";
import { isApiError, type ApiErrorCode } from "../../lib/api";
import type { SliceCreator } from "../../store/types";
import { send } from "../../lib/send";
import {
  createPracticeThread,
  directoryInput,
  type DirectoryFilters,
  type Lineage,
  type PracticeThread,
  type RegionPageBody,
} from "./practices.api";

export type LoadStatus = "idle" | "loading" | "loadingMore" | "ready" | "error";

export interface DirectoryState {
  /** The filters this list answers, as a stable key (`filtersKey`). */
  key: string;
  ids: string[];
  nextCursor: string | null;
  status: LoadStatus;
  errorCode: ApiErrorCode | null;
}

export interface PracticePageState {
  status: LoadStatus;
  errorCode: ApiErrorCode | null;
  lineage: Lineage;
  /** Newest change first. */
  adoptionIds: string[];
  /** Adoptions that arrived live while the page was open, for a short highlight. */
  fresh: Record<string, true>;
}

export interface RegionPageState {
  status: LoadStatus;
  errorCode: ApiErrorCode | null;
  data: Omit<RegionPageBody, "practices" | "adoptions"> | null;
  practiceIds: string[];
  adoptionIds: string[];
}

export interface StatsState {
  key: string;
  status: LoadStatus;
  errorCode: ApiErrorCode | null;
  data: PracticeStatsDto | null;
}

export interface PracticesSlice {
  practicesById: Record<string, PracticeThread>;
  adoptionsById: Record<string, AdoptionDto>;
  practiceDirectory: DirectoryState;
  practicePages: Record<string, PracticePageState>;
  regionPages: Record<string, RegionPageState>;
  practiceStats: StatsState;
  sectors: SectorDto[];
  sectorsStatus: LoadStatus;

  loadSectors: () => Promise<void>;
  /** First page for `filters` (a newer call supersedes one in flight), or with `more` the next page. */
  loadDirectory: (filters: DirectoryFilters, opts?: { more?: boolean }) => Promise<void>;
  loadPracticePage: (id: string) => Promise<void>;
  createPractice: (
    roomSlug: string,
    input: { title: string; body: string; practice: PracticeInput; clientId: string },
  ) => Promise<PracticeThread>;
  updatePractice: (id: string, patch: PracticePatchInput) => Promise<PracticeThread>;
  promoteToPractice: (threadId: string, input: PromoteInput) => Promise<PracticeThread>;
  adoptPractice: (id: string, input: { note?: string; date?: string }) => Promise<AdoptionDto>;
  stepAdoption: (adoptionId: string, input: AdoptionStepInput) => Promise<AdoptionDto>;
  loadRegionPage: (code: string) => Promise<void>;
  loadPracticeStats: (filters: Omit<DirectoryFilters, "sort">) => Promise<void>;

  /** `adoption:changed` (and our own writes): upsert, place on open pages, keep the counters in step. */
  internal_adoptionChanged: (adoption: AdoptionDto) => void;
  /** `practice:updated`: a newer revision of a record. */
  internal_practiceUpdated: (threadId: string, practice: PracticeDto) => void;
  internal_receivePractices: (practices: PracticeThread[]) => void;
}

export const DIRECTORY_PAGE_SIZE = 20;

/** A stable key for a set of filters (the order of fields never matters). */
export function filtersKey(f: Partial<DirectoryFilters>): string {
  return JSON.stringify(
    Object.entries(f)
      .filter(([, v]) => v !== undefined)
      .sort(([a], [b]) => a.localeCompare(b)),
  );
}

const emptyDirectory: DirectoryState = {
  key: "",
  ids: [],
  nextCursor: null,
  status: "idle",
  errorCode: null,
};
const emptyStats: StatsState = { key: "", status: "idle", errorCode: null, data: null };
const codeOf = (e: unknown): ApiErrorCode => (isApiError(e) ? e.code : "NETWORK");

/** Newest change first, ids unique. */
function placeFirst(ids: readonly string[], id: string): string[] {
  return [id, ...ids.filter((x) => x !== id)];
}

/**
 * How an adoption change moves a practice's counters, given the copy the store already held (if any).
 * Counting only when the change is new to this tab makes the REST answer and its own broadcast count once.
 */
function counterDelta(
  prev: AdoptionDto | undefined,
  next: AdoptionDto,
): Array<[AdoptionStage, number]> | null {
  if (prev && prev.steps.length >= next.steps.length) return null;
  if (!prev) {
    if (next.steps.length !== 1) return null; // An old entry we never saw: the loaded counts already include it.
    return [[next.stage, 1]];
  }
  return [
    [prev.stage, -1],
    [next.stage, 1],
  ];
}

export const createPracticesSlice: SliceCreator<PracticesSlice> = (set, get) => {
  let directorySeq = 0;
  let statsSeq = 0;

  const patchPage = (id: string, patch: Partial<PracticePageState>) =>
    set((s) => {
      const prev = s.practicePages[id] ?? {
        status: "idle",
        errorCode: null,
        lineage: { ancestors: [], descendants: [] },
        adoptionIds: [],
        fresh: {},
      };
      return { practicePages: { ...s.practicePages, [id]: { ...prev, ...patch } } };
    });

  const receiveAdoptions = (list: AdoptionDto[]) =>
    set((s) => {
      if (list.length === 0) return s;
      const byId = { ...s.adoptionsById };
      for (const a of list) byId[a.id] = a;
      return { adoptionsById: byId };
    });

  return {
    practicesById: {},
    adoptionsById: {},
    practiceDirectory: emptyDirectory,
    practicePages: {},
    regionPages: {},
    practiceStats: emptyStats,
    sectors: [],
    sectorsStatus: "idle",

    loadSectors: async () => {
      const status = get().sectorsStatus;
      if (status === "loading" || status === "ready") return;
      set({ sectorsStatus: "loading" });
      try {
        const { sectors } = await send(practiceCommands.sectors, {});
        set({ sectors, sectorsStatus: "ready" });
      } catch {
        set({ sectorsStatus: "error" });
      }
    },

    loadDirectory: async (filters, opts = {}) => {
      const key = filtersKey(filters);
      const current = get().practiceDirectory;
      if (opts.more && (current.key !== key || !current.nextCursor || current.status === "loadingMore"))
        return;
      const seq = ++directorySeq;
      set({
        practiceDirectory: opts.more
          ? { ...current, status: "loadingMore", errorCode: null }
          : {
              key,
              ids: current.key === key ? current.ids : [],
              nextCursor: null,
              status: "loading",
              errorCode: null,
            },
      });
      try {
        const page = await send(practiceCommands.list, {
          ...directoryInput(filters),
          cursor: opts.more ? (current.nextCursor ?? undefined) : undefined,
          limit: DIRECTORY_PAGE_SIZE,
        });
        if (seq !== directorySeq) return;
        get().internal_receivePractices(page.practices);
        const ids = page.practices.map((p) => p.id);
        set((s) => ({
          practiceDirectory: {
            key,
            ids: opts.more
              ? [...s.practiceDirectory.ids, ...ids.filter((id) => !s.practiceDirectory.ids.includes(id))]
              : ids,
            nextCursor: page.nextCursor,
            status: "ready",
            errorCode: null,
          },
        }));
      } catch (e) {
        if (seq !== directorySeq) return;
        set((s) => ({
          practiceDirectory: { ...s.practiceDirectory, status: "error", errorCode: codeOf(e) },
        }));
      }
    },

    loadPracticePage: async (id) => {
      patchPage(id, {
        status: get().practicePages[id]?.status === "ready" ? "ready" : "loading",
        errorCode: null,
      });
      try {
        const page = await send(practiceCommands.get, { threadId: id });
        get().internal_receivePractices([page.practice]);
        receiveAdoptions(page.adoptions);
        patchPage(id, {
          status: "ready",
          lineage: page.lineage,
          adoptionIds: page.adoptions.map((a) => a.id),
        });
      } catch (e) {
        patchPage(id, { status: "error", errorCode: codeOf(e) });
      }
    },

    createPractice: async (roomSlug, input) => {
      const { thread } = await send(createPracticeThread, { slug: roomSlug, kind: "practice", ...input });
      get().internal_receivePractices([thread]);
      return thread;
    },

    updatePractice: async (id, patch) => {
      const { practice } = await send(practiceCommands.update, { threadId: id, ...patch });
      get().internal_receivePractices([practice]);
      return practice;
    },

    promoteToPractice: async (threadId, input) => {
      const { thread: practice } = await send(practiceCommands.promote, { threadId, ...input });
      get().internal_receivePractices([practice]);
      // The thread changed kind: any cached copy in the forum's store is now a practice too.
      get().internal_receiveThreads([practice]);
      return practice;
    },

    adoptPractice: async (id, input) => {
      const { adoption } = await send(adoptionCommands.create, {
        threadId: id,
        stage: "interested",
        ...input,
      });
      get().internal_adoptionChanged(adoption);
      return adoption;
    },

    stepAdoption: async (adoptionId, input) => {
      const { adoption } = await send(adoptionCommands.step, { adoptionId, ...input });
      get().internal_adoptionChanged(adoption);
      return adoption;
    },

    loadRegionPage: async (code) => {
      set((s) => ({
        regionPages: {
          ...s.regionPages,
          [code]: {
            ...(s.regionPages[code] ?? { data: null, practiceIds: [], adoptionIds: [] }),
            status: s.regionPages[code]?.status === "ready" ? "ready" : "loading",
            errorCode: null,
          },
        },
      }));
      try {
        const { practices, adoptions, ...data } = await send(practiceCommands.region, { code });
        get().internal_receivePractices(practices);
        receiveAdoptions(adoptions);
        set((s) => ({
          regionPages: {
            ...s.regionPages,
            [code]: {
              status: "ready",
              errorCode: null,
              data,
              practiceIds: practices.map((p) => p.id),
              adoptionIds: adoptions.map((a) => a.id),
            },
          },
        }));
      } catch (e) {
        set((s) => ({
          regionPages: {
            ...s.regionPages,
            [code]: {
              ...(s.regionPages[code] ?? { data: null, practiceIds: [], adoptionIds: [] }),
              status: "error",
              errorCode: codeOf(e),
            },
          },
        }));
      }
    },

    loadPracticeStats: async (filters) => {
      const key = filtersKey(filters);
      const seq = ++statsSeq;
      set((s) => ({ practiceStats: { ...s.practiceStats, key, status: "loading", errorCode: null } }));
      try {
        const { sort: _, ...input } = directoryInput({ ...filters, sort: "recent" });
        const { stats: data } = await send(practiceCommands.stats, input);
        if (seq !== statsSeq) return;
        set({ practiceStats: { key, status: "ready", errorCode: null, data } });
      } catch (e) {
        if (seq !== statsSeq) return;
        set((s) => ({ practiceStats: { ...s.practiceStats, status: "error", errorCode: codeOf(e) } }));
      }
    },

    internal_adoptionChanged: (adoption) =>
      set((s) => {
        const prev = s.adoptionsById[adoption.id];
        if (prev && prev.steps.length > adoption.steps.length) return s;
        const delta = counterDelta(prev, adoption);
        const patch: Partial<PracticesSlice> = {
          // Broadcasts carry no abilities: keep the ones this viewer was given.
          adoptionsById: {
            ...s.adoptionsById,
            [adoption.id]: adoption.can || !prev?.can ? adoption : { ...adoption, can: prev.can },
          },
        };

        const practice = s.practicesById[adoption.practiceId];
        if (practice && delta) {
          const byStage = { ...practice.adoptionsByStage };
          let count = practice.adoptionCount;
          for (const [stage, n] of delta) {
            byStage[stage] = Math.max(0, byStage[stage] + n);
            if (stage !== "abandoned") count = Math.max(0, count + n);
          }
          patch.practicesById = {
            ...s.practicesById,
            [practice.id]: { ...practice, adoptionCount: count, adoptionsByStage: byStage },
          };
        }

        const page = s.practicePages[adoption.practiceId];
        if (page) {
          patch.practicePages = {
            ...s.practicePages,
            [adoption.practiceId]: {
              ...page,
              adoptionIds: placeFirst(page.adoptionIds, adoption.id),
              fresh: delta ? { ...page.fresh, [adoption.id]: true } : page.fresh,
            },
          };
        }

        const regionCodes = Object.keys(s.regionPages);
        if (regionCodes.length) {
          const touched = new Set<string>();
          const adopterCode = adoption.affiliation.kind === "region" ? adoption.affiliation.code : null;
          for (const code of regionCodes) {
            const onPage = s.regionPages[code].practiceIds.includes(adoption.practiceId);
            const byRegion =
              adopterCode !== null && (adopterCode === code || adopterCode.startsWith(`${code}.`));
            if (onPage || byRegion || s.regionPages[code].adoptionIds.includes(adoption.id))
              touched.add(code);
          }
          if (touched.size) {
            const regionPages = { ...s.regionPages };
            for (const code of touched)
              regionPages[code] = {
                ...regionPages[code],
                adoptionIds: placeFirst(regionPages[code].adoptionIds, adoption.id),
              };
            patch.regionPages = regionPages;
          }
        }
        return patch;
      }),

    internal_practiceUpdated: (threadId, practice) =>
      set((s) => {
        const current = s.practicesById[threadId];
        if (!current || current.practice.revision >= practice.revision) return s;
        return { practicesById: { ...s.practicesById, [threadId]: { ...current, practice } } };
      }),

    internal_receivePractices: (practices) =>
      set((s) => {
        if (practices.length === 0) return s;
        const byId = { ...s.practicesById };
        for (const p of practices) {
          const prev = byId[p.id];
          // Keep the viewer's own thread fields (unread state) a neutral copy lacks.
          byId[p.id] = prev
            ? {
                ...prev,
                ...p,
                unreadCount: p.unreadCount ?? prev.unreadCount,
                lastReadSeq: p.lastReadSeq ?? prev.lastReadSeq,
                can: p.can ?? prev.can,
              }
            : p;
        }
        return { practicesById: byId };
      }),
  };
};

export const practiceSelectors = {
  byId: (id: string | undefined) => (s: PracticesSlice) => (id ? s.practicesById[id] : undefined),
  page: (id: string | undefined) => (s: PracticesSlice) => (id ? s.practicePages[id] : undefined),
  adoption: (id: string) => (s: PracticesSlice) => s.adoptionsById[id],
  region: (code: string | undefined) => (s: PracticesSlice) => (code ? s.regionPages[code] : undefined),
};

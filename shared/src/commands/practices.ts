import { z } from "zod";
import {
  AdoptionDto,
  PracticeLinkDto,
  PracticeListQuery,
  PracticePatchInput,
  PracticeRevisionDto,
  PracticeStatsDto,
  PracticeThreadExtra,
  PromoteInput,
  RegionParams,
  SectorDto,
} from "../schemas/practices.js";
import { ObjectIdString } from "../schemas/common.js";
import { UserSummaryDto } from "../schemas/rooms.js";
import { RegionDto } from "../schemas/taxonomy.js";
import { ThreadDto } from "../schemas/threads.js";
import { defineCommand } from "./define.js";

/** A practice thread as the directory and the practice page carry it: a thread plus its record and ledger counts. */
export const PracticeThreadDto = ThreadDto.extend(PracticeThreadExtra.shape);
export type PracticeThreadDto = z.infer<typeof PracticeThreadDto>;

export const PracticeLineageDto = z.object({
  /** Where this practice came from: its parent first, then the parent's parent… */
  ancestors: z.array(PracticeLinkDto),
  /** Practices posted as derived from this one, newest first. */
  descendants: z.array(PracticeLinkDto),
});
export type PracticeLineageDto = z.infer<typeof PracticeLineageDto>;

export const PracticePageDto = z.object({
  practice: PracticeThreadDto,
  lineage: PracticeLineageDto,
  adoptions: z.array(AdoptionDto),
});

export const RegionPageDto = z.object({
  region: RegionDto,
  /** The province a kabupaten/kota belongs to (null for a province). */
  province: RegionDto.nullable(),
  practices: z.array(PracticeThreadDto),
  /** Ledger entries by this region and of its practices, newest first. */
  adoptions: z.array(AdoptionDto),
  people: z.array(UserSummaryDto),
  verifiedPeople: z.array(UserSummaryDto),
  unverifiedPeople: z.array(UserSummaryDto),
  totals: z.object({
    practices: z.number().int(),
    adoptionsBy: z.number().int(),
    adoptionsOf: z.number().int(),
    people: z.number().int(),
    peopleVerified: z.number().int(),
  }),
});
export type RegionPageDto = z.infer<typeof RegionPageDto>;

/** The directory's filters without paging: what the CSV export takes. */
export const PracticeFilterQuery = PracticeListQuery.omit({ cursor: true, limit: true });
const PracticeStatsQuery = PracticeListQuery.omit({ cursor: true, limit: true, sort: true });
const ThreadRef = z.object({ threadId: ObjectIdString });
const PracticeResult = z.object({ practice: PracticeThreadDto });

/** Practices directory, practice pages and edits, promotion, the dashboard and region pages (DESIGN.md §5). */
export const practiceCommands = {
  /** Before `/practices/:threadId`: "stats" is no thread id. */
  stats: defineCommand({
    name: "practices.stats",
    summary: "The dashboard's counts over the filtered directory",
    input: PracticeStatsQuery,
    output: z.object({ stats: PracticeStatsDto }),
    http: { method: "GET", path: "/practices/stats" },
  }),
  list: defineCommand({
    name: "practices.list",
    summary: "The practices directory, filtered and sorted (`Accept: text/csv` gives the CSV export)",
    input: PracticeListQuery,
    output: z.object({ practices: z.array(PracticeThreadDto), nextCursor: z.string().nullable() }),
    http: { method: "GET", path: "/practices" },
  }),
  exportCsv: defineCommand({
    name: "practices.exportCsv",
    summary: "The whole filtered directory as CSV (moderators and admins), for a download link",
    input: PracticeFilterQuery,
    output: z.string(),
    errors: ["FORBIDDEN"],
    http: { method: "GET", path: "/practices.csv", contentType: "text/csv; charset=utf-8" },
  }),
  get: defineCommand({
    name: "practices.get",
    summary: "A practice thread with its lineage and its ledger",
    input: ThreadRef,
    output: PracticePageDto,
    errors: ["NOT_FOUND"],
    http: { method: "GET", path: "/practices/:threadId" },
  }),
  update: defineCommand({
    name: "practices.update",
    summary: "Edit a practice record (each edit is kept in its history)",
    input: PracticePatchInput.extend(ThreadRef.shape),
    output: PracticeResult,
    errors: ["NOT_FOUND", "FORBIDDEN", "CONFLICT"],
    http: { method: "PATCH", path: "/practices/:threadId" },
  }),
  history: defineCommand({
    name: "practices.history",
    summary: "A practice record's earlier versions",
    input: ThreadRef,
    output: z.object({ revisions: z.array(PracticeRevisionDto) }),
    errors: ["NOT_FOUND", "FORBIDDEN"],
    http: { method: "GET", path: "/practices/:threadId/history" },
  }),
  promote: defineCommand({
    name: "practices.promote",
    summary: "Turn a discussion into a practice record citing its posts (moderators)",
    input: PromoteInput.extend(ThreadRef.shape),
    output: z.object({ thread: PracticeThreadDto }),
    errors: ["NOT_FOUND", "FORBIDDEN", "CONFLICT"],
    http: { method: "POST", path: "/threads/:threadId/promote" },
  }),
  region: defineCommand({
    name: "practices.region",
    summary: "A region's page: its practices, adoptions both ways and people",
    input: RegionParams,
    output: RegionPageDto,
    errors: ["NOT_FOUND"],
    http: { method: "GET", path: "/regions/:code" },
  }),
  sectors: defineCommand({
    name: "practices.sectors",
    summary: "The sectors (urusan pemerintahan) practices are filed under; cacheable, with an ETag",
    input: z.object({}),
    output: z.object({ sectors: z.array(SectorDto) }),
    http: { method: "GET", path: "/taxonomy/sectors" },
  }),
} as const;

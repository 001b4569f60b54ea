// Longer than a few hundred lines: every practice and ledger contract (DESIGN.md §5) in one file: schemas are data, read top to bottom.
import { z } from "zod";
import { LIMITS } from "../limits.js";
import { AdoptionAbilitiesDto } from "./abilities.js";
import { Affiliation, IsoDate, ObjectIdString, RegionCode } from "./common.js";

/** Sizes of a practice record and an adoption step, shared by the form, the schemas and the models. */
export const PRACTICE_LIMITS = {
  problem: { min: 20, max: 5_000 },
  approach: { min: 20, max: 10_000 },
  indicator: { min: 2, max: 120 },
  unit: { max: 30 },
  results: { max: 10 },
  links: { max: 10 },
  url: { max: 500 },
  contact: { max: 200 },
  /** A thousand trillion rupiah: far above any regional budget, low enough to stay an exact integer. */
  costAmount: { max: 1_000_000_000_000_000 },
  /** Indicators are numbers; this keeps them finite and printable. */
  indicatorValue: { max: 1_000_000_000_000_000 },
  adoptionNote: { max: 1_000 },
  sourcePosts: { max: 20 },
  /** Practices older than this are history, not a typo: dates before it are rejected. */
  earliestDate: "1990-01-01",
} as const;

export const PRACTICE_STAGES = ["initiative", "trial", "implemented"] as const;
export const PracticeStage = z.enum(PRACTICE_STAGES);
export type PracticeStage = z.infer<typeof PracticeStage>;

export const COST_SOURCES = ["APBD", "APBN", "other"] as const;
export const CostSource = z.enum(COST_SOURCES);
export type CostSource = z.infer<typeof CostSource>;

export const ADOPTION_STAGES = ["interested", "piloting", "adopted", "abandoned"] as const;
export const AdoptionStage = z.enum(ADOPTION_STAGES);
export type AdoptionStage = z.infer<typeof AdoptionStage>;

/**
 * The replication ledger's only legal steps (DESIGN.md §2): interested → piloting → adopted, and
 * interested or piloting → abandoned; nothing leaves adopted or abandoned.
 */
export const ADOPTION_TRANSITIONS: Readonly<Record<AdoptionStage, readonly AdoptionStage[]>> = {
  interested: ["piloting", "abandoned"],
  piloting: ["adopted", "abandoned"],
  adopted: [],
  abandoned: [],
};

export function isLegalAdoptionStep(from: AdoptionStage, to: AdoptionStage): boolean {
  return ADOPTION_TRANSITIONS[from].includes(to);
}

/** Per-stage tallies carried by every practice thread. */
export const AdoptionsByStage = z.object({
  interested: z.number().int(),
  piloting: z.number().int(),
  adopted: z.number().int(),
  abandoned: z.number().int(),
});
export type AdoptionsByStage = z.infer<typeof AdoptionsByStage>;

export const emptyAdoptionsByStage = (): AdoptionsByStage => ({
  interested: 0,
  piloting: 0,
  adopted: 0,
  abandoned: 0,
});

/** An urusan pemerintahan code as listed by `GET /taxonomy/sectors` (e.g. `1.02`); existence is checked on the server. */
export const SectorCode = z.string().regex(/^\d\.\d{2}$/, "Use a sector code from /taxonomy/sectors");

export const Sdg = z.number().int().min(1, "SDGs are numbered 1 to 17").max(17, "SDGs are numbered 1 to 17");

/** Today as `YYYY-MM-DD` in the easternmost Indonesian time zone (WIT, UTC+9), so no region is "in the future". */
export function todayInIndonesia(now = new Date()): string {
  return new Date(now.getTime() + 9 * 3600 * 1000).toISOString().slice(0, 10);
}

function isCalendarDate(value: string): boolean {
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

/** A calendar date `YYYY-MM-DD`, real (no 31 February), not before 1990 and not in the future. */
export const PastDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "Use a date like 2024-03-01")
  .refine(isCalendarDate, "Not a calendar date")
  .refine((v) => v >= PRACTICE_LIMITS.earliestDate, `Dates start at ${PRACTICE_LIMITS.earliestDate}`)
  .refine((v) => v <= todayInIndonesia(), "The date is in the future");

const finiteValue = z
  .number()
  .finite()
  .min(-PRACTICE_LIMITS.indicatorValue.max)
  .max(PRACTICE_LIMITS.indicatorValue.max);

export const PracticeResult = z
  .object({
    indicator: z.string().trim().min(PRACTICE_LIMITS.indicator.min).max(PRACTICE_LIMITS.indicator.max),
    before: finiteValue,
    after: finiteValue,
    unit: z.string().trim().max(PRACTICE_LIMITS.unit.max).optional(),
  })
  .strict();
export type PracticeResult = z.infer<typeof PracticeResult>;

export const PracticeCost = z
  .object({
    amount: z
      .number()
      .int("Whole rupiah only")
      .min(0, "The cost cannot be negative")
      .max(PRACTICE_LIMITS.costAmount.max),
    source: CostSource,
  })
  .strict();
export type PracticeCost = z.infer<typeof PracticeCost>;

export const PracticeLink = z
  .httpUrl({ error: "Use a full web address (https://…)" })
  .max(PRACTICE_LIMITS.url.max);

const uniqueSdgs = z
  .array(Sdg)
  .max(17)
  .refine((a) => new Set(a).size === a.length, "Each SDG once");

/** The fields a leader fills in (DESIGN.md §5 "Practice object"); region and sector codes are checked against the taxonomy on the server. */
export const PracticeFields = z
  .object({
    problem: z.string().trim().min(PRACTICE_LIMITS.problem.min).max(PRACTICE_LIMITS.problem.max),
    approach: z.string().trim().min(PRACTICE_LIMITS.approach.min).max(PRACTICE_LIMITS.approach.max),
    results: z.array(PracticeResult).max(PRACTICE_LIMITS.results.max).default([]),
    cost: PracticeCost,
    regionCode: RegionCode,
    sector: SectorCode,
    stage: PracticeStage,
    startDate: PastDate,
    sdgs: uniqueSdgs.default([]),
    links: z.array(PracticeLink).max(PRACTICE_LIMITS.links.max).default([]),
    contact: z.string().trim().max(PRACTICE_LIMITS.contact.max).optional(),
    derivedFrom: ObjectIdString.optional(),
  })
  .strict();
/** What `POST /rooms/:slug/threads {kind:'practice', practice}` carries in `practice`. */
export const PracticeInput = PracticeFields;
export type PracticeInput = z.infer<typeof PracticeInput>;
/** The form's view of the input before defaults apply. */
export type PracticeInputDraft = z.input<typeof PracticeInput>;

/**
 * `PATCH /practices/:threadId {practice}`: any subset of the fields; each edit is kept in the history.
 * `derivedFrom` may be set or cleared (`null`).
 */
export const PracticePatchInput = z
  .object({
    practice: z
      .object({
        problem: PracticeFields.shape.problem.optional(),
        approach: PracticeFields.shape.approach.optional(),
        results: z.array(PracticeResult).max(PRACTICE_LIMITS.results.max).optional(),
        cost: PracticeCost.optional(),
        regionCode: RegionCode.optional(),
        sector: SectorCode.optional(),
        stage: PracticeStage.optional(),
        startDate: PastDate.optional(),
        sdgs: uniqueSdgs.optional(),
        links: z.array(PracticeLink).max(PRACTICE_LIMITS.links.max).optional(),
        contact: z.string().trim().max(PRACTICE_LIMITS.contact.max).nullable().optional(),
        derivedFrom: ObjectIdString.nullable().optional(),
      })
      .strict()
      .refine((v) => Object.keys(v).length > 0, "Nothing to change"),
  })
  .strict();
export type PracticePatchInput = z.infer<typeof PracticePatchInput>;

/** `POST /threads/:id/promote`: a moderator turns a discussion into a practice record citing its posts. */
export const PromoteInput = z
  .object({
    practice: PracticeInput,
    sourcePostIds: z
      .array(ObjectIdString)
      .max(PRACTICE_LIMITS.sourcePosts.max)
      .refine((a) => new Set(a).size === a.length, "Each post once")
      .default([]),
  })
  .strict();
export type PromoteInput = z.infer<typeof PromoteInput>;

/** A practice thread this one derives from or that grew from it, as the lineage panel shows it. */
export const PracticeLinkDto = z.object({
  id: z.string(),
  title: z.string(),
  regionCode: z.string(),
  stage: PracticeStage,
});
export type PracticeLinkDto = z.infer<typeof PracticeLinkDto>;

export const SourcePostDto = z.object({ postId: z.string(), seq: z.number().int() });

export const PracticeDto = z.object({
  problem: z.string(),
  approach: z.string(),
  results: z.array(PracticeResult),
  cost: PracticeCost,
  regionCode: z.string(),
  /** The province part of `regionCode` (equal to it for a province). */
  provinceCode: z.string(),
  sector: z.string(),
  stage: PracticeStage,
  startDate: z.string(),
  sdgs: z.array(z.number().int()),
  links: z.array(z.string()),
  contact: z.string().nullable(),
  derivedFrom: z.string().nullable(),
  /** Posts of the discussion this record was promoted from. */
  sourcePosts: z.array(SourcePostDto),
  revision: z.number().int(),
  updatedAt: IsoDate,
});
export type PracticeDto = z.infer<typeof PracticeDto>;

/** What a practice thread adds to a thread DTO (DESIGN.md §5). */
export const PracticeThreadExtra = z.object({
  practice: PracticeDto,
  adoptionCount: z.number().int(),
  adoptionsByStage: AdoptionsByStage,
});
export type PracticeThreadExtra = z.infer<typeof PracticeThreadExtra>;

/** One entry of a practice's edit history: who changed which fields and what they were before. */
export const PracticeRevisionDto = z.object({
  id: z.string(),
  revision: z.number().int(),
  editor: z.object({ id: z.string(), name: z.string() }).nullable(),
  fields: z.array(z.string()),
  before: z.record(z.string(), z.unknown()),
  after: z.record(z.string(), z.unknown()),
  at: IsoDate,
});
export type PracticeRevisionDto = z.infer<typeof PracticeRevisionDto>;

/* ------------------------------------------------------------------ directory */

const flag = z
  .enum(["true", "false", "1", "0"])
  .transform((v) => v === "true" || v === "1")
  .optional();

export const PRACTICE_SORTS = ["recent", "adopted", "discussed"] as const;
export const PracticeSort = z.enum(PRACTICE_SORTS);
export type PracticeSort = z.infer<typeof PracticeSort>;

/** `GET /practices` query: every filter optional, all of them combine with AND. */
export const PracticeListQuery = z
  .object({
    province: z
      .string()
      .regex(/^\d{2}$/, "Use a province code like 33")
      .optional(),
    region: RegionCode.optional(),
    sector: SectorCode.optional(),
    stage: PracticeStage.optional(),
    sdg: z.coerce.number().pipe(Sdg).optional(),
    featured: flag,
    hasAdoptions: flag,
    sort: PracticeSort.default("recent"),
    cursor: z.string().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(LIMITS.pageSize.max).default(20),
  })
  .strict();
export type PracticeListQuery = z.infer<typeof PracticeListQuery>;

/* ------------------------------------------------------------------ ledger */

const AdoptionNote = z.string().trim().max(PRACTICE_LIMITS.adoptionNote.max);

/** `POST /practices/:threadId/adoptions`: a ledger entry always starts at `interested`. */
export const AdoptionCreateInput = z
  .object({
    stage: z.literal("interested"),
    note: AdoptionNote.optional(),
    /** When the step happened; today when omitted. */
    date: PastDate.optional(),
  })
  .strict();
export type AdoptionCreateInput = z.infer<typeof AdoptionCreateInput>;

/** `PATCH /adoptions/:id`: one step forward (or to abandoned), with a note and the date it happened. */
export const AdoptionStepInput = z
  .object({
    stage: AdoptionStage,
    note: AdoptionNote.optional(),
    date: PastDate.optional(),
  })
  .strict();
export type AdoptionStepInput = z.infer<typeof AdoptionStepInput>;

export const AdoptionStepDto = z.object({
  stage: AdoptionStage,
  date: z.string(),
  note: z.string(),
  at: IsoDate,
  by: z.object({ id: z.string(), name: z.string() }).nullable(),
});
export type AdoptionStepDto = z.infer<typeof AdoptionStepDto>;

export const AdoptionDto = z.object({
  id: z.string(),
  /** The practice thread's id. */
  practiceId: z.string(),
  practiceTitle: z.string(),
  /** The region the adopted practice comes from. */
  practiceRegionCode: z.string(),
  affiliation: Affiliation,
  adopter: z
    .object({ id: z.string(), name: z.string(), title: z.string(), verified: z.boolean() })
    .nullable(),
  stage: AdoptionStage,
  steps: z.array(AdoptionStepDto),
  createdAt: IsoDate,
  updatedAt: IsoDate,
  /** Per viewer; never in broadcasts. */
  can: AdoptionAbilitiesDto.optional(),
});
export type AdoptionDto = z.infer<typeof AdoptionDto>;

/** The ledger commands' inputs: the path's id with the body. */
export const AdoptionCreateCommand = AdoptionCreateInput.extend({ threadId: ObjectIdString }).strict();
export const AdoptionStepCommand = AdoptionStepInput.extend({ adoptionId: ObjectIdString }).strict();

/* ------------------------------------------------------------------ taxonomy, regions, dashboard */

export const SECTOR_GROUPS = ["basic", "nonBasic", "optional", "support"] as const;
export const SectorGroup = z.enum(SECTOR_GROUPS);
export const SectorDto = z.object({
  code: z.string(),
  /** Official Indonesian name. */
  name: z.string(),
  nameEn: z.string(),
  /** wajib pelayanan dasar / wajib non-pelayanan dasar / pilihan / penunjang. */
  group: SectorGroup,
});
export type SectorDto = z.infer<typeof SectorDto>;

/** `GET /regions/:code` params and socket `region:join` / `region:leave`. */
export const RegionParams = z.object({ code: RegionCode }).strict();
export const RegionRoomInput = RegionParams;
export type RegionRoomInput = z.infer<typeof RegionRoomInput>;

export const PracticeStatsDto = z.object({
  totals: z.object({ practices: z.number().int(), adoptions: z.number().int(), regions: z.number().int() }),
  bySector: z.array(z.object({ code: z.string(), count: z.number().int() })),
  byProvince: z.array(z.object({ code: z.string(), count: z.number().int() })),
  byStage: z.array(z.object({ stage: PracticeStage, count: z.number().int() })),
  adoptionsByStage: AdoptionsByStage,
  activeRegions: z.array(
    z.object({ code: z.string(), practices: z.number().int(), adoptions: z.number().int() }),
  ),
  /** Per calendar month (`YYYY-MM`), oldest first, the last twelve months. */
  activity: z.array(
    z.object({ month: z.string(), practices: z.number().int(), adoptionSteps: z.number().int() }),
  ),
});
export type PracticeStatsDto = z.infer<typeof PracticeStatsDto>;

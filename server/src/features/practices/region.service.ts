import type { AdoptionDto, RegionDto, UserSummaryDto } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { notFound } from "../../lib/errors.js";
import { Adoption } from "./adoption.model.js";
import { presentVisibleAdoptions } from "./adoption.service.js";
import { toUserSummary, User } from "../users/index.js";
import { findRegion, listRegions } from "../taxonomy/index.js";
import { directoryRows, presentRows } from "./practice.directory.js";
import type { PracticeThreadDto } from "./practice.presenter.js";

/** How much one region page shows of each list; the directory pages further. */
export const REGION_PAGE_LIMITS = { practices: 50, adoptions: 100, people: 60 } as const;

export interface RegionPage {
  region: RegionDto;
  /** The province a kabupaten/kota belongs to (absent for a province). */
  province: RegionDto | null;
  practices: PracticeThreadDto[];
  /** Ledger entries by this region (adopting elsewhere) and of its practices (adopted elsewhere), newest first. */
  adoptions: AdoptionDto[];
  /** Members affiliated with the region (for a province: with it or any of its kabupaten/kota), verified first. */
  people: UserSummaryDto[];
  /** The same people apart: verified offices, and claims nobody has checked yet ("belum terverifikasi"). */
  verifiedPeople: UserSummaryDto[];
  unverifiedPeople: UserSummaryDto[];
  totals: {
    practices: number;
    adoptionsBy: number;
    adoptionsOf: number;
    people: number;
    peopleVerified: number;
  };
}

/**
 * `GET /regions/:code` → a region's practices, adoptions and people. A province page covers its
 * kabupaten/kota too. Only what the viewer could see elsewhere: practices in visible rooms, published;
 * adoptions of visible practices; public profiles.
 */
export async function getRegionPage(actor: Actor | null, code: string): Promise<RegionPage> {
  const region = findRegion(code);
  if (!region) throw notFound("Region");
  const isProvince = region.kind === "province";
  const province = isProvince ? null : findRegion(region.provinceCode ?? code.slice(0, 2));

  const { rows: all, roomSlugs } = await directoryRows(
    actor,
    { region: code, sort: "recent" },
    { publishedOnly: true },
  );
  const practiceIds = all.map((r) => r.thread);

  const byRegion = isProvince ? { provinceCode: code } : { regionCode: code };
  const adoptionRecords = await Adoption.find({ $or: [byRegion, { practice: { $in: practiceIds } }] })
    .sort({ updatedAt: -1 })
    .limit(REGION_PAGE_LIMITS.adoptions)
    .lean();
  const adoptions = await presentVisibleAdoptions(actor, adoptionRecords);
  const practiceSet = new Set(practiceIds.map(String));

  const codes = isProvince
    ? [
        code,
        ...listRegions()
          .filter((r) => r.provinceCode === code)
          .map((r) => r.code),
      ]
    : [code];
  const peopleFilter = { "affiliation.kind": "region" as const, "affiliation.code": { $in: codes } };
  const fields = { name: 1, role: 1, title: 1, affiliation: 1, verified: 1 } as const;
  const [verifiedRows, unverifiedRows, peopleCount, verifiedCount] = await Promise.all([
    User.find({ ...peopleFilter, verified: true }, fields)
      .sort({ name: 1 })
      .limit(REGION_PAGE_LIMITS.people)
      .lean(),
    User.find({ ...peopleFilter, verified: { $ne: true } }, fields)
      .sort({ name: 1 })
      .limit(REGION_PAGE_LIMITS.people)
      .lean(),
    User.countDocuments(peopleFilter),
    User.countDocuments({ ...peopleFilter, verified: true }),
  ]);
  const verifiedPeople = verifiedRows.map(toUserSummary);
  const unverifiedPeople = unverifiedRows.map(toUserSummary);

  return {
    region,
    province,
    practices: await presentRows(actor, all.slice(0, REGION_PAGE_LIMITS.practices), roomSlugs),
    adoptions,
    people: [...verifiedPeople, ...unverifiedPeople].slice(0, REGION_PAGE_LIMITS.people),
    verifiedPeople,
    unverifiedPeople,
    totals: {
      practices: all.length,
      adoptionsBy: adoptions.filter((a) => !practiceSet.has(a.practiceId)).length,
      adoptionsOf: adoptions.filter((a) => practiceSet.has(a.practiceId)).length,
      people: peopleCount,
      peopleVerified: verifiedCount,
    },
  };
}

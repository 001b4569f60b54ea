import type { AdoptionDto } from "@rembuk/shared";
import { Types } from "mongoose";
import { User, toAffiliation } from "../users/index.js";
import type { AdoptionRecord } from "./adoption.model.js";

/** The few facts about the adopted practice an adoption DTO names. */
export interface PracticeRef {
  title: string;
  regionCode: string;
}

interface PersonRef {
  id: string;
  name: string;
  title: string;
  verified: boolean;
}

export function presentAdoption(
  a: AdoptionRecord,
  practice: PracticeRef,
  people: ReadonlyMap<string, PersonRef>,
): AdoptionDto {
  const adopter = people.get(a.adopter.toString()) ?? null;
  const affiliation = toAffiliation(a.affiliation);
  return {
    id: a._id.toString(),
    practiceId: a.practice.toString(),
    practiceTitle: practice.title,
    practiceRegionCode: practice.regionCode,
    // Stored affiliations were validated on the way in; the fallback only guards a hand-edited record.
    affiliation: affiliation ?? { kind: "agency", name: a.affiliationKey },
    adopter,
    stage: a.stage,
    steps: a.steps.map((s) => {
      const by = people.get(s.by.toString());
      return {
        stage: s.stage,
        date: s.date,
        note: s.note ?? "",
        at: s.at.toISOString(),
        by: by ? { id: by.id, name: by.name } : null,
      };
    }),
    createdAt: a.createdAt.toISOString(),
    updatedAt: a.updatedAt.toISOString(),
  };
}

/** One query for everyone named by a batch of adoptions (adopters and step authors); public fields only. */
export async function loadPeople(adoptions: readonly AdoptionRecord[]): Promise<Map<string, PersonRef>> {
  const ids = new Set<string>();
  for (const a of adoptions) {
    ids.add(a.adopter.toString());
    for (const s of a.steps) ids.add(s.by.toString());
  }
  if (ids.size === 0) return new Map();
  const users = await User.find(
    { _id: { $in: [...ids].map((id) => new Types.ObjectId(id)) } },
    { name: 1, title: 1, verified: 1 },
  ).lean();
  return new Map(
    users.map((u) => [
      u._id.toString(),
      { id: u._id.toString(), name: u.name, title: u.title ?? "", verified: u.verified },
    ]),
  );
}

import type { UserSummaryDto } from "@rembuk/shared";
import type { Types } from "mongoose";
import { User, type UserRecord } from "./user.model.js";
import { toAffiliation } from "./user.presenter.js";
import { regionLabel } from "../taxonomy/index.js";

const SUMMARY_FIELDS = { name: 1, role: 1, title: 1, affiliation: 1, verified: 1 } as const;

export function toUserSummary(
  u: Pick<UserRecord, "_id" | "name" | "role" | "title" | "affiliation" | "verified">,
): UserSummaryDto {
  const affiliation = toAffiliation(u.affiliation);
  return {
    id: u._id.toString(),
    name: u.name,
    title: u.title ?? "",
    affiliation,
    place: !affiliation
      ? null
      : affiliation.kind === "agency"
        ? affiliation.name
        : regionLabel(affiliation.code),
    verified: u.verified,
    role: u.role,
  };
}

/**
 * Public summaries for a batch of user ids, one query, keyed by id string. Presenters of threads,
 * posts and presence lists call this once per batch instead of once per item.
 */
export async function loadUserSummaries(
  ids: Iterable<Types.ObjectId | string | null | undefined>,
): Promise<Map<string, UserSummaryDto>> {
  const unique = [...new Set([...ids].filter((id) => id != null).map(String))];
  if (unique.length === 0) return new Map();
  const users = await User.find({ _id: { $in: unique } }, SUMMARY_FIELDS).lean();
  return new Map(users.map((u) => [u._id.toString(), toUserSummary(u)]));
}

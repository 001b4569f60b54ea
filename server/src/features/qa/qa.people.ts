import type { Types } from "mongoose";
import type { QaPersonDto } from "@rembuk/shared";
import { User } from "../users/user.model.js";
import { toAffiliation } from "../users/user.presenter.js";

export type People = Map<string, QaPersonDto>;

/** Names, titles and badges of the given users, in one query; never an email. */
export async function loadPeople(ids: Iterable<Types.ObjectId | string>): Promise<People> {
  const unique = [...new Set([...ids].map(String))];
  if (unique.length === 0) return new Map();
  const users = await User.find({ _id: { $in: unique } }, { name: 1, title: 1, affiliation: 1, verified: 1 }).lean();
  return new Map(
    users.map((u) => [
      u._id.toString(),
      {
        id: u._id.toString(),
        name: u.name,
        title: u.title ?? "",
        affiliation: toAffiliation(u.affiliation),
        verified: u.verified,
      },
    ]),
  );
}

/** A person we can no longer find (deleted account) still renders. */
export const personOrPlaceholder = (people: People, id: Types.ObjectId | string): QaPersonDto =>
  people.get(String(id)) ?? { id: String(id), name: "—", title: "", affiliation: null, verified: false };

import { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { toActor, User } from "../users/index.js";

const ACTOR_FIELDS = { role: 1, name: 1, verified: 1, affiliation: 1, suspendedUntil: 1 } as const;
const PAGE = 1000;

/**
 * The recipients who pass `sees` (the rooms feature's visibility rules, asked through its front
 * door), as they are now: a deleted account or one that lost access gets nothing.
 */
export async function whoMaySee(ids: Iterable<string>, sees: (actor: Actor) => boolean): Promise<string[]> {
  const all = [...new Set(ids)];
  const out: string[] = [];
  for (let i = 0; i < all.length; i += PAGE) {
    const users = await User.find(
      { _id: { $in: all.slice(i, i + PAGE).map((id) => new Types.ObjectId(id)) } },
      ACTOR_FIELDS,
    ).lean();
    for (const u of users) if (sees(toActor(u))) out.push(u._id.toString());
  }
  return out;
}

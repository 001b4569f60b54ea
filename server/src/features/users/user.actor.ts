import { ObjectIdString } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { User, type UserRecord } from "./user.model.js";
import { toAffiliation } from "./user.presenter.js";

const ACTOR_FIELDS = { role: 1, name: 1, verified: 1, affiliation: 1, suspendedUntil: 1 } as const;

export function toActor(
  u: Pick<UserRecord, "_id" | "role" | "name" | "verified" | "affiliation" | "suspendedUntil">,
): Actor {
  return {
    id: u._id.toString(),
    role: u.role,
    name: u.name,
    verified: u.verified,
    affiliation: toAffiliation(u.affiliation),
    suspendedUntil: u.suspendedUntil ?? null,
  };
}

/**
 * The actor behind a session or socket, read fresh for every request and command so a role change
 * or suspension applies at once. `null` for guests, malformed ids and deleted users.
 */
export async function loadActor(userId: string | null): Promise<Actor | null> {
  if (!userId || !ObjectIdString.safeParse(userId).success) return null;
  const u = await User.findById(userId, ACTOR_FIELDS).lean();
  return u ? toActor(u) : null;
}

import type { Types } from "mongoose";
import type { QaPersonDto } from "@rembuk/shared";
import { User, toAffiliation } from "../users/index.js";
import { QaParticipant } from "./qaParticipant.model.js";

export type People = Map<string, QaPersonDto>;

/**
 * Who asked is read for every question DTO, including each vote's ack and broadcast; during a vote
 * storm that is the same few askers thousands of times. A short-lived cache keeps that off the
 * database; a renamed user shows the new name within TTL_MS.
 */
const TTL_MS = 30_000;
const MAX_CACHED = 5_000;
const cache = new Map<string, { person: QaPersonDto; until: number }>();

/** Names, titles and badges of the given users (or guest participants), in at most two queries; never an email. */
export async function loadPeople(ids: Iterable<Types.ObjectId | string>): Promise<People> {
  const now = Date.now();
  const people: People = new Map();
  const missing: string[] = [];
  for (const id of new Set([...ids].map(String))) {
    const hit = cache.get(id);
    if (hit && hit.until > now) people.set(id, hit.person);
    else missing.push(id);
  }
  if (missing.length === 0) return people;
  const users = await User.find(
    { _id: { $in: missing } },
    { name: 1, title: 1, affiliation: 1, verified: 1 },
  ).lean();
  if (cache.size + users.length > MAX_CACHED) cache.clear();
  for (const u of users) {
    const person: QaPersonDto = {
      id: u._id.toString(),
      name: u.name,
      title: u.title ?? "",
      affiliation: toAffiliation(u.affiliation),
      verified: u.verified,
    };
    people.set(person.id, person);
    cache.set(person.id, { person, until: now + TTL_MS });
  }
  // Whoever is not a user is a guest participant (their acting id is their row's id).
  const guestIds = missing.filter((id) => !people.has(id));
  if (guestIds.length === 0) return people;
  const guests = await QaParticipant.find({ _id: { $in: guestIds }, kind: "guest" }, { name: 1 }).lean();
  for (const g of guests) {
    const person: QaPersonDto = {
      id: g._id.toString(),
      name: g.name ?? "",
      title: "",
      affiliation: null,
      verified: false,
      guest: true,
    };
    people.set(person.id, person);
    cache.set(person.id, { person, until: now + TTL_MS });
  }
  return people;
}

/** A person we can no longer find (deleted account) still renders. */
export const personOrPlaceholder = (people: People, id: Types.ObjectId | string): QaPersonDto =>
  people.get(String(id)) ?? { id: String(id), name: "—", title: "", affiliation: null, verified: false };

import type { QaGuestsMode } from "@rembuk/shared";
import { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { AppError } from "../../lib/errors.js";
import type { GuestRef } from "./qa.guestCookie.js";
import { QaParticipant, type QaParticipantRecord } from "./qaParticipant.model.js";
import { sharedCounters } from "./qa.scale.js";

/**
 * Guest participants as actors. A guest is an `Actor` with `guestOf` set to its one session, built
 * here for that session's commands only (REST routes and socket handlers of the Q&A feature): every
 * other feature still sees the device as a signed-out visitor, and the Q&A access check refuses the
 * actor in any other session.
 *
 * The participant row is read on every guest command (block must bite); during a vote storm that is
 * thousands of reads of the same rows (a profile of 5,000 guests voting showed them as the largest
 * database cost), so rows are kept in memory. Every change to a guest row goes through this module's
 * callers (block, unblock, claim, rename), which drop the copy at once; with one process that makes
 * the copy always right. With several processes (REDIS_URL) another process's block reaches this
 * one within SHARED_CACHE_MS.
 */
const SHARED_CACHE_MS = 10_000;
const MAX_CACHED = 20_000;
type CachedGuest = Pick<QaParticipantRecord, "_id" | "session" | "name" | "blocked" | "claimedBy">;
const cache = new Map<string, { row: CachedGuest | null; until: number }>();

export function forgetGuest(participantId: string): void {
  cache.delete(participantId);
}

async function guestRow(participantId: string): Promise<CachedGuest | null> {
  const hit = cache.get(participantId);
  const now = Date.now();
  if (hit && hit.until > now) return hit.row;
  const row = await QaParticipant.findOne(
    { _id: participantId, kind: "guest" },
    { session: 1, name: 1, blocked: 1, claimedBy: 1 },
  ).lean();
  if (cache.size >= MAX_CACHED) cache.clear();
  cache.set(participantId, { row, until: sharedCounters() ? now + SHARED_CACHE_MS : Infinity });
  return row;
}

export const guestToActor = (row: Pick<QaParticipantRecord, "_id" | "session" | "name">): Actor => ({
  id: row._id.toString(),
  role: "member",
  name: row.name ?? "",
  verified: false,
  affiliation: null,
  suspendedUntil: null,
  guestOf: row.session.toString(),
});

/** Whether this guest was blocked (the cached row, see above). */
export async function isBlockedGuest(participantId: string): Promise<boolean> {
  return (await guestRow(participantId))?.blocked ?? true;
}

/** The guest this device is in `sessionId`, if its cookie names one that still exists and was not claimed. */
export async function guestActorFor(refs: readonly GuestRef[], sessionId: string): Promise<Actor | null> {
  const ref = refs.find((r) => r.sessionId === sessionId);
  if (!ref) return null;
  const row = await guestRow(ref.participantId);
  if (!row || row.claimedBy || row.session.toString() !== sessionId) return null;
  return guestToActor(row);
}

/**
 * Who acts in `sessionId`: the signed-in member if there is one (a member never acts as a guest),
 * else the guest this device joined that session as, else nobody.
 */
export async function qaCaller(
  member: Actor | null,
  refs: readonly GuestRef[],
  sessionId: string,
): Promise<Actor | null> {
  return member ?? (await guestActorFor(refs, sessionId));
}

export const isGuest = (actor: Actor | null): actor is Actor & { guestOf: string } => Boolean(actor?.guestOf);

/**
 * The host's guest setting, enforced for every guest write (ask, vote, answer a poll): `off` and
 * `watch` refuse, and so does a block. Members pass untouched.
 */
export async function assertGuestMayAct(
  actor: Actor | null,
  session: { guests?: QaGuestsMode },
): Promise<void> {
  if (!isGuest(actor)) return;
  const mode = session.guests ?? "off";
  if (mode === "off") throw new AppError("GUESTS_OFF", 403, "This session does not take guests");
  if (mode === "watch") throw new AppError("WATCH_ONLY", 403, "Guests may only watch this session");
  const row = await guestRow(actor.id);
  if (!row || row.blocked) throw new AppError("BLOCKED", 403, "You were blocked from this session");
}

/** Whether a guest may act right now (for the snapshot's `canAsk`/`canVote`), without throwing. */
export async function guestMayAct(actor: Actor, session: { guests?: QaGuestsMode }): Promise<boolean> {
  try {
    await assertGuestMayAct(actor, session);
    return true;
  } catch (err) {
    if (err instanceof AppError) return false;
    throw err;
  }
}

/** A new guest row for a session; its id is also the id it acts under. */
export async function createGuest(
  sessionId: Types.ObjectId,
  name: string | null,
): Promise<QaParticipantRecord> {
  const id = new Types.ObjectId();
  const doc = await QaParticipant.create({ _id: id, session: sessionId, kind: "guest", user: id, name });
  return doc.toObject();
}

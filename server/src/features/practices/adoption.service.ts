import { Types } from "mongoose";
import {
  ADOPTION_TRANSITIONS,
  isLegalAdoptionStep,
  todayInIndonesia,
  type AdoptionCreateInput,
  type AdoptionDto,
  type AdoptionStage,
  type AdoptionStepInput,
} from "@rembuk/shared";
import { isSuspended, type Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { AppError, conflict, forbidden, notFound, notVerified, validation } from "../../lib/errors.js";
import { assertCan } from "../../lib/policy.js";
import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { requireSignedIn, Room, canSeeContent, canSeeRoom } from "../rooms/index.js";
import { Thread } from "../threads/index.js";
import { provinceOf } from "../taxonomy/index.js";
import { fromAffiliation, affiliationKey } from "../users/index.js";
import { loadVisiblePractice, type LoadedPractice } from "./practice.access.js";
import { Practice } from "./practice.model.js";
import { Adoption, type AdoptionRecord } from "./adoption.model.js";
import { loadPeople, presentAdoption, type PracticeRef } from "./adoption.presenter.js";
import { adoptionAbilities } from "./adoption.abilities.js";
import { domainEvents } from "../../lib/events.js";
import "./adoption.events.js";

const refOf = (p: LoadedPractice): PracticeRef => ({
  title: p.thread.title,
  regionCode: p.practice.regionCode,
});

async function present(a: AdoptionRecord, practice: PracticeRef): Promise<AdoptionDto> {
  return presentAdoption(a, practice, await loadPeople([a]));
}

/**
 * Where a ledger change is announced: the practice's thread room (its page) and the region rooms of
 * both sides — the adopter's kabupaten/kota and province, and the practice's — so region pages stay
 * live too. Distinct names only; Socket.io delivers once per socket across the list.
 */
function audience(a: AdoptionRecord, practiceRegionCode: string): string[] {
  const names = new Set([rooms.thread(a.practice.toString())]);
  for (const code of [a.regionCode, a.provinceCode, practiceRegionCode, provinceOf(practiceRegionCode)]) {
    if (code) names.add(rooms.region(code));
  }
  return [...names];
}

/**
 * `POST /practices/:threadId/adoptions`: the actor's region or agency
 * declares interest. One active (not abandoned) adoption per practice and affiliation is a unique
 * partial index, so concurrent clicks yield exactly one entry and 409 for the rest; the practice's
 * counters move by `$inc` right after, so they stay exact under any interleaving.
 */
export async function createAdoption(
  actor: Actor | null,
  threadId: string,
  input: AdoptionCreateInput,
): Promise<AdoptionDto> {
  if (actor && !actor.verified && !isSuspended(actor)) throw notVerified();
  assertCan(actor, "adoption.create");
  const me = requireSignedIn(actor);
  const aff = me.affiliation;
  // Unreachable after the rule above (it refuses actors without an affiliation); narrows the type.
  if (!aff) throw forbidden("Set your region or agency in your profile first");
  const loaded = await loadVisiblePractice(me, threadId);
  if (loaded.thread.status !== "published") throw conflict("This practice is not published yet");
  if (aff.kind === "region" && aff.code === loaded.practice.regionCode) {
    throw conflict("A region cannot adopt its own practice", "CONFLICT", { reason: "own-practice" });
  }
  const now = new Date();
  const regionCode = aff.kind === "region" ? aff.code : null;
  const doc = new Adoption({
    practice: loaded.thread._id,
    affiliation: fromAffiliation(aff),
    affiliationKey: affiliationKey(aff),
    regionCode,
    provinceCode: regionCode ? provinceOf(regionCode) : null,
    adopter: new Types.ObjectId(me.id),
    stage: "interested",
    active: true,
    steps: [
      {
        stage: "interested",
        date: input.date ?? todayInIndonesia(now),
        note: input.note ?? "",
        at: now,
        by: new Types.ObjectId(me.id),
      },
    ],
  });
  try {
    await doc.save();
  } catch (err) {
    if (!isDuplicateKeyError(err, "affiliationKey")) throw err;
    const existing = await Adoption.findOne(
      { practice: loaded.thread._id, affiliationKey: doc.affiliationKey, active: true },
      { _id: 1, stage: 1 },
    ).lean();
    throw conflict("Your region or agency already has an active adoption of this practice", "CONFLICT", {
      reason: "already-adopting",
      ...(existing ? { adoptionId: existing._id.toString(), stage: existing.stage } : {}),
    });
  }
  // Counters are not an edit of the record: its updatedAt (shown as "revision n, updated …") stays.
  await Practice.updateOne(
    { thread: loaded.thread._id },
    { $inc: { adoptionCount: 1, "adoptionsByStage.interested": 1 } },
    { timestamps: false },
  );
  const saved = doc.toObject();
  const dto = await present(saved, refOf(loaded));
  publish(audience(saved, loaded.practice.regionCode), "adoption:changed", { adoption: dto });
  await domainEvents.emit("thread.changed", { threadId: loaded.thread._id.toString() });
  await domainEvents.emit("adoption.stepped", { adoptionId: saved._id.toString(), step: 1 });
  return { ...dto, can: adoptionAbilities(actor, saved) };
}

/**
 * `PATCH /adoptions/:id`: one legal step (409 ILLEGAL_TRANSITION
 * otherwise). The step is a compare-and-set on the current stage, so two racing steps cannot both
 * apply; the loser gets 409 and the counters move once.
 */
export async function advanceAdoption(
  actor: Actor | null,
  adoptionId: string,
  input: AdoptionStepInput,
): Promise<AdoptionDto> {
  const current = await Adoption.findById(adoptionId).lean();
  if (!current) throw notFound("Adoption");
  const loaded = await loadVisiblePractice(actor, current.practice.toString()).catch((err: unknown) => {
    // An adoption of a practice the actor cannot see does not exist for them either.
    if (err instanceof AppError && err.status === 404) throw notFound("Adoption");
    throw err;
  });
  if (actor && !actor.verified && !isSuspended(actor)) throw notVerified();
  assertCan(actor, "adoption.advance", {
    adopterId: current.adopter.toString(),
    affiliationKey: current.affiliationKey,
  });
  const me = requireSignedIn(actor);
  const from = current.stage;
  const to: AdoptionStage = input.stage;
  if (!isLegalAdoptionStep(from, to)) {
    throw conflict(`An adoption cannot move from ${from} to ${to}`, "ILLEGAL_TRANSITION", {
      from,
      to,
      allowed: [...ADOPTION_TRANSITIONS[from]],
    });
  }
  const now = new Date();
  const date = input.date ?? todayInIndonesia(now);
  const previous = current.steps[current.steps.length - 1];
  if (previous && date < previous.date) {
    throw validation("The step cannot be dated before the previous one", {
      date: [`Use ${previous.date} or later`],
    });
  }
  const updated = await Adoption.findOneAndUpdate(
    { _id: current._id, stage: from },
    {
      $set: { stage: to, active: to !== "abandoned" },
      $push: { steps: { stage: to, date, note: input.note ?? "", at: now, by: new Types.ObjectId(me.id) } },
    },
    { returnDocument: "after" },
  ).lean();
  if (!updated) {
    throw conflict("This adoption was changed meanwhile; reload it", "ILLEGAL_TRANSITION", { from, to });
  }
  const inc: Record<string, number> = { [`adoptionsByStage.${from}`]: -1, [`adoptionsByStage.${to}`]: 1 };
  if (to === "abandoned") inc.adoptionCount = -1;
  await Practice.updateOne({ thread: current.practice }, { $inc: inc }, { timestamps: false });
  const dto = await present(updated, refOf(loaded));
  publish(audience(updated, loaded.practice.regionCode), "adoption:changed", { adoption: dto });
  await domainEvents.emit("thread.changed", { threadId: loaded.thread._id.toString() });
  await domainEvents.emit("adoption.stepped", {
    adoptionId: updated._id.toString(),
    step: updated.steps.length,
  });
  return { ...dto, can: adoptionAbilities(actor, updated) };
}

/** A practice's ledger, newest change first (the timeline on the practice page), with `viewer`'s abilities. */
export async function adoptionsOfPractice(
  viewer: Actor | null,
  loaded: LoadedPractice,
): Promise<AdoptionDto[]> {
  const list = await Adoption.find({ practice: loaded.thread._id }).sort({ updatedAt: -1 }).limit(500).lean();
  const people = await loadPeople(list);
  const ref = refOf(loaded);
  return list.map((a) => ({ ...presentAdoption(a, ref, people), can: adoptionAbilities(viewer, a) }));
}

/** `GET /practices/:threadId/adoptions` → `{adoptions}`. */
export async function listAdoptions(actor: Actor | null, threadId: string): Promise<AdoptionDto[]> {
  return adoptionsOfPractice(actor, await loadVisiblePractice(actor, threadId));
}

/**
 * Recompute a practice's counters from its ledger and store them: a repair for counters that a crash
 * between the two writes of a ledger step left behind. Not used on the hot path, where `$inc` is exact.
 */
export async function recountAdoptions(threadId: Types.ObjectId): Promise<void> {
  const rows = await Adoption.aggregate<{ _id: AdoptionStage; n: number }>([
    { $match: { practice: threadId } },
    { $group: { _id: "$stage", n: { $sum: 1 } } },
  ]);
  const byStage = { interested: 0, piloting: 0, adopted: 0, abandoned: 0 };
  for (const r of rows) byStage[r._id] = r.n;
  await Practice.updateOne(
    { thread: threadId },
    {
      $set: {
        adoptionsByStage: byStage,
        adoptionCount: byStage.interested + byStage.piloting + byStage.adopted,
      },
    },
    { timestamps: false },
  );
}

/**
 * Adoptions as `actor` may see them: those whose practice thread is visible (room and status), each
 * with its practice's title and region. Two queries for the whole batch.
 */
export async function presentVisibleAdoptions(
  actor: Actor | null,
  list: AdoptionRecord[],
): Promise<AdoptionDto[]> {
  if (list.length === 0) return [];
  const practiceIds = [...new Set(list.map((a) => a.practice.toString()))].map(
    (id) => new Types.ObjectId(id),
  );
  const [threads, records] = await Promise.all([
    Thread.find(
      { _id: { $in: practiceIds }, kind: "practice" },
      { roomId: 1, title: 1, status: 1, authorId: 1 },
    ).lean(),
    Practice.find({ thread: { $in: practiceIds } }, { thread: 1, regionCode: 1 }).lean(),
  ]);
  const roomList = await Room.find({
    _id: { $in: [...new Set(threads.map((t) => t.roomId.toString()))] },
  }).lean();
  const roomsById = new Map(roomList.map((r) => [r._id.toString(), r]));
  const regionOf = new Map(records.map((r) => [r.thread.toString(), r.regionCode]));
  const refs = new Map<string, PracticeRef>();
  for (const t of threads) {
    const room = roomsById.get(t.roomId.toString());
    const regionCode = regionOf.get(t._id.toString());
    if (room && regionCode && canSeeRoom(actor, room) && canSeeContent(actor, room, t)) {
      refs.set(t._id.toString(), { title: t.title, regionCode });
    }
  }
  const visible: Array<[AdoptionRecord, PracticeRef]> = [];
  for (const a of list) {
    const ref = refs.get(a.practice.toString());
    if (ref) visible.push([a, ref]);
  }
  const people = await loadPeople(visible.map(([a]) => a));
  return visible.map(([a, ref]) => presentAdoption(a, ref, people));
}

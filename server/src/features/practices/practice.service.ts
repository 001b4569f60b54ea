// Longer than a few hundred lines: A practice record's reads and edits (page, history, edit, promote) over one loader and one revision rule.
import { Types } from "mongoose";
import type {
  AdoptionDto,
  PracticeDto,
  PracticeLinkDto,
  PracticePatchInput,
  PracticeRevisionDto,
  PromoteInput,
} from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { conflict, validation } from "../../lib/errors.js";
import { assertCan } from "../../lib/policy.js";
import { publish } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { adoptionsOfPractice } from "./adoption.service.js";
import { Post } from "../posts/index.js";
import { requireSignedIn, type RoomRecord, canSeeContent, canSeeRoom, Room } from "../rooms/index.js";
import {
  loadVisibleThread,
  Thread,
  type ThreadRecord,
  presentThreadFor,
  publishThreadUpdated,
} from "../threads/index.js";
import { User } from "../users/index.js";
import { loadVisiblePractice } from "./practice.access.js";
import { Practice, type PracticeRecord } from "./practice.model.js";
import { toPracticeDto, toPracticeExtra, type PracticeThreadDto } from "./practice.presenter.js";
import { PracticeRevision } from "./practiceRevision.model.js";
import { recordFields } from "./practice.create.js";
import { MAX_LINEAGE_DEPTH, assertPracticeRefs, provinceCodeOf } from "./practice.validate.js";
import { domainEvents } from "../../lib/events.js";
import "./practice.events.js";

/** Visible practice threads among `ids`, as lineage links; order of `ids` kept. */
async function visibleLinks(actor: Actor | null, records: PracticeRecord[]): Promise<PracticeLinkDto[]> {
  if (records.length === 0) return [];
  const threads = await Thread.find({ _id: { $in: records.map((r) => r.thread) }, kind: "practice" }).lean();
  const roomsById = new Map(
    (await Room.find({ _id: { $in: [...new Set(threads.map((t) => t.roomId.toString()))] } }).lean()).map(
      (r) => [r._id.toString(), r],
    ),
  );
  const seen = new Map<string, ThreadRecord>();
  for (const t of threads) {
    const room = roomsById.get(t.roomId.toString());
    if (room && canSeeRoom(actor, room) && canSeeContent(actor, room, t)) seen.set(t._id.toString(), t);
  }
  const links: PracticeLinkDto[] = [];
  for (const r of records) {
    const t = seen.get(r.thread.toString());
    if (t) links.push({ id: t._id.toString(), title: t.title, regionCode: r.regionCode, stage: r.stage });
  }
  return links;
}

export interface Lineage {
  /** Where this practice came from: its parent first, then the parent's parent… */
  ancestors: PracticeLinkDto[];
  /** Practices posted as derived from this one, newest first. */
  descendants: PracticeLinkDto[];
}

/** The lineage of a practice, as far as the viewer can see (an invisible ancestor ends the chain). */
export async function lineageOf(actor: Actor | null, practice: PracticeRecord): Promise<Lineage> {
  const chain: PracticeRecord[] = [];
  const seen = new Set([practice.thread.toString()]);
  let next = practice.derivedFrom;
  while (next && chain.length < MAX_LINEAGE_DEPTH && !seen.has(next.toString())) {
    seen.add(next.toString());
    const parent: PracticeRecord | null = await Practice.findOne({ thread: next }).lean();
    if (!parent) break;
    chain.push(parent);
    next = parent.derivedFrom;
  }
  const visible = new Map((await visibleLinks(actor, chain)).map((l) => [l.id, l]));
  // Stop at the first ancestor the viewer cannot see: what lies beyond it would be out of context.
  const ancestors: PracticeLinkDto[] = [];
  for (const r of chain) {
    const link = visible.get(r.thread.toString());
    if (!link) break;
    ancestors.push(link);
  }
  const children = await Practice.find({ derivedFrom: practice.thread })
    .sort({ createdAt: -1 })
    .limit(100)
    .lean();
  return { ancestors, descendants: await visibleLinks(actor, children) };
}

async function presentPracticeThread(
  actor: Actor | null,
  thread: ThreadRecord,
  room: RoomRecord,
  practice: PracticeRecord,
): Promise<PracticeThreadDto> {
  return { ...(await presentThreadFor(actor, thread, room)), ...toPracticeExtra(practice) };
}

export interface PracticePage {
  practice: PracticeThreadDto;
  lineage: Lineage;
  adoptions: AdoptionDto[];
}

/** `GET /practices/:threadId` → the practice thread, its lineage and its ledger, in one round trip. */
export async function getPracticePage(actor: Actor | null, threadId: string): Promise<PracticePage> {
  const loaded = await loadVisiblePractice(actor, threadId);
  const [practice, lineage, adoptions] = await Promise.all([
    presentPracticeThread(actor, loaded.thread, loaded.room, loaded.practice),
    lineageOf(actor, loaded.practice),
    adoptionsOfPractice(actor, loaded),
  ]);
  // A parent in a room the viewer cannot see does not exist for them, not even as an id.
  if (practice.practice.derivedFrom && lineage.ancestors[0]?.id !== practice.practice.derivedFrom) {
    practice.practice = { ...practice.practice, derivedFrom: null };
  }
  return { practice, lineage, adoptions };
}

/** Field values as the history stores and compares them (the DTO's view). */
type Snapshot = Record<string, unknown>;
const EDITABLE = [
  "problem",
  "approach",
  "results",
  "cost",
  "regionCode",
  "sector",
  "stage",
  "startDate",
  "sdgs",
  "links",
  "contact",
  "derivedFrom",
] as const satisfies ReadonlyArray<keyof PracticeDto>;

function snapshot(dto: PracticeDto): Snapshot {
  return Object.fromEntries(EDITABLE.map((k) => [k, dto[k]]));
}

/**
 * `PATCH /practices/:threadId {practice}`: its author or a moderator edits the record. Each edit that
 * changes something becomes a revision holding the changed fields before and after. The revision
 * number is claimed first (unique per practice), then the record is updated only if still at the
 * revision it was read at, so two racing edits cannot interleave: the second gets 409.
 */
export async function updatePractice(
  actor: Actor | null,
  threadId: string,
  patch: PracticePatchInput,
): Promise<PracticeThreadDto> {
  const loaded = await loadVisiblePractice(actor, threadId);
  assertCan(actor, "practice.edit", {
    authorId: loaded.thread.authorId.toString(),
    roomModerators: loaded.room.moderators.map(String),
  });
  const me = requireSignedIn(actor);
  const changes = patch.practice;
  await assertPracticeRefs(me, changes, { self: threadId });

  const current = toPracticeDto(loaded.practice);
  const next: PracticeDto = {
    ...current,
    ...Object.fromEntries(Object.entries(changes).filter(([, v]) => v !== undefined)),
    contact: changes.contact === undefined ? current.contact : changes.contact || null,
    derivedFrom: changes.derivedFrom === undefined ? current.derivedFrom : changes.derivedFrom,
    sdgs: changes.sdgs ? [...changes.sdgs].sort((a, b) => a - b) : current.sdgs,
    results: changes.results ?? current.results,
  };
  const before = snapshot(current);
  const after = snapshot(next);
  const fields = EDITABLE.filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  if (fields.length === 0) return presentPracticeThread(me, loaded.thread, loaded.room, loaded.practice);

  const revision = loaded.practice.revision + 1;
  const edited = () => conflict("The practice was edited by someone else meanwhile; reload and try again");
  try {
    await PracticeRevision.create({
      thread: loaded.thread._id,
      revision,
      editor: new Types.ObjectId(me.id),
      fields,
      before: Object.fromEntries(fields.map((k) => [k, before[k]])),
      after: Object.fromEntries(fields.map((k) => [k, after[k]])),
    });
  } catch (err) {
    if (isDuplicateKeyError(err)) throw edited();
    throw err;
  }
  const set: Record<string, unknown> = { revision };
  for (const k of fields) {
    if (k === "derivedFrom") set.derivedFrom = next.derivedFrom ? new Types.ObjectId(next.derivedFrom) : null;
    else set[k] = next[k];
  }
  if (fields.includes("regionCode")) set.provinceCode = provinceCodeOf(next.regionCode);
  const updated = await Practice.findOneAndUpdate(
    { _id: loaded.practice._id, revision: loaded.practice.revision },
    { $set: set },
    { returnDocument: "after" },
  ).lean();
  if (!updated) {
    await PracticeRevision.deleteOne({ thread: loaded.thread._id, revision });
    throw edited();
  }
  const practice = toPracticeDto(updated);
  publish(rooms.thread(threadId), "practice:updated", { threadId, practice });
  await domainEvents.emit("thread.changed", { threadId });
  await domainEvents.emit("practice.edited", { threadId, revision, editorId: me.id });
  // The author's own edits are in the revision history; a moderator's or admin's edit of someone
  // else's record is also a moderation action.
  if (loaded.thread.authorId.toString() !== me.id) {
    await domainEvents.emit("audit.modAction", {
      actor: me,
      action: "practice.edit",
      target: { type: "thread", id: loaded.thread._id, label: loaded.thread.title },
      room: loaded.room,
      threadId: loaded.thread._id,
      before: Object.fromEntries(fields.map((k) => [k, before[k]])),
      after: Object.fromEntries(fields.map((k) => [k, after[k]])),
    });
  }
  return presentPracticeThread(me, loaded.thread, loaded.room, updated);
}

/** `GET /practices/:threadId/history` → `{revisions}`, newest first. */
export async function practiceHistory(actor: Actor | null, threadId: string): Promise<PracticeRevisionDto[]> {
  const loaded = await loadVisiblePractice(actor, threadId);
  const list = await PracticeRevision.find({ thread: loaded.thread._id })
    .sort({ revision: -1 })
    .limit(200)
    .lean();
  const editors = new Map(
    (
      await User.find(
        { _id: { $in: [...new Set(list.map((r) => r.editor.toString()))] } },
        { name: 1 },
      ).lean()
    ).map((u) => [u._id.toString(), { id: u._id.toString(), name: u.name }]),
  );
  return list.map((r) => ({
    id: r._id.toString(),
    revision: r.revision,
    editor: editors.get(r.editor.toString()) ?? null,
    fields: r.fields,
    before: r.before,
    after: r.after,
    at: r.createdAt.toISOString(),
  }));
}

/**
 * `POST /threads/:id/promote`: a moderator turns a discussion into a practice record that cites the
 * posts it was distilled from. The record is credited to the thread's author (whose practice it is);
 * the thread becomes `kind: 'practice'` by a compare-and-set on its kind, so promoting twice is 409.
 */
export async function promoteToPractice(
  actor: Actor | null,
  threadId: string,
  input: PromoteInput,
): Promise<PracticeThreadDto> {
  const me = requireSignedIn(actor);
  const { thread, room } = await loadVisibleThread(me, threadId);
  assertCan(me, "practice.promote", { roomModerators: room.moderators.map(String) });
  if (thread.kind !== "discussion") {
    throw conflict("Only a discussion thread can be promoted to a practice", "CONFLICT", {
      kind: thread.kind,
    });
  }
  await assertPracticeRefs(me, input.practice, { self: threadId });
  const posts = input.sourcePostIds.length
    ? await Post.find(
        {
          _id: { $in: input.sourcePostIds.map((id) => new Types.ObjectId(id)) },
          threadId: thread._id,
          deleted: false,
        },
        { seq: 1 },
      ).lean()
    : [];
  if (posts.length !== input.sourcePostIds.length) {
    throw validation("Invalid source posts", {
      sourcePostIds: ["Cite posts of this thread that still exist"],
    });
  }
  const doc = new Practice({
    ...recordFields(input.practice, { threadId: thread._id, roomId: room._id, authorId: thread.authorId }),
    sourcePosts: posts.sort((a, b) => a.seq - b.seq).map((p) => ({ postId: p._id, seq: p.seq })),
  });
  try {
    await doc.save();
  } catch (err) {
    if (isDuplicateKeyError(err, "thread")) throw conflict("This thread already has a practice record");
    throw err;
  }
  const promoted = await Thread.findOneAndUpdate(
    { _id: thread._id, kind: "discussion" },
    { $set: { kind: "practice" } },
    { returnDocument: "after" },
  ).lean();
  if (!promoted) {
    await Practice.deleteOne({ _id: doc._id });
    throw conflict("This thread was changed meanwhile; reload it");
  }
  await publishThreadUpdated(promoted, room);
  await domainEvents.emit("thread.changed", { threadId: promoted._id.toString() });
  await domainEvents.emit("audit.modAction", {
    actor: me,
    action: "practice.promote",
    target: { type: "thread", id: promoted._id, label: promoted.title },
    room,
    threadId: promoted._id,
    before: { kind: thread.kind },
    after: { kind: promoted.kind, sourcePosts: posts.length },
  });
  return presentPracticeThread(me, promoted, room, doc.toObject());
}

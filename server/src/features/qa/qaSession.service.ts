import { randomInt } from "node:crypto";
import {
  QA_LIMITS,
  type QaGuestsMode,
  type QaSessionCreateInput,
  type QaSessionDto,
  type QaSessionPatchInput,
  type QaSnapshotDto,
  type QaStatus,
  type QaStatusInput,
  type QuestionDto,
} from "@rembuk/shared";
import { Types, type QueryFilter, type UpdateQuery } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { AppError, notFound, validation } from "../../lib/errors.js";
import { assertCan, can } from "../../lib/policy.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { recordModAction } from "../moderation/index.js";
import { audienceOf, forgetSessionCopy, loadSessionAccess, type SessionAccess } from "./qa.access.js";
import { archiveSession } from "./qa.archive.js";
import { publishSession } from "./qa.publish.js";
import { guestMayAct, isGuest } from "./qa.guests.js";
import { loadPeople } from "./qa.people.js";
import { pollsFor } from "./poll.service.js";
import { peopleOf, presentQuestion, presentSession } from "./qa.presenter.js";
import { loadQaRoom, type QaRoom } from "./qa.rooms.js";
import { QaSession, type QaSessionRecord } from "./qaSession.model.js";
import { Question, type QuestionRecord } from "./question.model.js";
import { Vote } from "./vote.model.js";
import { User } from "../users/index.js";
import { domainEvents } from "../../lib/events.js";

function randomJoinCode(): string {
  const { alphabet, length } = QA_LIMITS.joinCode;
  let code = "";
  for (let i = 0; i < length; i++) code += alphabet[randomInt(alphabet.length)];
  return code;
}

export async function presentSessionFor(session: QaSessionRecord, room: QaRoom): Promise<QaSessionDto> {
  return presentSession(session, room.slug, await loadPeople(session.hosts));
}

/**
 * Guests may only be let into sessions whose room a signed-out visitor can see: a members or
 * restricted room's content is not for devices without an account, whatever a host chooses.
 */
async function assertGuestsFit(roomId: string, guests: QaGuestsMode | undefined): Promise<void> {
  if (!guests || guests === "off") return;
  const visible = await loadQaRoom(null, { id: roomId }).then(
    () => true,
    () => false,
  );
  if (!visible)
    throw validation("Guests can only join sessions in public rooms", { guests: ["Only in public rooms"] });
}

/** `POST /rooms/:slug/qa`: the creator hosts; co-hosts must be real users. */
export async function createSession(
  actor: Actor | null,
  slug: string,
  input: QaSessionCreateInput,
): Promise<QaSessionDto> {
  const room = await loadQaRoom(actor, { slug });
  assertCan(actor, "qa.create", room);
  if (!actor) throw notFound("Room"); // unreachable: assertCan refused guests; narrows the type
  await assertGuestsFit(room.id, input.guests);
  const hostIds = [...new Set([actor.id, ...(input.hostIds ?? [])])];
  const [people, creator] = await Promise.all([
    loadPeople(hostIds),
    User.findById(actor.id, { locale: 1 }).lean(),
  ]);
  const unknown = hostIds.filter((id) => !people.has(id));
  if (unknown.length)
    throw new AppError("VALIDATION", 400, "Unknown host", { hostIds: [`Unknown user ${unknown[0]}`] });

  // The unique index decides; a collision (one in ~10⁹ per pair) just draws again.
  for (let attempt = 0; ; attempt++) {
    try {
      const doc = await QaSession.create({
        room: room.id,
        title: input.title,
        description: input.description ?? "",
        hosts: hostIds,
        createdBy: actor.id,
        startsAt: input.startsAt ? new Date(input.startsAt) : null,
        moderated: input.moderated,
        allowAnonymous: input.allowAnonymous,
        guests: input.guests ?? "off",
        joinCode: randomJoinCode(),
        locale: input.locale ?? creator?.locale ?? "id",
      });
      return presentSession(doc.toObject(), room.slug, people);
    } catch (err) {
      if (attempt < 5 && isDuplicateKeyError(err, "joinCode")) continue;
      throw err;
    }
  }
}

/** A room's sessions, newest first (`GET /rooms/:slug/qa`). */
export async function listRoomSessions(actor: Actor | null, slug: string): Promise<QaSessionDto[]> {
  const room = await loadQaRoom(actor, { slug });
  const sessions = await QaSession.find({ room: room.id }).sort({ createdAt: -1 }).limit(50).lean();
  const people = await loadPeople(sessions.flatMap((s) => s.hosts));
  return sessions.map((s) => presentSession(s, room.slug, people));
}

/** `GET /qa/code/:code`: the session behind a join code, if the viewer may see its room. */
export async function findSessionByCode(actor: Actor | null, code: string): Promise<QaSessionDto> {
  const session = await QaSession.findOne({ joinCode: code }).lean();
  if (!session) throw notFound("Q&A session");
  const room = await loadQaRoom(actor, { id: session.room }, "Q&A session");
  return presentSessionFor(session, room);
}

/**
 * What this viewer may see of a session: every question for its moderators; public questions plus
 * their own (pending, dismissed with the reason, merged) for everyone else. Used by `GET /qa/:id`
 * and as the `qa:join` ack, so a late joiner and a reconnecting client get the same snapshot.
 */
export async function snapshotFor(actor: Actor | null, access: SessionAccess): Promise<QaSnapshotDto> {
  const { session, room, canModerate } = access;
  const filter: QueryFilter<QuestionRecord> = { session: session._id };
  if (!canModerate) {
    filter.$or = [{ status: { $in: ["approved", "answered"] } }, ...(actor ? [{ author: actor.id }] : [])];
  }
  const [questions, votes, polls] = await Promise.all([
    Question.find(filter).sort({ createdAt: 1 }).lean(),
    actor ? Vote.find({ session: session._id, user: actor.id }, { question: 1 }).lean() : Promise.resolve([]),
    pollsFor(actor, access),
  ]);
  const voted = new Set(votes.map((v) => v.question.toString()));
  const people = await loadPeople([...session.hosts, ...questions.flatMap(peopleOf)]);
  const audience = audienceOf(access, actor?.id ?? null);
  const dtos: QuestionDto[] = questions.map((q) =>
    presentQuestion(q, audience, people, voted.has(q._id.toString())),
  );
  const mayAct =
    actor !== null &&
    can(actor, "qa.ask") &&
    session.status !== "ended" &&
    (await guestMayAct(actor, session));
  return {
    session: presentSession(session, room.slug, people),
    questions: dtos,
    viewer: {
      canModerate: canModerate && can(actor, "qa.moderate", access.scope),
      canAsk: mayAct,
      signedIn: actor !== null && !isGuest(actor),
      canVote: mayAct,
      guest: isGuest(actor) ? { id: actor.id, name: actor.name || null } : null,
    },
    polls,
  };
}

export async function getSnapshot(actor: Actor | null, sessionId: string): Promise<QaSnapshotDto> {
  return snapshotFor(actor, await loadSessionAccess(actor, sessionId));
}

/**
 * `POST /qa/:id/status`: scheduled → live → ended (or scheduled → ended). Each step is one
 * conditional update, so two hosts pressing "end" at once end it (and archive it) exactly once.
 */
export async function setSessionStatus(
  actor: Actor | null,
  sessionId: string,
  input: QaStatusInput,
): Promise<QaSessionDto> {
  const access = await loadSessionAccess(actor, sessionId);
  assertCan(actor, "qa.moderate", access.scope);
  if (!actor) throw notFound("Q&A session");
  const now = new Date();
  const from: QaStatus[] = input.status === "live" ? ["scheduled"] : ["scheduled", "live"];
  const set: UpdateQuery<QaSessionRecord> =
    input.status === "live"
      ? { $set: { status: "live", startedAt: now } }
      : { $set: { status: "ended", endedAt: now, highlightedQuestion: null } };
  const updated = await QaSession.findOneAndUpdate({ _id: access.session._id, status: { $in: from } }, set, {
    returnDocument: "after",
  }).lean();
  forgetSessionCopy(access.session._id);
  let final: QaSessionRecord;
  if (updated) {
    // Only the request whose conditional update won logs: a repeat or a race logs nothing.
    await recordModAction({
      actor,
      action: input.status === "live" ? "qa.session.live" : "qa.session.end",
      target: { type: "qaSession", id: updated._id, label: updated.title },
      room: { _id: new Types.ObjectId(access.room.id), slug: access.room.slug },
      before: { status: access.session.status },
      after: { status: updated.status },
    });
    final = input.status === "ended" ? await archiveSession(actor, updated, access.room) : updated;
  } else if (access.session.status === input.status) {
    // Pressed twice: the same answer; a session whose archive failed gets another try.
    const retry = access.session.status === "ended" && !access.session.archiveThread;
    if (!retry) return presentSessionFor(access.session, access.room);
    final = await archiveSession(actor, access.session, access.room);
  } else {
    throw new AppError(
      "ILLEGAL_TRANSITION",
      409,
      `A ${access.session.status} session cannot become ${input.status}`,
    );
  }
  const dto = await presentSessionFor(final, access.room);
  publishSession(dto);
  await domainEvents.emit("qa.session.changed", { sessionId: final._id.toString() });
  return dto;
}

/**
 * `PATCH /qa/:id` (hosts, moderators): title, description, moderation, anonymity, guests, language.
 * Turning guests to `watch` or `off` applies to guests already inside at their next action.
 */
export async function updateSession(
  actor: Actor | null,
  sessionId: string,
  input: QaSessionPatchInput,
): Promise<QaSessionDto> {
  const access = await loadSessionAccess(actor, sessionId);
  assertCan(actor, "qa.moderate", access.scope);
  if (!actor) throw notFound("Q&A session");
  if (access.session.status === "ended")
    throw new AppError("ILLEGAL_TRANSITION", 409, "This Q&A session has ended");
  await assertGuestsFit(access.room.id, input.guests);
  const updated = await QaSession.findByIdAndUpdate(
    access.session._id,
    { $set: input },
    { returnDocument: "after" },
  ).lean();
  if (!updated) throw notFound("Q&A session");
  forgetSessionCopy(updated._id);
  const keys = Object.keys(input) as (keyof QaSessionPatchInput)[];
  const changed = keys.filter((k) => access.session[k] !== updated[k]);
  if (changed.length) {
    await recordModAction({
      actor,
      action: "qa.session.update",
      target: { type: "qaSession", id: updated._id, label: updated.title },
      room: { _id: new Types.ObjectId(access.room.id), slug: access.room.slug },
      before: Object.fromEntries(changed.map((k) => [k, access.session[k] ?? null])),
      after: Object.fromEntries(changed.map((k) => [k, updated[k] ?? null])),
    });
  }
  const dto = await presentSessionFor(updated, access.room);
  publishSession(dto);
  return dto;
}

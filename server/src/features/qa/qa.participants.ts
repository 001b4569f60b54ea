import type {
  QaBlockInput,
  QaJoinByCodeInput,
  QaParticipantDto,
  QaParticipantRefDto,
  QaSessionDto,
} from "@rembuk/shared";
import { Types } from "mongoose";
import type { Actor } from "../../lib/actor.js";
import { isDuplicateKeyError } from "../../lib/db.js";
import { AppError, conflict, notFound } from "../../lib/errors.js";
import { assertCan } from "../../lib/policy.js";
import { leaveRoom } from "../../lib/realtime/publish.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { recordModAction } from "../moderation/index.js";
import { loadSessionAccess } from "./qa.access.js";
import type { GuestRef } from "./qa.guestCookie.js";
import { createGuest, forgetGuest } from "./qa.guests.js";
import { loadPeople } from "./qa.people.js";
import { loadQaRoom } from "./qa.rooms.js";
import { presentSessionFor } from "./qaSession.service.js";
import { QaSession } from "./qaSession.model.js";
import { QaParticipant, type QaParticipantRecord } from "./qaParticipant.model.js";
import { Question } from "./question.model.js";

export interface JoinResult {
  participant: QaParticipantRefDto;
  session: QaSessionDto;
  /** Set when a guest row was created or confirmed: the route signs it into the device's cookie. */
  guest: GuestRef | null;
}

/** A member's first join of a session, for analytics (later joins change nothing). */
export async function recordMemberJoin(actor: Actor, sessionId: Types.ObjectId | string): Promise<void> {
  if (actor.guestOf) return;
  try {
    await QaParticipant.updateOne(
      { session: sessionId, user: actor.id },
      { $setOnInsert: { kind: "member", name: null } },
      { upsert: true },
    );
  } catch (err) {
    // Two first joins at once: the unique index kept one row, which is all we wanted.
    if (!isDuplicateKeyError(err)) throw err;
  }
}

/**
 * `POST /qa/code/:code/join`. A member joins as themselves. Anyone else becomes (or, with this
 * session's cookie, stays) a guest participant, if the host takes guests and the room is public;
 * a second join from the same device returns the same participant, renamed if a name is given.
 */
export async function joinByCode(
  member: Actor | null,
  refs: readonly GuestRef[],
  code: string,
  input: QaJoinByCodeInput,
): Promise<JoinResult> {
  const session = await QaSession.findOne({ joinCode: code }).lean();
  if (!session) throw notFound("Q&A session");
  if (member) {
    const room = await loadQaRoom(member, { id: session.room }, "Q&A session");
    await recordMemberJoin(member, session._id);
    return {
      participant: { id: member.id, name: member.name },
      session: await presentSessionFor(session, room),
      guest: null,
    };
  }
  const room = await loadQaRoom(null, { id: session.room }, "Q&A session");
  if ((session.guests ?? "off") === "off")
    throw new AppError("GUESTS_OFF", 403, "This session does not take guests");
  if (session.status === "ended") throw conflict("This Q&A session has ended", "ILLEGAL_TRANSITION");
  const name = input.anonymous ? null : (input.name ?? null);
  const sessionId = session._id.toString();

  const ref = refs.find((r) => r.sessionId === sessionId);
  let row: QaParticipantRecord | null = ref
    ? await QaParticipant.findOne({
        _id: ref.participantId,
        session: session._id,
        kind: "guest",
        claimedBy: null,
      }).lean()
    : null;
  if (row?.blocked) throw new AppError("BLOCKED", 403, "You were blocked from this session");
  if (row && (input.anonymous || input.name !== undefined) && row.name !== name) {
    row = await QaParticipant.findByIdAndUpdate(
      row._id,
      { $set: { name } },
      { returnDocument: "after" },
    ).lean();
    if (row) forgetGuest(row._id.toString());
  }
  row ??= await createGuest(session._id, name);
  const id = row._id.toString();
  return {
    participant: { id, name: row.name },
    session: await presentSessionFor(session, room),
    guest: { sessionId, participantId: id },
  };
}

/** `GET /qa/:id/participants` (hosts, moderators): who joined, oldest first, for blocking. */
export async function listParticipants(actor: Actor | null, sessionId: string): Promise<QaParticipantDto[]> {
  const access = await loadSessionAccess(actor, sessionId);
  assertCan(actor, "qa.moderate", access.scope);
  const rows = await QaParticipant.find({ session: access.session._id })
    .sort({ createdAt: 1 })
    .limit(10_000)
    .lean();
  const asked = await Question.aggregate<{ _id: Types.ObjectId; n: number }>([
    { $match: { session: access.session._id } },
    { $group: { _id: "$author", n: { $sum: 1 } } },
  ]);
  const perAuthor = new Map(asked.map((a) => [a._id.toString(), a.n]));
  const people = await loadPeople(rows.filter((r) => r.kind === "member").map((r) => r.user));
  return rows.map((r) => ({
    id: r.user.toString(),
    name: r.kind === "guest" ? r.name : (people.get(r.user.toString())?.name ?? null),
    guest: r.kind === "guest",
    blocked: r.blocked,
    joinedAt: r.createdAt.toISOString(),
    questions: perAuthor.get(r.user.toString()) ?? 0,
  }));
}

/**
 * `POST|DELETE /qa/:id/participants/:participantId/block` (hosts, moderators): a blocked guest can
 * no longer ask, vote, answer or rejoin, and its live sockets leave the session's room at once.
 * Members are moderated through their account (suspension), so only guests can be blocked here.
 */
export async function setGuestBlocked(
  actor: Actor | null,
  sessionId: string,
  participantId: string,
  blocked: boolean,
  input: QaBlockInput = {},
): Promise<QaParticipantDto> {
  const access = await loadSessionAccess(actor, sessionId);
  assertCan(actor, "qa.moderate", access.scope);
  if (!actor) throw notFound("Participant");
  const before = await QaParticipant.findOne({
    _id: participantId,
    session: access.session._id,
    kind: "guest",
  }).lean();
  if (!before) throw notFound("Participant");
  const row = await QaParticipant.findByIdAndUpdate(
    before._id,
    { $set: { blocked, blockReason: blocked ? (input.reason ?? null) : null } },
    { returnDocument: "after" },
  ).lean();
  if (!row) throw notFound("Participant");
  forgetGuest(participantId);
  if (blocked) leaveRoom(rooms.qaGuest(participantId), rooms.qa(sessionId));
  if (before.blocked !== blocked) {
    await recordModAction({
      actor,
      action: blocked ? "qa.guest.block" : "qa.guest.unblock",
      target: {
        type: "qaSession",
        id: access.session._id,
        label: `${access.session.title} — ${row.name ?? "anonim"}`,
      },
      room: { _id: new Types.ObjectId(access.room.id), slug: access.room.slug },
      reason: input.reason ?? null,
      before: { blocked: before.blocked, participant: participantId },
      after: { blocked, participant: participantId },
    });
  }
  const questions = await Question.countDocuments({ session: access.session._id, author: row._id });
  return {
    id: participantId,
    name: row.name,
    guest: true,
    blocked: row.blocked,
    joinedAt: row.createdAt.toISOString(),
    questions,
  };
}

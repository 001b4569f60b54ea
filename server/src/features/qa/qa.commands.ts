import { qaCommands } from "@rembuk/shared";
import { handle, httpOf, reply, socketOf } from "../../lib/commands/handle.js";
import { AppError, forbidden, notFound } from "../../lib/errors.js";
import { consume } from "../../lib/rateLimit.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { loadSessionAccess } from "./qa.access.js";
import { analyticsCsv, sessionAnalytics } from "./qa.analytics.js";
import { pollHandlers } from "./poll.commands.js";
import { actingIn, addressOf, callerIn, guestRefsOf, sessionOfQuestion } from "./qa.caller.js";
import { claimGuest } from "./qa.claim.js";
import { exportQuestionsCsv } from "./qa.export.js";
import { clearGuestCookie, setGuestCookie } from "./qa.guestCookie.js";
import { isBlockedGuest, isGuest } from "./qa.guests.js";
import { listSessions } from "./qa.list.js";
import { joinByCode, listParticipants, recordMemberJoin, setGuestBlocked } from "./qa.participants.js";
import {
  createSession,
  findSessionByCode,
  getSnapshot,
  listRoomSessions,
  setSessionStatus,
  snapshotFor,
  updateSession,
} from "./qaSession.service.js";
import { askQuestion, moderateQuestion } from "./question.service.js";
import { setVote } from "./vote.service.js";

/**
 * The Q&A commands (shared/src/commands/qa.ts) bound to their services; polls are in
 * poll.commands.ts. Commands a guest may send resolve the caller for the command's session
 * (qa.caller); the rest stay member-only (a guest cookie is no sign-in).
 */
const guestHandlers = [
  handle(qaCommands.joinByCode, async ({ code, ...input }, ctx) => {
    // Per address: joining is what a script would repeat to mint guests.
    await consume("qaJoin", `ip:${addressOf(ctx.transport)}`);
    const { participant, session, guest } = await joinByCode(
      ctx.actor,
      guestRefsOf(ctx.transport),
      code,
      input,
    );
    if (guest) setGuestCookie(httpOf(ctx.transport).res, guest);
    return { participant, session };
  }),
  handle(qaCommands.update, async ({ sessionId, ...input }, { member }) => ({
    session: await updateSession(member(), sessionId, input),
  })),
  handle(qaCommands.claim, async ({ sessionId }, { member, transport }) => {
    const ref = guestRefsOf(transport).find((r) => r.sessionId === sessionId);
    if (!ref) throw notFound("Guest participation");
    const claimed = await claimGuest(member(), ref);
    clearGuestCookie(httpOf(transport).res, sessionId);
    return { claimed };
  }),
  handle(qaCommands.participants, async ({ sessionId }, { member }) => ({
    participants: await listParticipants(member(), sessionId),
  })),
  handle(qaCommands.block, async ({ sessionId, participantId, ...input }, { member }) => ({
    participant: await setGuestBlocked(member(), sessionId, participantId, true, input),
  })),
  handle(qaCommands.unblock, async ({ sessionId, participantId }, { member }) => ({
    participant: await setGuestBlocked(member(), sessionId, participantId, false),
  })),
];

const sessionHandlers = [
  handle(qaCommands.analytics, async ({ sessionId, bucketMinutes }, { member }) => ({
    analytics: await sessionAnalytics(member(), sessionId, bucketMinutes),
  })),
  handle(qaCommands.analyticsCsv, async ({ sessionId, bucketMinutes }, { member, transport }) => {
    const { filename, csv } = await analyticsCsv(member(), sessionId, bucketMinutes);
    httpOf(transport).res.attachment(filename);
    return csv;
  }),
  handle(qaCommands.list, async (query, { actor }) => ({ sessions: await listSessions(actor, query) })),
  handle(qaCommands.listForRoom, async ({ slug }, { actor }) => ({
    sessions: await listRoomSessions(actor, slug),
  })),
  handle(qaCommands.create, async ({ slug, ...input }, { member }) => ({
    session: await createSession(member(), slug, input),
  })),
  handle(qaCommands.byCode, async ({ code }, { actor }) => ({
    session: await findSessionByCode(actor, code),
  })),
  handle(qaCommands.get, async ({ sessionId }, ctx) =>
    getSnapshot(await callerIn(ctx, sessionId), sessionId),
  ),
  handle(qaCommands.exportCsv, async ({ sessionId }, { member, transport }) => {
    const { filename, csv } = await exportQuestionsCsv(member(), sessionId);
    httpOf(transport).res.attachment(filename);
    return csv;
  }),
  handle(qaCommands.status, async ({ sessionId, status }, { member }) => ({
    session: await setSessionStatus(member(), sessionId, { status }),
  })),
  /**
   * Puts the socket in exactly one of the session's rooms, chosen from the policy (room moderators
   * get author-revealing payloads, plain hosts the queue without anonymous names, participants
   * neither), and acks the snapshot. A guest device acts only in the session it joined.
   */
  handle(qaCommands.join, async ({ sessionId }, ctx) => {
    const socket = socketOf(ctx.transport);
    const who = await callerIn(ctx, sessionId);
    if (!who && socket.data.qaGuests?.length)
      throw forbidden("This device joined another session as a guest");
    const access = await loadSessionAccess(who, sessionId);
    if (isGuest(who)) {
      if (await isBlockedGuest(who.id))
        throw new AppError("BLOCKED", 403, "You were blocked from this session");
      await socket.join(rooms.qaGuest(who.id));
    } else if (who) await recordMemberJoin(who, access.session._id);
    // Join before reading the snapshot so nothing published after the read can be missed;
    // anything published in between arrives twice and `rev` drops the older copy.
    const all = [rooms.qa(sessionId), rooms.qaHost(sessionId), rooms.qaMod(sessionId)];
    const mine = access.seesAnonymous ? all[2] : access.canModerate ? all[1] : all[0];
    for (const name of all) if (name !== mine) await socket.leave(name);
    await socket.join(mine!);
    return snapshotFor(who, access);
  }),
  handle(qaCommands.leave, async ({ sessionId }, { transport }) => {
    const socket = socketOf(transport);
    await socket.leave(rooms.qa(sessionId));
    await socket.leave(rooms.qaHost(sessionId));
    await socket.leave(rooms.qaMod(sessionId));
    return null;
  }),
  handle(qaCommands.ask, async ({ sessionId, ...input }, ctx) => {
    const { question, created } = await askQuestion(
      await actingIn(ctx, sessionId, "qaQuestion"),
      sessionId,
      input,
    );
    return reply(created ? 201 : 200, { question });
  }),
  handle(qaCommands.vote, async ({ questionId, up }, ctx) => {
    const who = await actingIn(ctx, await sessionOfQuestion(questionId), "qaVote");
    return { question: await setVote(who, questionId, up) };
  }),
  handle(qaCommands.unvote, async ({ questionId }, ctx) => {
    const who = await actingIn(ctx, await sessionOfQuestion(questionId), "qaVote");
    return { question: await setVote(who, questionId, false) };
  }),
  handle(qaCommands.moderate, async ({ questionId, ...input }, { member }) => ({
    question: await moderateQuestion(member(), questionId, input),
  })),
];

/** In the order the routes were always matched: guests, polls, then the rest. */
export const qaHandlers = [...guestHandlers, ...pollHandlers, ...sessionHandlers];

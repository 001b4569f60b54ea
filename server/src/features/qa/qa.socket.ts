import {
  PollAnswerSocketInput,
  QaAskInput,
  QaJoinInput,
  QaModerateSocketInput,
  QaStatusSocketInput,
  QaVoteInput,
} from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { AppError, forbidden, unauthenticated } from "../../lib/errors.js";
import { consume } from "../../lib/rateLimit.js";
import { defineHandler, type IoSocket } from "../../lib/realtime/defineHandler.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { loadSessionAccess } from "./qa.access.js";
import { sessionOfPoll, sessionOfQuestion, socketCaller } from "./qa.caller.js";
import { isBlockedGuest, isGuest } from "./qa.guests.js";
import { recordMemberJoin } from "./qa.participants.js";
import { answerPoll } from "./poll.service.js";
import { setSessionStatus, snapshotFor } from "./qaSession.service.js";
import { askQuestion, moderateQuestion } from "./question.service.js";
import { setVote } from "./vote.service.js";

/**
 * Q&A over a socket. `qa:join` puts the socket in exactly one of the session's rooms, chosen by the
 * server from the policy (room moderators get author-revealing payloads, plain hosts the queue without
 * anonymous names, participants neither), and acks
 * the snapshot; every change after the join arrives as an event. Writes call the same services as REST.
 * A guest device (signed cookie read at the handshake) acts only in the session it joined: joining
 * any other session is refused, and its writes elsewhere find no participant (401).
 */
export function registerQaSocket(socket: IoSocket): void {
  /** The participant acting in `sessionId`; a guest also spends its address's budget. */
  const caller = async (member: Actor | null, sessionId: string): Promise<Actor> => {
    const who = await socketCaller(socket, member, sessionId);
    if (!who) throw unauthenticated();
    if (isGuest(who)) await consume("qaGuestAddress", `ip:${socket.data.address}`);
    return who;
  };

  socket.on(
    "qa:join",
    defineHandler(socket, {
      schema: QaJoinInput,
      limit: "read",
      run: async ({ input, actor }) => {
        const who = await socketCaller(socket, actor, input.sessionId);
        if (!who && socket.data.qaGuests?.length)
          throw forbidden("This device joined another session as a guest");
        const access = await loadSessionAccess(who, input.sessionId);
        if (isGuest(who)) {
          if (await isBlockedGuest(who.id))
            throw new AppError("BLOCKED", 403, "You were blocked from this session");
          await socket.join(rooms.qaGuest(who.id));
        } else if (who) await recordMemberJoin(who, access.session._id);
        // Join before reading the snapshot so nothing published after the read can be missed;
        // anything published in between arrives twice and `rev` drops the older copy.
        const all = [rooms.qa(input.sessionId), rooms.qaHost(input.sessionId), rooms.qaMod(input.sessionId)];
        const mine = access.seesAnonymous ? all[2] : access.canModerate ? all[1] : all[0];
        for (const name of all) if (name !== mine) await socket.leave(name);
        await socket.join(mine);
        return snapshotFor(who, access);
      },
    }),
  );

  socket.on(
    "qa:leave",
    defineHandler(socket, {
      schema: QaJoinInput,
      limit: "read",
      run: async ({ input }) => {
        await socket.leave(rooms.qa(input.sessionId));
        await socket.leave(rooms.qaHost(input.sessionId));
        await socket.leave(rooms.qaMod(input.sessionId));
        return null;
      },
    }),
  );

  socket.on(
    "qa:vote",
    defineHandler(socket, {
      schema: QaVoteInput,
      limit: "qaVote",
      run: async ({ input, actor }) =>
        setVote(await caller(actor, await sessionOfQuestion(input.questionId)), input.questionId, input.up),
    }),
  );

  socket.on(
    "qa:ask",
    defineHandler(socket, {
      schema: QaAskInput,
      limit: "qaQuestion",
      run: async ({ input: { sessionId, ...question }, actor }) =>
        (await askQuestion(await caller(actor, sessionId), sessionId, question)).question,
    }),
  );

  socket.on(
    "qa:poll:answer",
    defineHandler(socket, {
      schema: PollAnswerSocketInput,
      limit: "qaPoll",
      run: async ({ input: { pollId, ...answer }, actor }) =>
        answerPoll(await caller(actor, await sessionOfPoll(pollId)), pollId, answer),
    }),
  );

  socket.on(
    "qa:moderate",
    defineHandler(socket, {
      schema: QaModerateSocketInput,
      limit: "write",
      run: ({ input, actor }) => moderateQuestion(actor, input.questionId, input.input),
    }),
  );

  socket.on(
    "qa:status",
    defineHandler(socket, {
      schema: QaStatusSocketInput,
      limit: "write",
      run: ({ input, actor }) => setSessionStatus(actor, input.sessionId, { status: input.status }),
    }),
  );
}

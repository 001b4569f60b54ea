import {
  QaAskInput,
  QaJoinInput,
  QaModerateSocketInput,
  QaStatusSocketInput,
  QaVoteInput,
} from "@rembuk/shared";
import { defineHandler, type IoSocket } from "../../lib/realtime/defineHandler.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { loadSessionAccess } from "./qa.access.js";
import { setSessionStatus, snapshotFor } from "./qaSession.service.js";
import { askQuestion, moderateQuestion } from "./question.service.js";
import { setVote } from "./vote.service.js";

/**
 * Q&A over a socket. `qa:join` puts the socket in exactly one of the session's rooms, chosen by the
 * server from the policy (room moderators get author-revealing payloads, plain hosts the queue without
 * anonymous names, participants neither), and acks
 * the snapshot; every change after the join arrives as an event. Writes call the same services as REST.
 */
export function registerQaSocket(socket: IoSocket): void {
  socket.on(
    "qa:join",
    defineHandler(socket, {
      schema: QaJoinInput,
      limit: "read",
      run: async ({ input, actor }) => {
        const access = await loadSessionAccess(actor, input.sessionId);
        // Join before reading the snapshot so nothing published after the read can be missed;
        // anything published in between arrives twice and `rev` drops the older copy.
        const all = [rooms.qa(input.sessionId), rooms.qaHost(input.sessionId), rooms.qaMod(input.sessionId)];
        const mine = access.seesAnonymous ? all[2] : access.canModerate ? all[1] : all[0];
        for (const name of all) if (name !== mine) await socket.leave(name);
        await socket.join(mine);
        return snapshotFor(actor, access);
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
      run: ({ input, actor }) => setVote(actor, input.questionId, input.up),
    }),
  );

  socket.on(
    "qa:ask",
    defineHandler(socket, {
      schema: QaAskInput,
      limit: "qaQuestion",
      run: async ({ input: { sessionId, ...question }, actor }) =>
        (await askQuestion(actor, sessionId, question)).question,
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

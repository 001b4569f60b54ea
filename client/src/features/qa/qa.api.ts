import {
  qaCommands,
  type PollAnswerInput,
  type PollCreateInput,
  type QaGuestsMode,
  type QaJoinByCodeInput,
  type QaSessionCreateInput,
} from "@rembuk/shared";
import { send } from "../../lib/send";

/**
 * The Q&A commands (shared/src/commands/qa.ts) as pages and slices call them; each goes through
 * `send` (the socket where the command has one and it is connected, REST otherwise).
 */
export const qaApi = {
  /** Sessions across the rooms this viewer may see: live, then upcoming (soonest first), then ended (newest first). */
  list: (signal?: AbortSignal) => send(qaCommands.list, { limit: 30 }, { signal }).then((b) => b.sessions),
  listForRoom: (slug: string, signal?: AbortSignal) =>
    send(qaCommands.listForRoom, { slug }, { signal }).then((b) => b.sessions),
  create: (slug: string, input: QaSessionCreateInput) =>
    send(qaCommands.create, { slug, ...input }).then((b) => b.session),
  byCode: (code: string) => send(qaCommands.byCode, { code }).then((b) => b.session),
  snapshot: (id: string, signal?: AbortSignal) => send(qaCommands.get, { sessionId: id }, { signal }),
  /** A guest (no account) joins by code; the server sets a cookie valid for this session only. */
  joinByCode: (code: string, input: QaJoinByCodeInput) => send(qaCommands.joinByCode, { code, ...input }),
  setGuests: (id: string, guests: QaGuestsMode) =>
    send(qaCommands.update, { sessionId: id, guests }).then((b) => b.session),
  blockParticipant: (id: string, participantId: string) =>
    send(qaCommands.block, { sessionId: id, participantId }).then((b) => b.participant),
  unblockParticipant: (id: string, participantId: string) =>
    send(qaCommands.unblock, { sessionId: id, participantId }).then((b) => b.participant),
  participants: (id: string, signal?: AbortSignal) =>
    send(qaCommands.participants, { sessionId: id }, { signal }).then((b) => b.participants),
  claim: (id: string) => send(qaCommands.claim, { sessionId: id }).then((b) => b.claimed),
  createPoll: (id: string, input: PollCreateInput) =>
    send(qaCommands.createPoll, { sessionId: id, ...input }).then((b) => b.poll),
  setPollStatus: (pollId: string, input: { status: "open" | "closed"; showResults?: boolean }) =>
    send(qaCommands.pollStatus, { pollId, ...input }).then((b) => b.poll),
  answerPoll: (pollId: string, answer: PollAnswerInput) =>
    send(qaCommands.answerPoll, { pollId, ...answer }).then((b) => b.poll),
  analytics: (id: string, signal?: AbortSignal) =>
    send(qaCommands.analytics, { sessionId: id }, { signal }).then((b) => b.analytics),
  analyticsCsvUrl: (id: string) => `/api/qa/${id}/analytics.csv`,
  exportUrl: (id: string) => `/api/qa/${id}/export.csv`,
};

import { z } from "zod";
import {
  PollDto,
  QaAnalyticsDto,
  QaClaimDto,
  QaJoinByCodeInput,
  QaParticipantDto,
  QaParticipantRefDto,
  QaSessionDto,
  QaSnapshotDto,
  QuestionDto,
  type PollAnswerInput,
  type PollCreateInput,
  type QaGuestsMode,
  type QaSessionCreateInput,
  type QuestionCreateInput,
  type QuestionModerateInput,
} from "@rembuk/shared";
import { api } from "../../lib/api";

const SessionBody = z.object({ session: QaSessionDto });
const SessionsBody = z.object({ sessions: z.array(QaSessionDto) });
const QuestionBody = z.object({ question: QuestionDto });
const PollBody = z.object({ poll: PollDto });
const AnalyticsBody = z.object({ analytics: QaAnalyticsDto });
const JoinBody = z.object({ participant: QaParticipantRefDto, session: QaSessionDto });
const ParticipantBody = z.object({ participant: QaParticipantDto });
const ParticipantsBody = z.object({ participants: z.array(QaParticipantDto) });

/** Q&A over REST (DESIGN.md §5); the live page uses the socket commands in qa.socket.ts. */
export const qaApi = {
  /** Sessions across the rooms this viewer may see: live, then upcoming (soonest first), then ended (newest first). */
  list: (signal?: AbortSignal) =>
    api.get(`/qa`, SessionsBody, { signal, query: { limit: 30 } }).then((b) => b.sessions),
  listForRoom: (slug: string, signal?: AbortSignal) =>
    api.get(`/rooms/${encodeURIComponent(slug)}/qa`, SessionsBody, { signal }).then((b) => b.sessions),
  create: (slug: string, input: QaSessionCreateInput) =>
    api.post(`/rooms/${encodeURIComponent(slug)}/qa`, input, SessionBody).then((b) => b.session),
  byCode: (code: string) =>
    api.get(`/qa/code/${encodeURIComponent(code)}`, SessionBody).then((b) => b.session),
  snapshot: (id: string, signal?: AbortSignal) => api.get(`/qa/${id}`, QaSnapshotDto, { signal }),
  /** A guest (no account) joins by code; the server sets a cookie valid for this session only. */
  joinByCode: (code: string, input: QaJoinByCodeInput) =>
    api.post(`/qa/code/${encodeURIComponent(code)}/join`, input, JoinBody),
  setGuests: (id: string, guests: QaGuestsMode) =>
    api.patch(`/qa/${id}`, { guests }, SessionBody).then((b) => b.session),
  blockParticipant: (id: string, participantId: string) =>
    api.post(`/qa/${id}/participants/${participantId}/block`, {}, ParticipantBody).then((b) => b.participant),
  unblockParticipant: (id: string, participantId: string) =>
    api.del(`/qa/${id}/participants/${participantId}/block`, ParticipantBody).then((b) => b.participant),
  participants: (id: string, signal?: AbortSignal) =>
    api.get(`/qa/${id}/participants`, ParticipantsBody, { signal }).then((b) => b.participants),
  claim: (id: string) => api.post(`/qa/${id}/claim`, undefined, QaClaimDto).then((b) => b.claimed),
  createPoll: (id: string, input: PollCreateInput) =>
    api.post(`/qa/${id}/polls`, input, PollBody).then((b) => b.poll),
  setPollStatus: (pollId: string, input: { status: "open" | "closed"; showResults?: boolean }) =>
    api.post(`/polls/${pollId}/status`, input, PollBody).then((b) => b.poll),
  answerPoll: (pollId: string, answer: PollAnswerInput) =>
    api.post(`/polls/${pollId}/answers`, answer, PollBody).then((b) => b.poll),
  analytics: (id: string, signal?: AbortSignal) =>
    api.get(`/qa/${id}/analytics`, AnalyticsBody, { signal }).then((b) => b.analytics),
  analyticsCsvUrl: (id: string) => `/api/qa/${id}/analytics.csv`,
  setStatus: (id: string, status: "live" | "ended") =>
    api.post(`/qa/${id}/status`, { status }, SessionBody).then((b) => b.session),
  ask: (id: string, input: QuestionCreateInput) =>
    api.post(`/qa/${id}/questions`, input, QuestionBody).then((b) => b.question),
  vote: (questionId: string, up: boolean) =>
    (up
      ? api.post(`/questions/${questionId}/vote`, undefined, QuestionBody)
      : api.del(`/questions/${questionId}/vote`, QuestionBody)
    ).then((b) => b.question),
  moderate: (questionId: string, input: QuestionModerateInput) =>
    api.post(`/questions/${questionId}/moderate`, input, QuestionBody).then((b) => b.question),
  exportUrl: (id: string) => `/api/qa/${id}/export.csv`,
};

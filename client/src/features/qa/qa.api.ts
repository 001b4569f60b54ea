import { z } from "zod";
import {
  QaSessionDto,
  QaSnapshotDto,
  QuestionDto,
  type QaSessionCreateInput,
  type QuestionCreateInput,
  type QuestionModerateInput,
} from "@rembuk/shared";
import { api } from "../../lib/api";

const SessionBody = z.object({ session: QaSessionDto });
const SessionsBody = z.object({ sessions: z.array(QaSessionDto) });
const QuestionBody = z.object({ question: QuestionDto });

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

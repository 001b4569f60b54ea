import {
  applyVoteCounts,
  snapshotToMap,
  upsertQuestion,
  QaSessionDto,
  QaSnapshotDto,
  type QaGuestsMode,
  type QaSessionCreateInput,
  type QaStatus,
  type QaViewerDto,
  type QaVoteCountsDto,
  type QuestionDto,
  type QuestionMap,
  type QuestionModerateInput,
  qaCommands,
} from "@rembuk/shared";
import { send } from "../../lib/send";
import type { AppState, SliceCreator } from "../../store/types";

export type QaSort = "popular" | "recent";
export type QaLoad = "idle" | "loading" | "ready" | "error";

export interface QaSlice {
  qaSessionsById: Record<string, QaSessionDto>;
  /** Each session's questions as this viewer may see them, folded by `rev`. */
  qaQuestionsBySession: Record<string, QuestionMap>;
  qaViewerBySession: Record<string, QaViewerDto>;
  qaLoadBySession: Record<string, QaLoad>;
  /** Kept apart from the DTOs: broadcasts cannot know who is looking, so they never carry these. */
  qaMine: Record<string, true>;
  qaVoted: Record<string, boolean>;
  qaRoomSessions: Record<string, string[]>;
  qaSort: QaSort;
  /** Sessions this tab follows; re-joined (a fresh snapshot) after every reconnect. */
  qaJoined: Record<string, true>;

  setQaSort: (sort: QaSort) => void;
  joinQa: (sessionId: string) => Promise<void>;
  leaveQa: (sessionId: string) => void;
  loadRoomQa: (slug: string) => Promise<void>;
  createQaSession: (slug: string, input: QaSessionCreateInput) => Promise<QaSessionDto>;
  askQuestion: (
    sessionId: string,
    input: { text: string; anonymous: boolean; clientId: string },
  ) => Promise<QuestionDto>;
  voteQuestion: (questionId: string, up: boolean) => Promise<void>;
  moderateQuestion: (questionId: string, input: QuestionModerateInput) => Promise<QuestionDto>;
  setQaStatus: (sessionId: string, status: Exclude<QaStatus, "scheduled">) => Promise<void>;
  setQaGuests: (sessionId: string, guests: QaGuestsMode) => Promise<void>;

  /** The snapshot as it comes off the wire (socket acks are not validated by the transport). */
  internal_qaSnapshot: (snapshot: unknown) => void;
  internal_qaQuestion: (question: QuestionDto) => void;
  internal_qaVotes: (batch: QaVoteCountsDto) => void;
  internal_qaSession: (session: unknown) => void;
  internal_qaRejoinAll: () => void;
}

type Set = Parameters<SliceCreator<QaSlice>>[0];

function putQuestion(set: Set, q: QuestionDto, own?: { voted?: boolean }) {
  set((s) => ({
    qaQuestionsBySession: {
      ...s.qaQuestionsBySession,
      [q.sessionId]: upsertQuestion(s.qaQuestionsBySession[q.sessionId] ?? {}, q),
    },
    qaMine: q.mine && !s.qaMine[q.id] ? { ...s.qaMine, [q.id]: true } : s.qaMine,
    qaVoted: own?.voted === undefined ? s.qaVoted : { ...s.qaVoted, [q.id]: own.voted },
  }));
}

export const createQaSlice: SliceCreator<QaSlice> = (set, get) => ({
  qaSessionsById: {},
  qaQuestionsBySession: {},
  qaViewerBySession: {},
  qaLoadBySession: {},
  qaMine: {},
  qaVoted: {},
  qaRoomSessions: {},
  qaSort: "popular",
  qaJoined: {},

  setQaSort: (qaSort) => set({ qaSort }),

  joinQa: async (sessionId) => {
    set((s) => ({
      qaJoined: { ...s.qaJoined, [sessionId]: true },
      qaLoadBySession: {
        ...s.qaLoadBySession,
        [sessionId]: s.qaSessionsById[sessionId] ? "ready" : "loading",
      },
    }));
    try {
      get().internal_qaSnapshot(await send(qaCommands.join, { sessionId }));
    } catch {
      // The socket may be down (slow network): the REST snapshot still shows the page; the
      // reconnect handler joins for live updates as soon as it can.
      try {
        get().internal_qaSnapshot(await send(qaCommands.get, { sessionId }));
      } catch {
        set((s) => ({ qaLoadBySession: { ...s.qaLoadBySession, [sessionId]: "error" } }));
      }
    }
  },

  leaveQa: (sessionId) => {
    set((s) => {
      const { [sessionId]: _left, ...rest } = s.qaJoined;
      return { qaJoined: rest };
    });
    void send(qaCommands.leave, { sessionId }).catch(() => undefined);
  },

  loadRoomQa: async (slug) => {
    const { sessions } = await send(qaCommands.listForRoom, { slug });
    set((s) => ({
      qaRoomSessions: { ...s.qaRoomSessions, [slug]: sessions.map((x) => x.id) },
      qaSessionsById: { ...s.qaSessionsById, ...Object.fromEntries(sessions.map((x) => [x.id, x])) },
    }));
  },

  createQaSession: async (slug, input) => {
    const { session } = await send(qaCommands.create, { slug, ...input });
    set((s) => ({
      qaSessionsById: { ...s.qaSessionsById, [session.id]: session },
      qaRoomSessions: { ...s.qaRoomSessions, [slug]: [session.id, ...(s.qaRoomSessions[slug] ?? [])] },
    }));
    return session;
  },

  askQuestion: async (sessionId, input) => {
    const { question: q } = await send(qaCommands.ask, { sessionId, ...input });
    putQuestion(set, q);
    return q;
  },

  voteQuestion: async (questionId, up) => {
    const before = get().qaVoted[questionId] ?? false;
    // Optimistic: the arrow fills at once; the ack (or a failure) settles it.
    set((s) => ({ qaVoted: { ...s.qaVoted, [questionId]: up } }));
    try {
      const { question: q } = await send(qaCommands.vote, { questionId, up });
      putQuestion(set, q, { voted: up });
    } catch (err) {
      set((s) => ({ qaVoted: { ...s.qaVoted, [questionId]: before } }));
      throw err;
    }
  },

  moderateQuestion: async (questionId, input) => {
    const { question: q } = await send(qaCommands.moderate, { questionId, ...input });
    putQuestion(set, q);
    return q;
  },

  setQaStatus: async (sessionId, status) => {
    const { session } = await send(qaCommands.status, { sessionId, status });
    get().internal_qaSession(session);
  },

  setQaGuests: async (sessionId, guests) => {
    const { session } = await send(qaCommands.update, { sessionId, guests });
    get().internal_qaSession(session);
  },

  internal_qaSnapshot: (raw) => {
    const { session, questions, viewer, polls } = QaSnapshotDto.parse(raw);
    set((s) => {
      const mine = { ...s.qaMine };
      const voted = { ...s.qaVoted };
      for (const q of questions) {
        if (q.mine) mine[q.id] = true;
        voted[q.id] = q.voted;
      }
      return {
        qaSessionsById: { ...s.qaSessionsById, [session.id]: session },
        // A snapshot replaces what we had: it is the server's whole truth for this viewer.
        qaQuestionsBySession: { ...s.qaQuestionsBySession, [session.id]: snapshotToMap(questions) },
        qaViewerBySession: { ...s.qaViewerBySession, [session.id]: viewer },
        qaPollsBySession: {
          ...s.qaPollsBySession,
          [session.id]: Object.fromEntries(polls.map((p) => [p.id, p])),
        },
        qaLoadBySession: { ...s.qaLoadBySession, [session.id]: "ready" },
        qaMine: mine,
        qaVoted: voted,
      };
    });
  },

  internal_qaQuestion: (question) => {
    if (!get().qaQuestionsBySession[question.sessionId]) return;
    putQuestion(set, question);
  },

  internal_qaVotes: (batch) => {
    set((s) => {
      const current = s.qaQuestionsBySession[batch.sessionId];
      if (!current) return {};
      return {
        qaQuestionsBySession: {
          ...s.qaQuestionsBySession,
          [batch.sessionId]: applyVoteCounts(current, batch),
        },
      };
    });
  },

  internal_qaSession: (raw) => {
    const session = QaSessionDto.parse(raw);
    const before = get().qaSessionsById[session.id];
    set((s) => ({ qaSessionsById: { ...s.qaSessionsById, [session.id]: session } }));
    // The host switched guests between off / watch / participate: what a guest may do (the viewer
    // part of the snapshot, never broadcast) changed too, so a guest's tab takes a fresh snapshot.
    const viewer = get().qaViewerBySession[session.id];
    if (before && before.guests !== session.guests && viewer?.guest && get().qaJoined[session.id])
      void get().joinQa(session.id);
  },

  internal_qaRejoinAll: () => {
    for (const id of Object.keys(get().qaJoined)) void get().joinQa(id);
  },
});

const EMPTY: QuestionDto[] = [];

/** Selectors; list selectors are memoised on the map they read so components re-render only on change. */
export const qaSelectors = {
  session: (id: string | undefined) => (s: AppState) => (id ? s.qaSessionsById[id] : undefined),
  viewer: (id: string | undefined) => (s: AppState) => (id ? s.qaViewerBySession[id] : undefined),
  load:
    (id: string | undefined) =>
    (s: AppState): QaLoad =>
      id ? (s.qaLoadBySession[id] ?? "idle") : "idle",
  questionMap: (id: string | undefined) => (s: AppState) => (id ? s.qaQuestionsBySession[id] : undefined),
  roomSessions: (slug: string | undefined) => (s: AppState) => (slug ? s.qaRoomSessions[slug] : undefined),
};

/** Popular: most votes first, older first on a tie (it waited longer); recent: newest first. */
export function sortQuestions(list: readonly QuestionDto[], sort: QaSort): QuestionDto[] {
  const copy = [...list];
  if (sort === "recent") return copy.sort((a, b) => b.createdAt.localeCompare(a.createdAt));
  return copy.sort((a, b) => b.votes - a.votes || a.createdAt.localeCompare(b.createdAt));
}

export function questionsOf(
  map: QuestionMap | undefined,
  statuses: readonly QuestionDto["status"][],
): QuestionDto[] {
  if (!map) return EMPTY;
  return Object.values(map).filter((q) => statuses.includes(q.status));
}

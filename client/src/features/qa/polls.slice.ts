import { PollDto, qaCommands, type PollAnswerInput, type PollCreateInput } from "@rembuk/shared";
import { isApiError } from "../../lib/api";
import type { AppState, SliceCreator } from "../../store/types";
import { send } from "../../lib/send";

export interface PollsSlice {
  /** Each session's polls by id, as this viewer may see them (the snapshot fills it, events update it). */
  qaPollsBySession: Record<string, Record<string, PollDto>>;
  createPoll: (sessionId: string, input: PollCreateInput) => Promise<PollDto>;
  setPollStatus: (
    poll: PollDto,
    input: { status: "open" | "closed"; showResults?: boolean },
  ) => Promise<void>;
  answerPoll: (poll: PollDto, answer: PollAnswerInput) => Promise<void>;
  /** A poll from a broadcast (`qa:poll:updated`) or a REST answer. */
  internal_qaPoll: (poll: unknown) => void;
}

export const createPollsSlice: SliceCreator<PollsSlice> = (set, get) => ({
  qaPollsBySession: {},

  createPoll: async (sessionId, input) => {
    const { poll } = await send(qaCommands.createPoll, { sessionId, ...input });
    get().internal_qaPoll(poll);
    return poll;
  },

  setPollStatus: async (poll, input) => {
    const { poll: saved } = await send(qaCommands.pollStatus, { pollId: poll.id, ...input });
    get().internal_qaPoll(saved);
  },

  answerPoll: async (poll, answer) => {
    // Over the socket when it is up (the same path as votes), REST when it is down; no ack in time
    // (a phone between cells) is worth one more try, by whichever path is up then. Repeating is
    // safe: a participant's new answer replaces the old one.
    const answerOnce = () => send(qaCommands.answerPoll, { pollId: poll.id, ...answer }).then((b) => b.poll);
    const saved = await answerOnce().catch((err: unknown) => {
      if (isApiError(err) && err.code === "TIMEOUT") return answerOnce();
      throw err;
    });
    get().internal_qaPoll(saved);
  },

  internal_qaPoll: (raw) => {
    const parsed = PollDto.safeParse(raw);
    if (!parsed.success) return;
    const poll = parsed.data;
    set((s) => {
      const polls = s.qaPollsBySession[poll.sessionId];
      // Only sessions this tab follows; a broadcast never carries this viewer's own answer, so keep it.
      if (!polls) return {};
      const before = polls[poll.id];
      const merged: PollDto = { ...poll, myAnswer: poll.myAnswer ?? before?.myAnswer ?? null };
      // A broadcast with results hidden must not wipe what a host's own REST answer showed.
      if (!poll.results && before?.results && !poll.showResults && before.status === poll.status)
        merged.results = before.results;
      return {
        qaPollsBySession: { ...s.qaPollsBySession, [poll.sessionId]: { ...polls, [poll.id]: merged } },
      };
    });
  },
});

const NO_POLLS: PollDto[] = [];
const cache = new WeakMap<Record<string, PollDto>, PollDto[]>();

/** A session's polls, newest first, memoised on the map so components re-render only on change. */
export const pollsOf =
  (sessionId: string | undefined) =>
  (s: AppState): PollDto[] => {
    const map = sessionId ? s.qaPollsBySession[sessionId] : undefined;
    if (!map) return NO_POLLS;
    let list = cache.get(map);
    if (!list) {
      list = Object.values(map).sort(
        (a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id),
      );
      cache.set(map, list);
    }
    return list;
  };

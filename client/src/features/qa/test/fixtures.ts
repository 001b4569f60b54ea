import type { PollDto, QaSnapshotDto, QaViewerDto, QuestionDto } from "@rembuk/shared";

/** Q&A DTOs for client tests (helpers only). */
export function question(overrides: Partial<QuestionDto> = {}): QuestionDto {
  return {
    id: "q1",
    sessionId: "s1",
    text: "Berapa biaya Smart Kampung per desa?",
    status: "approved",
    anonymous: false,
    author: { id: "u1", name: "Sri Wahyuni", title: "Kepala Desa", affiliation: null, verified: false },
    votes: 0,
    rev: 0,
    answer: null,
    answeredAt: null,
    dismissReason: null,
    mergedIntoId: null,
    followUp: null,
    edited: false,
    mine: false,
    voted: false,
    createdAt: "2026-11-20T02:00:00.000Z",
    ...overrides,
  };
}

export function poll(overrides: Partial<PollDto> = {}): PollDto {
  return {
    id: "p1",
    sessionId: "s1",
    kind: "choice",
    question: "Kanal mana yang paling sering dipakai warga?",
    options: ["WhatsApp", "Aplikasi desa", "Datang langsung"],
    multiple: false,
    status: "open",
    showResults: false,
    myAnswer: null,
    createdAt: "2026-11-20T02:10:00.000Z",
    ...overrides,
  };
}

export interface SnapshotOptions {
  viewer?: Partial<QaViewerDto>;
  session?: Partial<QaSnapshotDto["session"]>;
  polls?: PollDto[];
}

export function snapshot(
  questions: QuestionDto[],
  canModerate = false,
  opts: SnapshotOptions = {},
): QaSnapshotDto {
  return {
    session: {
      id: "s1",
      roomId: "r1",
      roomSlug: "inovasi-desa",
      title: "Tanya jawab Smart Kampung",
      description: "",
      hosts: [
        {
          id: "h1",
          name: "Ipuk Fiestiandani",
          title: "Bupati Banyuwangi",
          affiliation: null,
          verified: true,
        },
      ],
      startsAt: null,
      status: "live",
      moderated: true,
      allowAnonymous: true,
      guests: "participate",
      locale: "id",
      joinCode: "KP7M2X",
      highlightedQuestionId: null,
      archiveThreadId: null,
      questionCount: questions.length,
      answeredCount: 0,
      startedAt: "2026-11-20T01:00:00.000Z",
      endedAt: null,
      createdAt: "2026-11-19T01:00:00.000Z",
      ...opts.session,
    },
    questions,
    viewer: { canModerate, canAsk: true, signedIn: true, canVote: true, guest: null, ...opts.viewer },
    polls: opts.polls ?? [],
  };
}

import type { QaSnapshotDto, QuestionDto } from "@rembuk/shared";

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

export function snapshot(questions: QuestionDto[], canModerate = false): QaSnapshotDto {
  return {
    session: {
      id: "s1",
      roomId: "r1",
      roomSlug: "inovasi-desa",
      title: "Tanya jawab Smart Kampung",
      description: "",
      hosts: [{ id: "h1", name: "Ipuk Fiestiandani", title: "Bupati Banyuwangi", affiliation: null, verified: true }],
      startsAt: null,
      status: "live",
      moderated: true,
      allowAnonymous: true,
      joinCode: "KP7M2X",
      highlightedQuestionId: null,
      archiveThreadId: null,
      questionCount: questions.length,
      answeredCount: 0,
      startedAt: "2026-11-20T01:00:00.000Z",
      endedAt: null,
      createdAt: "2026-11-19T01:00:00.000Z",
    },
    questions,
    viewer: { canModerate, canAsk: true, signedIn: true },
  };
}

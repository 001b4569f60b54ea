import type { QaVoteCountsDto, QuestionDto } from "./schemas/qa.js";

/**
 * How any client folds Q&A updates into what it shows, shared by the web client and the server's
 * convergence tests so both mean the same thing by "the client's view". Updates can arrive out of
 * order (a vote ack, a batched count, a status broadcast from another process): `rev` decides.
 */
export type QuestionMap = Record<string, QuestionDto>;

/** Keep the newer of two versions of one question; on equal `rev`, the incoming one. */
export function upsertQuestion(map: QuestionMap, incoming: QuestionDto): QuestionMap {
  const current = map[incoming.id];
  if (current && current.rev > incoming.rev) return map;
  return { ...map, [incoming.id]: incoming };
}

/** Apply batched counts, each only if it is newer than what the client holds (one copy per batch). */
export function applyVoteCounts(map: QuestionMap, batch: QaVoteCountsDto): QuestionMap {
  let next: QuestionMap | null = null;
  for (const c of batch.counts) {
    const current = (next ?? map)[c.id];
    if (!current || current.rev >= c.rev) continue;
    next ??= { ...map };
    next[c.id] = { ...current, votes: c.votes, rev: c.rev };
  }
  return next ?? map;
}

export function snapshotToMap(questions: readonly QuestionDto[]): QuestionMap {
  return Object.fromEntries(questions.map((q) => [q.id, q]));
}

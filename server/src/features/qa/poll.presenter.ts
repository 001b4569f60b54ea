import type { PollDto } from "@rembuk/shared";
import type { PollAnswerRecord, PollRecord } from "./poll.model.js";
import { resultsOf, type tallyOf } from "./poll.tally.js";

/** `moderator`: hosts and moderators (always the results); `participant`: results only while shown. */
export type PollAudience = "moderator" | "participant";

type Tally = Awaited<ReturnType<typeof tallyOf>>;
type Answer = Pick<PollAnswerRecord, "choices" | "rating" | "words">;

const presentAnswer = (poll: Pick<PollRecord, "kind">, a: Answer) =>
  poll.kind === "choice"
    ? { choices: a.choices }
    : poll.kind === "rating"
      ? { rating: a.rating ?? 0 }
      : { words: a.words ?? "" };

/**
 * A poll for one audience. `myAnswer` is `undefined` in broadcasts (no viewer), null or the answer
 * for a viewer.
 */
export function presentPoll(
  poll: PollRecord,
  tally: Tally,
  audience: PollAudience,
  mine: Answer | null | undefined,
): PollDto {
  const dto: PollDto = {
    id: poll._id.toString(),
    sessionId: poll.session.toString(),
    kind: poll.kind,
    question: poll.question,
    options: poll.options,
    multiple: poll.multiple,
    status: poll.status,
    showResults: poll.showResults,
    createdAt: poll.createdAt.toISOString(),
  };
  if (audience === "moderator" || poll.showResults) dto.results = resultsOf(poll, tally);
  if (mine !== undefined) dto.myAnswer = mine ? presentAnswer(poll, mine) : null;
  return dto;
}

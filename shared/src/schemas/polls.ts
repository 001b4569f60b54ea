import { z } from "zod";
import { IsoDate, ObjectIdString } from "./common.js";

/** Poll limits, beside the schemas that use them; forms read the same numbers. */
export const POLL_LIMITS = {
  question: { min: 3, max: 200 },
  options: { min: 2, max: 8 },
  option: { min: 1, max: 80 },
  words: { min: 1, max: 40 },
  rating: { min: 1, max: 5 },
  /** Word-cloud results carry the most frequent words only. */
  topWords: 50,
} as const;

export const PollKind = z.enum(["choice", "rating", "words"]);
export type PollKind = z.infer<typeof PollKind>;

/** `draft` extends DESIGN.md: a poll prepared before the session, invisible to participants until opened. */
export const PollStatus = z.enum(["draft", "open", "closed"]);
export type PollStatus = z.infer<typeof PollStatus>;

/** `POST /qa/:id/polls`: options only for `choice`; `multiple` lets a participant tick several. */
export const PollCreateInput = z
  .object({
    kind: PollKind,
    question: z.string().trim().min(POLL_LIMITS.question.min).max(POLL_LIMITS.question.max),
    options: z
      .array(z.string().trim().min(POLL_LIMITS.option.min).max(POLL_LIMITS.option.max))
      .max(POLL_LIMITS.options.max)
      .optional(),
    multiple: z.boolean().optional(),
  })
  .strict()
  .superRefine((p, ctx) => {
    const n = p.options?.length ?? 0;
    if (p.kind === "choice" && n < POLL_LIMITS.options.min)
      ctx.addIssue({
        code: "custom",
        path: ["options"],
        message: `Give at least ${POLL_LIMITS.options.min} options`,
      });
    if (p.kind !== "choice" && n > 0)
      ctx.addIssue({ code: "custom", path: ["options"], message: "Only choice polls have options" });
    if (p.kind !== "choice" && p.multiple)
      ctx.addIssue({ code: "custom", path: ["multiple"], message: "Only choice polls take several answers" });
  });
export type PollCreateInput = z.infer<typeof PollCreateInput>;

/** `POST /polls/:id/status`: open, close, and (with either) show or hide the results to participants. */
export const PollStatusInput = z
  .object({ status: z.enum(["open", "closed"]), showResults: z.boolean().optional() })
  .strict();
export type PollStatusInput = z.infer<typeof PollStatusInput>;

/** One participant's answer; which field is required depends on the poll's kind (checked on the server). */
export const PollAnswerInput = z
  .object({
    choices: z
      .array(
        z
          .number()
          .int()
          .min(0)
          .max(POLL_LIMITS.options.max - 1),
      )
      .min(1)
      .max(POLL_LIMITS.options.max)
      .optional(),
    rating: z.number().int().min(POLL_LIMITS.rating.min).max(POLL_LIMITS.rating.max).optional(),
    words: z.string().trim().min(POLL_LIMITS.words.min).max(POLL_LIMITS.words.max).optional(),
  })
  .strict();
export type PollAnswerInput = z.infer<typeof PollAnswerInput>;

/** Socket `qa:poll:answer`: the REST body plus the poll. */
export const PollAnswerSocketInput = PollAnswerInput.extend({ pollId: ObjectIdString }).strict();
export type PollAnswerSocketInput = z.infer<typeof PollAnswerSocketInput>;

export const PollResultsDto = z.object({
  /** Participants who answered. */
  total: z.number().int(),
  /** choice: answers naming each option; rating: answers per value 1…5. */
  counts: z.array(z.number().int()).optional(),
  /** rating only; null before the first answer. */
  average: z.number().nullable().optional(),
  /** words only: the most frequent (lower-cased) words, most frequent first. */
  words: z.array(z.object({ word: z.string(), count: z.number().int() })).optional(),
});
export type PollResultsDto = z.infer<typeof PollResultsDto>;

/**
 * A poll as one viewer may see it. `results` go to the session's hosts and moderators always and to
 * participants only while `showResults`; `myAnswer` only in answers to the viewer (acks, snapshots),
 * never in room broadcasts.
 */
export const PollDto = z.object({
  id: z.string(),
  sessionId: z.string(),
  kind: PollKind,
  question: z.string(),
  options: z.array(z.string()),
  multiple: z.boolean(),
  status: PollStatus,
  showResults: z.boolean(),
  results: PollResultsDto.optional(),
  myAnswer: PollAnswerInput.nullable().optional(),
  createdAt: IsoDate,
});
export type PollDto = z.infer<typeof PollDto>;

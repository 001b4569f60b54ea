import { z } from "zod";
import { IsoDate, Locale } from "./common.js";
import { PollDto } from "./polls.js";

/** `GET /qa/:id/analytics?bucketMinutes=`: the width of each "joined over time" bucket. */
export const QaAnalyticsQuery = z
  .object({
    bucketMinutes: z.coerce
      .number()
      .int()
      .min(1)
      .max(24 * 60)
      .default(5),
  })
  .strict();
export type QaAnalyticsQuery = z.infer<typeof QaAnalyticsQuery>;

/** A session's figures for its hosts and moderators, during and after it (`GET /qa/:id/analytics`). */
export const QaAnalyticsDto = z.object({
  sessionId: z.string(),
  title: z.string(),
  /** The session's language: the CSV export's headings are in it. */
  locale: Locale,
  generatedAt: IsoDate,
  bucketMinutes: z.number().int(),
  participants: z.object({
    total: z.number().int(),
    members: z.number().int(),
    guests: z.number().int(),
    /** First joins per bucket (bucket start, UTC ISO), oldest first, empty buckets included. */
    joined: z.array(z.object({ at: IsoDate, count: z.number().int() })),
  }),
  questions: z.object({
    asked: z.number().int(),
    pending: z.number().int(),
    approved: z.number().int(),
    answered: z.number().int(),
    dismissed: z.number().int(),
  }),
  votes: z.object({ total: z.number().int(), voters: z.number().int() }),
  topQuestions: z.array(
    z.object({ id: z.string(), text: z.string(), votes: z.number().int(), status: z.string() }),
  ),
  polls: z.array(PollDto),
});
export type QaAnalyticsDto = z.infer<typeof QaAnalyticsDto>;

import { z } from "zod";
import { IsoDate, ObjectIdString } from "../schemas/common.js";
import { ThreadDto } from "../schemas/threads.js";
import { RoomSlug } from "../schemas/rooms.js";
import { defineCommand } from "./define.js";
import { PracticeThreadDto } from "./practices.js";

/** A Q&A question left unanswered when its session ended, which the viewer owes an answer to. */
export const FollowUpDto = z.object({
  questionId: ObjectIdString,
  body: z.string(),
  sessionId: ObjectIdString,
  sessionTitle: z.string(),
  roomSlug: RoomSlug,
  dueAt: IsoDate,
});
export type FollowUpDto = z.infer<typeof FollowUpDto>;

/**
 * What the signed-in home page needs that no other command answers. Q&A sessions, the viewer's
 * region and drafts come from their own commands and the browser's storage.
 */
export const HomeDto = z.object({
  /** Threads with posts the viewer has not read, in rooms they see, latest activity first. */
  unread: z.object({ threads: z.array(ThreadDto), total: z.number().int() }),
  followUps: z.array(FollowUpDto),
  /** Practices in the sectors of those the viewer's office adopts, not adopted or written by them. */
  similar: z.array(PracticeThreadDto),
});
export type HomeDto = z.infer<typeof HomeDto>;

export const homeCommands = {
  get: defineCommand({
    name: "home.get",
    summary:
      "The signed-in home page: unread threads across rooms, Q&A follow-ups owed, practices like the ones adopted",
    input: z.object({}),
    output: z.object({ home: HomeDto }),
    auth: "member",
    http: { method: "GET", path: "/home" },
  }),
};

import type { Response } from "express";
import { moderationCommands, type ModLogQuery, type UserDto } from "@rembuk/shared";
import type { Actor } from "../../lib/actor.js";
import { handle } from "../../lib/commands/handle.js";
import { socketOf } from "../../lib/commands/socketOf.js";
import {
  addFlagNote,
  assignFlag,
  bulkFlags,
  createFlag,
  listFlags,
  listOwnFlags,
  resolveFlag,
} from "./flag.service.js";
import { listModLog } from "./modAction.service.js";
import { exportModLogCsv } from "./modLog.csv.js";
import {
  getScope,
  joinModerationRooms,
  listFeatured,
  listModerators,
  listSuspended,
  scopeSummary,
} from "./moderation.service.js";
import { moderatePost } from "./post.moderation.js";
import { listQueue, listThreadQueued } from "./queue.service.js";
import { moderateThread } from "./thread.moderation.js";

const CSV = moderationCommands.logCsv.http!.contentType!;

/** The whole filtered log (no page) as CSV, named for the day it was taken. */
async function logCsv(actor: Actor | null, res: Response, query: ModLogQuery): Promise<string> {
  const { cursor: _cursor, limit: _limit, ...filters } = query;
  const day = new Date().toISOString().slice(0, 10);
  res.attachment(`rembuk-log-moderasi-${day}.csv`);
  return exportModLogCsv(actor, filters);
}

/** The moderation commands (shared/src/commands/moderation.ts) bound to their services. */
export const moderationHandlers = [
  handle(moderationCommands.thread, async ({ id, ...input }, { member }) => ({
    thread: await moderateThread(member(), id, input),
  })),
  handle(moderationCommands.post, async ({ id, ...input }, { member }) => ({
    post: await moderatePost(member(), id, input),
  })),
  handle(moderationCommands.threadQueued, async ({ id }, { actor }) => ({
    posts: await listThreadQueued(actor, id),
  })),
  handle(moderationCommands.queue, async (query, { actor }) => ({ items: await listQueue(actor, query) })),
  handle(moderationCommands.scope, async (_input, { member }) => ({ scope: await getScope(member()) })),
  handle(moderationCommands.join, async (_input, { actor, transport }) =>
    scopeSummary(await joinModerationRooms(socketOf(transport), actor)),
  ),
  handle(moderationCommands.flag, async (input, { member }) => ({ flag: await createFlag(member(), input) })),
  handle(moderationCommands.ownFlags, async (_input, { member }) => ({
    flags: await listOwnFlags(member()),
  })),
  handle(moderationCommands.resolveFlag, async ({ id, ...input }, { member }) => ({
    flag: await resolveFlag(member(), id, input),
  })),
  handle(moderationCommands.flags, async (query, { actor }) => listFlags(actor, query)),
  handle(moderationCommands.bulkFlags, async (input, { member }) => bulkFlags(member(), input)),
  handle(moderationCommands.assignFlag, async ({ id, ...input }, { member }) => ({
    flag: await assignFlag(member(), id, input),
  })),
  handle(moderationCommands.noteFlag, async ({ id, ...input }, { member }) => ({
    flag: await addFlagNote(member(), id, input),
  })),
  // The explicit `.csv` address a download link can use; `Accept: text/csv` on the log's URL too.
  handle(moderationCommands.logCsv, async (query, { actor, transport }) => {
    if (transport.kind !== "http") throw new Error("the CSV export has no socket path");
    return logCsv(actor, transport.res, query);
  }),
  handle(moderationCommands.log, async (query, { actor, transport }) => {
    if (transport.kind === "http" && transport.req.accepts(["application/json", "text/csv"]) === "text/csv") {
      const csv = await logCsv(actor, transport.res, query);
      transport.res.type(CSV).send(csv);
      // Answered above, as the `.csv` address would; the transport sends nothing more.
      return undefined as never;
    }
    return listModLog(actor, query);
  }),
  // Who may list suspensions may see accounts (the policy table), so every row is a whole UserDto.
  handle(moderationCommands.suspended, async (_input, { actor }) => ({
    users: (await listSuspended(actor)) as UserDto[],
  })),
  handle(moderationCommands.moderators, async (_input, { actor }) => ({
    users: await listModerators(actor),
  })),
  handle(moderationCommands.featured, async (query, { actor }) => ({
    threads: await listFeatured(actor, query),
  })),
];

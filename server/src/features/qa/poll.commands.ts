import { qaCommands } from "@rembuk/shared";
import { handle } from "../../lib/commands/handle.js";
import { actingIn, callerIn, sessionOfPoll } from "./qa.caller.js";
import { answerPoll, createPoll, listPolls, setPollStatus } from "./poll.service.js";

/** DESIGN.md §9 polls. Hosts and moderators create and run them; every participant (guests too) answers. */
export const pollHandlers = [
  handle(qaCommands.createPoll, async ({ sessionId, ...input }, { member }) => ({
    poll: await createPoll(member(), sessionId, input),
  })),
  handle(qaCommands.polls, async ({ sessionId }, ctx) => ({
    polls: await listPolls(await callerIn(ctx, sessionId), sessionId),
  })),
  handle(qaCommands.pollStatus, async ({ pollId, ...input }, { member }) => ({
    poll: await setPollStatus(member(), pollId, input),
  })),
  handle(qaCommands.answerPoll, async ({ pollId, ...answer }, ctx) => {
    const who = await actingIn(ctx, await sessionOfPoll(pollId), "qaPoll");
    return { poll: await answerPoll(who, pollId, answer) };
  }),
];

import { threadCommands } from "@rembuk/shared";
import { handle, reply } from "../../lib/commands/handle.js";
import { socketOf } from "../../lib/commands/socketOf.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { presenceOf, schedulePresence } from "../presence/index.js";
import { loadVisibleThread } from "../threads/index.js";
import { catchUp, listPosts } from "./post.service.js";
import { createThread } from "./thread.create.js";

/** The thread commands (shared/src/commands/threads.ts) that write or read a thread's posts. */
export const threadPostHandlers = [
  handle(threadCommands.create, async ({ slug, ...input }, { member }) => {
    const { thread, created } = await createThread(member(), { slug }, input);
    return reply(created ? 201 : 200, { thread });
  }),
  handle(threadCommands.posts, async ({ id, ...query }, { actor }) => listPosts(actor, id, query)),
  /**
   * Join first, then read the head and the missed posts: anything numbered after the read is
   * broadcast to this socket, anything before it is in `missed`. See post.service `catchUp`.
   */
  handle(threadCommands.join, async ({ threadId, afterSeq }, { actor, transport }) => {
    const { thread, room } = await loadVisibleThread(actor, threadId);
    const id = thread._id.toString();
    await socketOf(transport).join(rooms.thread(id));
    schedulePresence("thread", id);
    const { headSeq, missed } = await catchUp(actor, thread, room, afterSeq);
    return { headSeq, missed, presence: await presenceOf("thread", id) };
  }),
];

import { threadCommands } from "@rembuk/shared";
import { notFound, unauthenticated } from "../../lib/errors.js";
import { handle } from "../../lib/commands/handle.js";
import { socketOf } from "../../lib/commands/socketOf.js";
import { assertCan } from "../../lib/policy.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { presenceOf, schedulePresence } from "../presence/index.js";
import { loadUserSummaries } from "../users/index.js";
import { listThreadsByAuthor } from "./thread.byAuthor.js";
import { loadVisibleThread } from "./thread.loader.js";
import { getThread, listThreads } from "./thread.service.js";
import { typingAllowed } from "./typing.throttle.js";

/**
 * The thread commands (shared/src/commands/threads.ts) bound to their services. Those that write or
 * read posts (create, posts, join) are bound by posts, and `read` by read state: both sit above threads.
 */
export const threadHandlers = [
  handle(threadCommands.list, async ({ slug, ...query }, { actor }) => listThreads(actor, slug, query)),
  handle(threadCommands.byAuthor, async ({ id, ...query }, { actor }) =>
    listThreadsByAuthor(actor, id, query),
  ),
  handle(threadCommands.get, async ({ id }, { actor }) => ({ thread: await getThread(actor, id) })),
  handle(threadCommands.leave, async ({ threadId }, { actor, transport }) => {
    const socket = socketOf(transport);
    const name = rooms.thread(threadId);
    if (socket.rooms.has(name)) {
      await socket.leave(name);
      schedulePresence("thread", threadId);
    }
    // Leaving always works; who else is there is only told to those who may see the thread.
    await loadVisibleThread(actor, threadId);
    return { presence: await presenceOf("thread", threadId) };
  }),
  /**
   * Typing is relayed only inside a thread this socket joined (so it already passed visibility) and
   * only for people who may post there; the sender's own socket does not get it back.
   */
  handle(threadCommands.typing, async ({ threadId }, { member, transport }) => {
    const actor = member();
    const socket = socketOf(transport);
    if (!socket.rooms.has(rooms.thread(threadId))) throw notFound("Thread");
    if (!typingAllowed(actor.id, threadId)) return { relayed: false };
    const { thread, room } = await loadVisibleThread(actor, threadId);
    assertCan(actor, "post.create", { room, thread });
    const user = (await loadUserSummaries([actor.id])).get(actor.id);
    if (!user) throw unauthenticated();
    socket.to(rooms.thread(threadId)).emit("typing", { threadId, user });
    return { relayed: true };
  }),
];

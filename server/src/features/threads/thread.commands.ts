import { threadCommands } from "@rembuk/shared";
import { notFound, unauthenticated } from "../../lib/errors.js";
import { handle, reply } from "../../lib/commands/handle.js";
import { socketOf } from "../../lib/commands/socketOf.js";
import { assertCan } from "../../lib/policy.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { catchUp, listPosts } from "../posts/index.js";
import { presenceOf, schedulePresence } from "../presence/index.js";
import { markRead } from "../readstate/index.js";
import { loadUserSummaries } from "../users/index.js";
import { listThreadsByAuthor } from "./thread.byAuthor.js";
import { loadVisibleThread } from "./thread.loader.js";
import { createThread, getThread, listThreads } from "./thread.service.js";
import { typingAllowed } from "./typing.throttle.js";

/** The thread commands (shared/src/commands/threads.ts) bound to their services. */
export const threadHandlers = [
  handle(threadCommands.list, async ({ slug, ...query }, { actor }) => listThreads(actor, slug, query)),
  handle(threadCommands.create, async ({ slug, ...input }, { member }) => {
    const { thread, created } = await createThread(member(), { slug }, input);
    return reply(created ? 201 : 200, { thread });
  }),
  handle(threadCommands.byAuthor, async ({ id, ...query }, { actor }) =>
    listThreadsByAuthor(actor, id, query),
  ),
  handle(threadCommands.get, async ({ id }, { actor }) => ({ thread: await getThread(actor, id) })),
  handle(threadCommands.posts, async ({ id, ...query }, { actor }) => listPosts(actor, id, query)),
  handle(threadCommands.read, async ({ threadId, seq }, { member }) => ({
    read: await markRead(member(), threadId, seq),
  })),
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

import { ThreadCreateCommand, ThreadJoinInput, ThreadReadCommand, ThreadRefInput } from "@rembuk/shared";
import { notFound, unauthenticated } from "../../lib/errors.js";
import { assertCan } from "../../lib/policy.js";
import { defineHandler, type IoSocket } from "../../lib/realtime/defineHandler.js";
import { rooms } from "../../lib/realtime/rooms.js";
import { catchUp } from "../posts/index.js";
import { presenceOf, schedulePresence } from "../presence/index.js";
import { markRead } from "../readstate/index.js";
import { loadUserSummaries } from "../users/index.js";
import { loadVisibleThread } from "./thread.loader.js";
import { createThread } from "./thread.service.js";

/** At most one `typing` relay per user per thread in this window (per process). */
const TYPING_INTERVAL_MS = 2000;
const lastTyping = new Map<string, number>();

function typingAllowed(userId: string, threadId: string, now = Date.now()): boolean {
  const key = `${userId}:${threadId}`;
  const last = lastTyping.get(key);
  if (last !== undefined && now - last < TYPING_INTERVAL_MS) return false;
  lastTyping.set(key, now);
  if (lastTyping.size > 10_000) {
    for (const [k, t] of lastTyping) if (now - t >= TYPING_INTERVAL_MS) lastTyping.delete(k);
  }
  return true;
}

export function registerThreadSocket(socket: IoSocket): void {
  /**
   * Join first, then read the head and the missed posts: anything numbered after the read is
   * broadcast to this socket, anything before it is in `missed`. See post.service `catchUp`.
   */
  socket.on(
    "thread:join",
    defineHandler(socket, {
      schema: ThreadJoinInput,
      limit: "read",
      run: async ({ input, actor }) => {
        const { thread, room } = await loadVisibleThread(actor, input.threadId);
        const id = thread._id.toString();
        await socket.join(rooms.thread(id));
        schedulePresence("thread", id);
        const { headSeq, missed } = await catchUp(actor, thread, room, input.afterSeq);
        return { headSeq, missed, presence: await presenceOf("thread", id) };
      },
    }),
  );

  socket.on(
    "thread:leave",
    defineHandler(socket, {
      schema: ThreadRefInput,
      limit: "read",
      run: async ({ input, actor }) => {
        const name = rooms.thread(input.threadId);
        if (socket.rooms.has(name)) {
          await socket.leave(name);
          schedulePresence("thread", input.threadId);
        }
        // Leaving always works; who else is there is only told to those who may see the thread.
        await loadVisibleThread(actor, input.threadId);
        return { presence: await presenceOf("thread", input.threadId) };
      },
    }),
  );

  /**
   * Typing is relayed only inside a thread this socket joined (so it already passed visibility) and
   * only for people who may post there; the sender's own socket does not get it back.
   */
  socket.on(
    "typing:start",
    defineHandler(socket, {
      schema: ThreadRefInput,
      limit: "typing",
      run: async ({ input, actor }) => {
        if (!actor) throw unauthenticated();
        if (!socket.rooms.has(rooms.thread(input.threadId))) throw notFound("Thread");
        if (!typingAllowed(actor.id, input.threadId)) return { relayed: false };
        const { thread, room } = await loadVisibleThread(actor, input.threadId);
        assertCan(actor, "post.create", { room, thread });
        const user = (await loadUserSummaries([actor.id])).get(actor.id);
        if (!user) throw unauthenticated();
        socket.to(rooms.thread(input.threadId)).emit("typing", { threadId: input.threadId, user });
        return { relayed: true };
      },
    }),
  );

  socket.on(
    "thread:create",
    defineHandler(socket, {
      schema: ThreadCreateCommand,
      limit: "write",
      run: async ({ input, actor }) => {
        const { roomId, ...rest } = input;
        return (await createThread(actor, { id: roomId }, rest)).thread;
      },
    }),
  );

  socket.on(
    "thread:read",
    defineHandler(socket, {
      schema: ThreadReadCommand,
      limit: "write",
      run: ({ input, actor }) => markRead(actor, input.threadId, input.seq),
    }),
  );
}

import {
  FlagCreateInput,
  FlagResolveCommand,
  PostModerateCommand,
  ThreadModerateCommand,
} from "@rembuk/shared";
import { z } from "zod";
import { logger } from "../../lib/logger.js";
import { defineHandler, type IoSocket } from "../../lib/realtime/defineHandler.js";
import { loadActor } from "../users/index.js";
import { createFlag, resolveFlag } from "./flag.service.js";
import { joinModerationRooms, scopeSummary } from "./moderation.service.js";
import { moderatePost } from "./post.moderation.js";
import { moderateThread } from "./thread.moderation.js";

/**
 * Moderation over the socket: the same services as REST. Room moderators' sockets join their rooms'
 * moderation rooms at connection (staff are in `mod` from the handshake), so queue and flag events
 * reach them without asking; `moderation:join` does it again on demand and says what it joined.
 */
export function registerModerationSocket(socket: IoSocket): void {
  if (socket.data.userId && socket.data.role === "member") {
    loadActor(socket.data.userId)
      .then((actor) => joinModerationRooms(socket, actor))
      .catch((err: unknown) => logger.warn({ err, socketId: socket.id }, "could not join moderation rooms"));
  }

  socket.on(
    "moderation:join",
    defineHandler(socket, {
      schema: z.object({}).strict(),
      limit: "read",
      run: async ({ actor }) => scopeSummary(await joinModerationRooms(socket, actor)),
    }),
  );

  socket.on(
    "thread:moderate",
    defineHandler(socket, {
      schema: ThreadModerateCommand,
      limit: "write",
      run: ({ input, actor }) => moderateThread(actor, input.threadId, input.input),
    }),
  );

  socket.on(
    "post:moderate",
    defineHandler(socket, {
      schema: PostModerateCommand,
      limit: "write",
      run: ({ input, actor }) => moderatePost(actor, input.postId, input.input),
    }),
  );

  socket.on(
    "flag:create",
    defineHandler(socket, {
      schema: FlagCreateInput,
      limit: "write",
      run: ({ input, actor }) => createFlag(actor, input),
    }),
  );

  socket.on(
    "flag:resolve",
    defineHandler(socket, {
      schema: FlagResolveCommand,
      limit: "write",
      run: ({ input, actor }) => resolveFlag(actor, input.flagId, input.input),
    }),
  );
}

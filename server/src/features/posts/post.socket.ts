import { PostCreateCommand, PostRefCommand, PostUpdateCommand, ReactCommand } from "@rembuk/shared";
import { defineHandler, type IoSocket } from "../../lib/realtime/defineHandler.js";
import { createPost, deletePost, reactToPost, updatePost } from "./post.service.js";

/** Socket mirrors of the post routes: same services, same `write` budget, same errors. */
export function registerPostSocket(socket: IoSocket): void {
  socket.on(
    "post:create",
    defineHandler(socket, {
      schema: PostCreateCommand,
      limit: "write",
      run: async ({ input, actor }) => {
        const { threadId, ...rest } = input;
        return (await createPost(actor, threadId, rest)).post;
      },
    }),
  );

  socket.on(
    "post:update",
    defineHandler(socket, {
      schema: PostUpdateCommand,
      limit: "write",
      run: ({ input, actor }) => updatePost(actor, input.postId, { body: input.body }),
    }),
  );

  socket.on(
    "post:delete",
    defineHandler(socket, {
      schema: PostRefCommand,
      limit: "write",
      run: ({ input, actor }) => deletePost(actor, input.postId),
    }),
  );

  socket.on(
    "post:react",
    defineHandler(socket, {
      schema: ReactCommand,
      limit: "write",
      run: ({ input, actor }) => {
        const { postId, ...rest } = input;
        return reactToPost(actor, postId, rest);
      },
    }),
  );
}

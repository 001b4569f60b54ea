import { postCommands } from "@rembuk/shared";
import { handle, reply } from "../../lib/commands/handle.js";
import {
  createPost,
  deletePost,
  loadVisiblePost,
  postHistory,
  reactToPost,
  updatePost,
} from "./post.service.js";
import { presentPost } from "./post.presenter.js";

/** The post commands (shared/src/commands/posts.ts) bound to their services. */
export const postHandlers = [
  handle(postCommands.create, async ({ threadId, ...input }, { actor }) => {
    const { post, created } = await createPost(actor, threadId, input);
    return reply(created ? 201 : 200, { post });
  }),
  handle(postCommands.get, async ({ id }, { actor }) => {
    const { post, room } = await loadVisiblePost(actor, id);
    return { post: await presentPost(actor, room, post) };
  }),
  handle(postCommands.history, async ({ id }, { actor }) => ({ revisions: await postHistory(actor, id) })),
  handle(postCommands.update, async ({ postId, body }, { actor }) => ({
    post: await updatePost(actor, postId, { body }),
  })),
  handle(postCommands.delete, async ({ postId }, { actor }) => ({ post: await deletePost(actor, postId) })),
  handle(postCommands.react, async ({ postId, ...input }, { actor }) => ({
    post: await reactToPost(actor, postId, input),
  })),
];

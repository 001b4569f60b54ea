import { z } from "zod";
import {
  PostCreateCommand,
  PostDto,
  PostRefCommand,
  PostRevisionDto,
  PostUpdateCommand,
  ReactCommand,
} from "../schemas/posts.js";
import { ObjectIdString } from "../schemas/common.js";
import { defineCommand } from "./define.js";

const PostResult = z.object({ post: PostDto });

/**
 * Posts. Writes keep a socket path: replying is the hottest write and the socket saves a request's
 * headers and session lookup on a weak phone.
 */
export const postCommands = {
  create: defineCommand({
    name: "posts.create",
    summary: "Reply in a thread (idempotent by clientId: a retry answers 200 with the same post)",
    input: PostCreateCommand,
    output: PostResult,
    errors: ["NOT_FOUND", "LOCKED", "SUSPENDED", "SLOW_MODE", "FORBIDDEN"],
    http: { method: "POST", path: "/threads/:threadId/posts", status: 201 },
    socket: { event: "post:create", ack: "post" },
  }),
  get: defineCommand({
    name: "posts.get",
    summary: "One post the reader may see",
    input: z.object({ id: ObjectIdString }),
    output: PostResult,
    errors: ["NOT_FOUND"],
    http: { method: "GET", path: "/posts/:id" },
  }),
  history: defineCommand({
    name: "posts.history",
    summary: "A post's earlier versions",
    input: z.object({ id: ObjectIdString }),
    output: z.object({ revisions: z.array(PostRevisionDto) }),
    errors: ["NOT_FOUND", "FORBIDDEN"],
    http: { method: "GET", path: "/posts/:id/history" },
  }),
  update: defineCommand({
    name: "posts.update",
    summary: "Edit a post (its author within the edit window, or a moderator)",
    input: PostUpdateCommand,
    output: PostResult,
    errors: ["NOT_FOUND", "FORBIDDEN", "LOCKED", "SUSPENDED"],
    http: { method: "PATCH", path: "/posts/:postId" },
    socket: { event: "post:update", ack: "post" },
  }),
  delete: defineCommand({
    name: "posts.delete",
    summary: "Delete a post (soft: the thread shows that it was deleted)",
    input: PostRefCommand,
    output: PostResult,
    errors: ["NOT_FOUND", "FORBIDDEN"],
    http: { method: "DELETE", path: "/posts/:postId" },
    socket: { event: "post:delete", ack: "post" },
  }),
  react: defineCommand({
    name: "posts.react",
    summary: "Add or remove a reaction",
    input: ReactCommand,
    output: PostResult,
    errors: ["NOT_FOUND", "FORBIDDEN"],
    http: { method: "POST", path: "/posts/:postId/reactions" },
    socket: { event: "post:react", ack: "post" },
  }),
} as const;

import { z } from "zod";
import { ObjectIdString } from "../schemas/common.js";
import { PostDto, PostListQuery, ThreadJoinResult } from "../schemas/posts.js";
import { PresenceDto, RoomSlug } from "../schemas/rooms.js";
import {
  AuthorThreadsQuery,
  ReadStateDto,
  ThreadCreateInput,
  ThreadDto,
  ThreadJoinInput,
  ThreadListQuery,
  ThreadReadCommand,
  ThreadRefInput,
} from "../schemas/threads.js";
import { defineCommand } from "./define.js";

const ThreadResult = z.object({ thread: ThreadDto });
const ThreadPage = z.object({ threads: z.array(ThreadDto), nextCursor: z.string().nullable() });

/**
 * Threads (DESIGN.md §4, §5). Socket paths: joining and leaving (live subscriptions with catch-up),
 * typing (socket-only by nature) and the read mark, which the thread page sends as the reader
 * scrolls, so the socket spares a request per screenful.
 */
export const threadCommands = {
  list: defineCommand({
    name: "threads.list",
    summary: "A room's threads by activity, newest or top, paged by an opaque cursor",
    input: ThreadListQuery.extend({ slug: RoomSlug }),
    output: ThreadPage,
    errors: ["NOT_FOUND"],
    http: { method: "GET", path: "/rooms/:slug/threads" },
  }),
  create: defineCommand({
    name: "threads.create",
    summary: "Start a thread (idempotent by clientId: a retry answers 200 with the same thread)",
    input: ThreadCreateInput.extend({ slug: RoomSlug }),
    output: ThreadResult,
    errors: ["NOT_FOUND", "FORBIDDEN", "SUSPENDED", "SLOW_MODE"],
    http: { method: "POST", path: "/rooms/:slug/threads", status: 201 },
  }),
  byAuthor: defineCommand({
    name: "threads.byAuthor",
    summary: "The threads a person started that the viewer may see, newest first",
    input: AuthorThreadsQuery.extend({ id: ObjectIdString }),
    output: ThreadPage,
    errors: ["NOT_FOUND"],
    http: { method: "GET", path: "/users/:id/threads" },
  }),
  get: defineCommand({
    name: "threads.get",
    summary: "One thread",
    input: z.object({ id: ObjectIdString }),
    output: ThreadResult,
    errors: ["NOT_FOUND"],
    http: { method: "GET", path: "/threads/:id" },
  }),
  posts: defineCommand({
    name: "threads.posts",
    summary: "A thread's posts by seq: forward after afterSeq, or the limit just before beforeSeq",
    input: PostListQuery.safeExtend({ id: ObjectIdString }),
    output: z.object({ posts: z.array(PostDto), headSeq: z.number().int(), hasMore: z.boolean() }),
    errors: ["NOT_FOUND"],
    http: { method: "GET", path: "/threads/:id/posts" },
  }),
  read: defineCommand({
    name: "threads.read",
    summary: "Everything up to seq has been seen (the mark never moves back)",
    input: ThreadReadCommand,
    output: z.object({ read: ReadStateDto }),
    errors: ["NOT_FOUND"],
    http: { method: "POST", path: "/threads/:threadId/read" },
    socket: { event: "thread:read", ack: "read" },
  }),
  join: defineCommand({
    name: "threads.join",
    summary: "Receive a thread's live events; the ack carries the posts after afterSeq and who is there",
    input: ThreadJoinInput,
    output: ThreadJoinResult,
    errors: ["NOT_FOUND"],
    socket: { event: "thread:join", limit: "read" },
  }),
  leave: defineCommand({
    name: "threads.leave",
    summary: "Stop receiving a thread's live events",
    input: ThreadRefInput,
    output: z.object({ presence: PresenceDto }),
    errors: ["NOT_FOUND"],
    socket: { event: "thread:leave", limit: "read" },
  }),
  typing: defineCommand({
    name: "threads.typing",
    summary: "Tell the thread's other readers this member is typing (at most every 2 s)",
    input: ThreadRefInput,
    output: z.object({ relayed: z.boolean() }),
    auth: "member",
    errors: ["NOT_FOUND", "FORBIDDEN"],
    socket: { event: "typing:start", limit: "typing" },
  }),
} as const;

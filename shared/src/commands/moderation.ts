import { z } from "zod";
import { ObjectIdString } from "../schemas/common.js";
import {
  FeaturedQuery,
  FlagAssignInput,
  FlagBulkInput,
  FlagCreateInput,
  FlagDto,
  FlagListQuery,
  FlagNoteInput,
  FlagResolveInput,
  ModActionDto,
  ModLogQuery,
  ModScopeDto,
  PostModerateInput,
  QueueItemDto,
  QueueQuery,
  ThreadModerateInput,
} from "../schemas/moderation.js";
import { PostDto } from "../schemas/posts.js";
import { ThreadDto } from "../schemas/threads.js";
import { UserSummaryDto } from "../schemas/rooms.js";
import { UserDto } from "../schemas/users.js";
import { defineCommand } from "./define.js";

const FlagResult = z.object({ flag: FlagDto });
const LogPage = z.object({ entries: z.array(ModActionDto), nextCursor: z.string().nullable() });

/**
 * Moderation (DESIGN.md §5, docs/api.md): the tools, the queue, flags, the audit log. Only
 * `moderation:join` keeps a socket path: it is the live subscription to the moderation rooms (and
 * the round trip that tells a client the connection-time join is done); the tools are REST only,
 * since nothing sends them often enough for a socket path to pay.
 */
export const moderationCommands = {
  thread: defineCommand({
    name: "moderation.thread",
    summary: "Approve, reject, pin, feature, lock, move, edit or hide a thread",
    input: ThreadModerateInput.safeExtend({ id: ObjectIdString }),
    output: z.object({ thread: ThreadDto }),
    errors: ["NOT_FOUND", "FORBIDDEN", "CONFLICT"],
    http: { method: "POST", path: "/threads/:id/moderate" },
  }),
  post: defineCommand({
    name: "moderation.post",
    summary: "Approve, reject, hide, unhide, delete, restore or edit a post",
    input: PostModerateInput.safeExtend({ id: ObjectIdString }),
    output: z.object({ post: PostDto }),
    errors: ["NOT_FOUND", "FORBIDDEN", "CONFLICT"],
    http: { method: "POST", path: "/posts/:id/moderate" },
  }),
  threadQueued: defineCommand({
    name: "moderation.threadQueued",
    summary: "A thread's replies waiting for review: the viewer's own, or every one for its moderators",
    input: z.object({ id: ObjectIdString }),
    output: z.object({ posts: z.array(PostDto) }),
    errors: ["NOT_FOUND"],
    http: { method: "GET", path: "/threads/:id/queued" },
  }),
  queue: defineCommand({
    name: "moderation.queue",
    summary: "Threads and replies waiting for review in the viewer's rooms, oldest first",
    input: QueueQuery,
    output: z.object({ items: z.array(QueueItemDto) }),
    errors: ["FORBIDDEN"],
    http: { method: "GET", path: "/moderation/queue" },
  }),
  scope: defineCommand({
    name: "moderation.scope",
    summary: "What the viewer moderates",
    input: z.object({}),
    output: z.object({ scope: ModScopeDto }),
    auth: "member",
    http: { method: "GET", path: "/moderation/scope" },
  }),
  join: defineCommand({
    name: "moderation.join",
    summary: "Put this socket in the moderation rooms of everything its user moderates",
    input: z.object({}).strict(),
    output: ModScopeDto,
    socket: { event: "moderation:join", limit: "read" },
  }),
  flag: defineCommand({
    name: "flags.create",
    summary: "Flag a post or thread (one open flag per member and target)",
    input: FlagCreateInput,
    output: FlagResult,
    errors: ["NOT_FOUND", "FORBIDDEN", "CONFLICT"],
    http: { method: "POST", path: "/flags", status: 201 },
  }),
  ownFlags: defineCommand({
    name: "flags.mine",
    summary: "The flags the viewer raised, with their outcome",
    input: z.object({}),
    output: z.object({ flags: z.array(FlagDto) }),
    auth: "member",
    http: { method: "GET", path: "/flags/mine" },
  }),
  resolveFlag: defineCommand({
    name: "flags.resolve",
    summary: "Close a flag as resolved or dismissed; the note goes to the flagger",
    input: FlagResolveInput.safeExtend({ id: ObjectIdString }),
    output: FlagResult,
    errors: ["NOT_FOUND", "FORBIDDEN", "CONFLICT"],
    http: { method: "POST", path: "/flags/:id/resolve" },
  }),
  flags: defineCommand({
    name: "flags.list",
    summary: "Flags in the viewer's rooms by status and assignee, newest first",
    input: FlagListQuery,
    output: z.object({ flags: z.array(FlagDto), nextCursor: z.string().nullable() }),
    errors: ["FORBIDDEN"],
    http: { method: "GET", path: "/moderation/flags" },
  }),
  bulkFlags: defineCommand({
    name: "flags.bulk",
    summary: "The same decision for many flags; those that cannot take it are listed in failed",
    input: FlagBulkInput,
    output: z.object({
      flags: z.array(FlagDto),
      failed: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
    }),
    errors: ["FORBIDDEN"],
    http: { method: "POST", path: "/moderation/flags/bulk" },
  }),
  assignFlag: defineCommand({
    name: "flags.assign",
    summary: "Give a flag to a moderator of its room, or to nobody",
    input: FlagAssignInput.safeExtend({ id: ObjectIdString }),
    output: FlagResult,
    errors: ["NOT_FOUND", "FORBIDDEN", "CONFLICT"],
    http: { method: "POST", path: "/moderation/flags/:id/assign" },
  }),
  noteFlag: defineCommand({
    name: "flags.note",
    summary: "An internal note on a flag, for moderators only",
    input: FlagNoteInput.safeExtend({ id: ObjectIdString }),
    output: FlagResult,
    errors: ["NOT_FOUND", "FORBIDDEN"],
    http: { method: "POST", path: "/moderation/flags/:id/notes" },
  }),
  logCsv: defineCommand({
    name: "moderation.logCsv",
    summary: "The audit log with the same filters, as a CSV download (times in WIB)",
    input: ModLogQuery,
    output: z.string(),
    errors: ["FORBIDDEN"],
    http: { method: "GET", path: "/moderation/log.csv", contentType: "text/csv; charset=utf-8" },
  }),
  log: defineCommand({
    name: "moderation.log",
    summary: "The audit log, newest first (Accept: text/csv answers the CSV export)",
    input: ModLogQuery,
    output: LogPage,
    errors: ["FORBIDDEN"],
    http: { method: "GET", path: "/moderation/log" },
  }),
  suspended: defineCommand({
    name: "moderation.suspended",
    summary: "Members suspended now",
    input: z.object({}),
    output: z.object({ users: z.array(UserDto) }),
    errors: ["FORBIDDEN"],
    http: { method: "GET", path: "/moderation/suspended" },
  }),
  moderators: defineCommand({
    name: "moderation.moderators",
    summary: "Moderators and admins, for assigning flags",
    input: z.object({}),
    output: z.object({ users: z.array(UserSummaryDto) }),
    errors: ["FORBIDDEN"],
    http: { method: "GET", path: "/moderation/moderators" },
  }),
  featured: defineCommand({
    name: "moderation.featured",
    summary: "Curated threads from the rooms this viewer may see, newest curation first",
    input: FeaturedQuery,
    output: z.object({ threads: z.array(ThreadDto) }),
    http: { method: "GET", path: "/featured" },
  }),
} as const;

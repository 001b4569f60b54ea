import { z } from "zod";
import {
  FlagDto,
  ModActionDto,
  ModScopeDto,
  PostDto,
  QueueItemDto,
  ThreadDto,
  UserDto,
  UserSummaryDto,
  type ErrorCode,
  type FlagBulkInput,
  type FlagCreateInput,
  type FlagResolveInput,
  type FlagStatus,
  type PostModerateInput,
  type ThreadModerateInput,
} from "@rembuk/shared";
import { api, type Query } from "../../lib/api";

const ThreadBody = z.object({ thread: ThreadDto });
const PostBody = z.object({ post: PostDto });
const FlagBody = z.object({ flag: FlagDto });
const FlagPage = z.object({ flags: z.array(FlagDto), nextCursor: z.string().nullable() });
const LogPage = z.object({ entries: z.array(ModActionDto), nextCursor: z.string().nullable() });
const Bulk = z.object({
  flags: z.array(FlagDto),
  failed: z.array(z.object({ id: z.string(), code: z.string(), message: z.string() })),
});

/** The audit log's filters as the dashboard keeps them (empty strings: not filtered). */
export interface LogFilters {
  actorId: string;
  action: string;
  roomSlug: string;
  from: string;
  to: string;
}

export const NO_LOG_FILTERS: LogFilters = { actorId: "", action: "", roomSlug: "", from: "", to: "" };

function logQuery(filters: LogFilters, extra: Query = {}): Query {
  return { ...filters, ...extra };
}

/** The CSV export's address for the same filters (a plain link: the browser downloads it with the cookie). */
export function logCsvHref(filters: LogFilters): string {
  const params = new URLSearchParams();
  for (const [k, v] of Object.entries(filters)) if (v) params.set(k, v);
  const qs = params.toString();
  return `/api/moderation/log.csv${qs ? `?${qs}` : ""}`;
}

export interface BulkResult {
  flags: FlagDto[];
  failed: Array<{ id: string; code: ErrorCode | string; message: string }>;
}

/** Moderation over REST (DESIGN.md §5 and docs/api.md); live changes arrive over the socket. */
export const moderationApi = {
  moderateThread: async (threadId: string, input: ThreadModerateInput) =>
    (await api.post(`/threads/${threadId}/moderate`, input, ThreadBody)).thread,
  moderatePost: async (postId: string, input: PostModerateInput) =>
    (await api.post(`/posts/${postId}/moderate`, input, PostBody)).post,
  /** The viewer's own waiting or rejected replies in a thread (moderators: every waiting one). */
  threadQueued: async (threadId: string, signal?: AbortSignal) =>
    (await api.get(`/threads/${threadId}/queued`, z.object({ posts: z.array(PostDto) }), { signal })).posts,
  scope: async () => (await api.get(`/moderation/scope`, z.object({ scope: ModScopeDto }))).scope,
  queue: async (signal?: AbortSignal) =>
    (await api.get(`/moderation/queue`, z.object({ items: z.array(QueueItemDto) }), { signal })).items,
  flag: async (input: FlagCreateInput) => (await api.post(`/flags`, input, FlagBody)).flag,
  flags: (status: FlagStatus, opts: { assignee?: string; cursor?: string | null } = {}) =>
    api.get(`/moderation/flags`, FlagPage, {
      query: { status, assignee: opts.assignee, cursor: opts.cursor, limit: 30 },
    }),
  resolveFlag: async (id: string, input: FlagResolveInput) =>
    (await api.post(`/flags/${id}/resolve`, input, FlagBody)).flag,
  assignFlag: async (id: string, assigneeId: string | null) =>
    (await api.post(`/moderation/flags/${id}/assign`, { assigneeId }, FlagBody)).flag,
  noteFlag: async (id: string, text: string) =>
    (await api.post(`/moderation/flags/${id}/notes`, { text }, FlagBody)).flag,
  bulkFlags: async (input: FlagBulkInput): Promise<BulkResult> =>
    api.post(`/moderation/flags/bulk`, input, Bulk),
  log: (filters: LogFilters, cursor?: string | null) =>
    api.get(`/moderation/log`, LogPage, { query: logQuery(filters, { cursor, limit: 50 }) }),
  suspended: async () =>
    (await api.get(`/moderation/suspended`, z.object({ users: z.array(UserDto) }))).users,
  moderators: async () =>
    (await api.get(`/moderation/moderators`, z.object({ users: z.array(UserSummaryDto) }))).users,
  featured: async (limit = 6) =>
    (await api.get(`/featured`, z.object({ threads: z.array(ThreadDto) }), { query: { limit } })).threads,
};

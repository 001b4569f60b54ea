import { z } from "zod";
import { ReadStateDto, ThreadDto, type ThreadCreateInput, type ThreadSort } from "@rembuk/shared";
import { api } from "../../lib/api";

const ThreadPage = z.object({ threads: z.array(ThreadDto), nextCursor: z.string().nullable() });
const ThreadBody = z.object({ thread: ThreadDto });
const ReadBody = z.object({ read: ReadStateDto });
const ReadAllBody = z.object({ readAllAt: z.string() });

/** Threads over REST (DESIGN.md §5); `thread:created` / `thread:updated` keep lists live. */
export const threadsApi = {
  list: (
    slug: string,
    query: { sort: ThreadSort; cursor?: string | null; limit?: number },
    signal?: AbortSignal,
  ) => api.get(`/rooms/${encodeURIComponent(slug)}/threads`, ThreadPage, { query, signal }),
  get: async (id: string, signal?: AbortSignal) =>
    (await api.get(`/threads/${id}`, ThreadBody, { signal })).thread,
  /** 201 for a new thread, 200 with the same thread when `clientId` was already used. */
  create: async (slug: string, input: ThreadCreateInput) =>
    (await api.post(`/rooms/${encodeURIComponent(slug)}/threads`, input, ThreadBody)).thread,
  /** "Mark all read" for one room: everything written so far counts as read there. */
  markRoomRead: async (slug: string) =>
    (await api.post(`/rooms/${encodeURIComponent(slug)}/read`, {}, ReadAllBody)).readAllAt,
  markRead: async (id: string, seq: number) =>
    (await api.post(`/threads/${id}/read`, { seq }, ReadBody)).read,
};

// Longer than a few hundred lines: thread lists, a thread's own state and read marks share one slice: a live thread event moves all three.
import {
  readStateCommands,
  threadCommands,
  type ReadStateDto,
  type ThreadCreateInput,
  type ThreadDto,
  type ThreadRemovedEvent,
  type ThreadSort,
} from "@rembuk/shared";
import { isApiError } from "../../lib/api";
import { send } from "../../lib/send";
import type { AppState, SliceCreator } from "../../store/types";
import { appendPage, placeThread } from "./threads.order";

export type ThreadListStatus = "idle" | "loading" | "loadingMore" | "ready" | "error";

export interface ThreadList {
  ids: string[];
  nextCursor: string | null;
  status: ThreadListStatus;
}

export const THREAD_PAGE_SIZE = 20;

export interface ThreadsSlice {
  threadsById: Record<string, ThreadDto>;
  /** Keyed `roomId|sort`. */
  threadLists: Record<string, ThreadList>;
  /** Threads that arrived live since the list was shown, for a short highlight. */
  threadFresh: Record<string, true>;

  /** First page (or, with `more`, the next page) of a room's threads in one order. */
  loadThreads: (
    room: { id: string; slug: string },
    sort: ThreadSort,
    opts?: { more?: boolean },
  ) => Promise<void>;
  loadThread: (id: string) => Promise<ThreadDto>;
  createThread: (room: { id: string; slug: string }, input: ThreadCreateInput) => Promise<ThreadDto>;
  /** Everything up to `seq` has been seen; only moves forward. */
  markThreadRead: (threadId: string, seq: number) => Promise<void>;
  /** "Tandai semua sudah dibaca" for a room: its threads show no "N baru" until someone writes again. */
  markRoomRead: (room: { id: string; slug: string }) => Promise<void>;
  /** "Mark all read" everywhere (the signed-in home). */
  markAllRead: () => Promise<void>;

  internal_receiveThreads: (threads: ThreadDto[]) => void;
  internal_threadCreated: (thread: ThreadDto) => void;
  internal_threadUpdated: (thread: ThreadDto) => void;
  /**
   * `thread:removed`: hidden, rejected or moved away by a moderator. It leaves the room's lists; an
   * open thread is fetched again, which says whether this viewer may still see it (its author and
   * moderators may; after a move it lives in another room).
   */
  internal_threadRemoved: (event: ThreadRemovedEvent) => void;
}

export const listKey = (roomId: string, sort: ThreadSort) => `${roomId}|${sort}`;
const SORTS: ThreadSort[] = ["activity", "new", "top"];
const EMPTY_LIST: ThreadList = { ids: [], nextCursor: null, status: "idle" };

function keepViewerFields(prev: ThreadDto, next: ThreadDto): ThreadDto {
  const can = next.can === undefined && prev.can;
  const watch = next.watch === undefined && prev.watch;
  if (!can && !watch) return next;
  return { ...next, ...(can ? { can } : {}), ...(watch ? { watch } : {}) };
}

/**
 * Broadcast DTOs are neutral (no unread state). Keep the viewer's own fields; when the thread grew
 * while the viewer is not reading it, its unread count grows by as many posts.
 */
function mergeThread(prev: ThreadDto | undefined, next: ThreadDto, reading: boolean): ThreadDto {
  if (!prev) return next;
  // Abilities and the watch level are the viewer's own and never come in broadcasts: a neutral copy keeps ours.
  const kept = keepViewerFields(prev, next);
  if (next.unreadCount !== undefined || prev.unreadCount === undefined) return kept;
  const grew = Math.max(0, next.postCount - prev.postCount);
  return {
    ...kept,
    lastReadSeq: reading ? Math.max(prev.lastReadSeq ?? 0, next.lastSeq) : prev.lastReadSeq,
    unreadCount: reading ? 0 : prev.unreadCount + grew,
  };
}

/** Is the viewer on this thread's page right now (so new posts are being read as they come)? */
const isReading = (s: AppState, threadId: string) => (s.threadViews[threadId]?.joins ?? 0) > 0;

export const createThreadsSlice: SliceCreator<ThreadsSlice> = (set, get) => ({
  threadsById: {},
  threadLists: {},
  threadFresh: {},

  loadThreads: async (room, sort, opts) => {
    const key = listKey(room.id, sort);
    const current = get().threadLists[key] ?? EMPTY_LIST;
    if (current.status === "loading" || current.status === "loadingMore") return;
    if (opts?.more && !current.nextCursor) return;
    set((s) => ({
      threadLists: {
        ...s.threadLists,
        [key]: { ...current, status: opts?.more ? "loadingMore" : "loading" },
      },
    }));
    try {
      const page = await send(threadCommands.list, {
        slug: room.slug,
        sort,
        cursor: (opts?.more ? current.nextCursor : undefined) ?? undefined,
        limit: THREAD_PAGE_SIZE,
      });
      get().internal_receiveThreads(page.threads);
      set((s) => {
        const before = s.threadLists[key] ?? EMPTY_LIST;
        const ids = opts?.more ? appendPage(before.ids, page.threads) : page.threads.map((t) => t.id);
        return {
          threadLists: { ...s.threadLists, [key]: { ids, nextCursor: page.nextCursor, status: "ready" } },
        };
      });
    } catch {
      set((s) => ({
        threadLists: { ...s.threadLists, [key]: { ...(s.threadLists[key] ?? EMPTY_LIST), status: "error" } },
      }));
    }
  },

  loadThread: async (id) => {
    const { thread } = await send(threadCommands.get, { id });
    get().internal_receiveThreads([thread]);
    return thread;
  },

  createThread: async (room, input) => {
    // 201 for a new thread, 200 with the same thread when `clientId` was already used.
    const { thread } = await send(threadCommands.create, { slug: room.slug, ...input });
    const known = Boolean(get().threadsById[thread.id]);
    get().internal_receiveThreads([thread]);
    if (!known) get().internal_threadCreated(thread);
    return thread;
  },

  markAllRead: async () => {
    await send(readStateCommands.readAll, {});
    set((s) => {
      const threadsById = { ...s.threadsById };
      for (const [id, t] of Object.entries(s.threadsById))
        if ((t.unreadCount ?? 0) > 0) threadsById[id] = { ...t, unreadCount: 0, lastReadSeq: t.lastSeq };
      const roomsById = { ...s.roomsById };
      for (const [id, r] of Object.entries(s.roomsById))
        if (r.unreadThreads) roomsById[id] = { ...r, unreadThreads: 0 };
      return { threadsById, roomsById };
    });
  },

  markRoomRead: async (room) => {
    await send(readStateCommands.readRoom, { slug: room.slug });
    // The server's baseline now covers every post so far: clear the counts this tab holds for the room.
    set((s) => {
      const threadsById = { ...s.threadsById };
      for (const [id, t] of Object.entries(s.threadsById))
        if (t.roomId === room.id && (t.unreadCount ?? 0) > 0)
          threadsById[id] = { ...t, unreadCount: 0, lastReadSeq: t.lastSeq };
      const r = s.roomsById[room.id];
      return {
        threadsById,
        roomsById:
          r && r.unreadThreads ? { ...s.roomsById, [room.id]: { ...r, unreadThreads: 0 } } : s.roomsById,
      };
    });
  },

  markThreadRead: async (threadId, seq) => {
    const thread = get().threadsById[threadId];
    if (!thread || get().currentUserId === null) return;
    if ((thread.lastReadSeq ?? 0) >= seq && (thread.unreadCount ?? 0) === 0) return;
    const hadUnread = (thread.unreadCount ?? 0) > 0;
    // Optimistic: the page is being read now; the answer settles the exact count.
    set((s) => ({
      threadsById: {
        ...s.threadsById,
        [threadId]: { ...thread, lastReadSeq: Math.max(thread.lastReadSeq ?? 0, seq), unreadCount: 0 },
      },
    }));
    if (hadUnread) get().internal_roomActivity(thread.roomId, { unreadThreads: -1 });
    let read: ReadStateDto;
    try {
      ({ read } = await send(threadCommands.read, { threadId, seq }));
    } catch {
      return; // Not worth bothering anyone: the next read mark (or visit) carries it.
    }
    set((s) => {
      const t = s.threadsById[threadId];
      if (!t) return {};
      return {
        threadsById: {
          ...s.threadsById,
          [threadId]: {
            ...t,
            lastReadSeq: Math.max(t.lastReadSeq ?? 0, read.lastReadSeq),
            unreadCount: isReading(s, threadId) ? 0 : read.unreadCount,
          },
        },
      };
    });
  },

  internal_receiveThreads: (threads) => {
    set((s) => {
      const threadsById = { ...s.threadsById };
      for (const t of threads) {
        const prev = threadsById[t.id];
        // A REST answer carries the viewer's fields; a later neutral copy must not erase them.
        const read =
          t.unreadCount === undefined && prev?.unreadCount !== undefined
            ? { ...t, unreadCount: prev.unreadCount, lastReadSeq: prev.lastReadSeq }
            : t;
        threadsById[t.id] = prev ? keepViewerFields(prev, read) : read;
      }
      return { threadsById };
    });
  },

  internal_threadCreated: (thread) => {
    const known = Boolean(get().threadsById[thread.id]);
    set((s) => {
      const threadsById = {
        ...s.threadsById,
        [thread.id]: mergeThread(s.threadsById[thread.id], thread, false),
      };
      const threadLists = { ...s.threadLists };
      for (const sort of SORTS) {
        const key = listKey(thread.roomId, sort);
        const list = threadLists[key];
        if (!list || list.status === "idle" || list.status === "loading") continue;
        threadLists[key] = {
          ...list,
          ids: placeThread(list.ids, thread, threadsById, sort, list.nextCursor === null),
        };
      }
      return { threadsById, threadLists, threadFresh: { ...s.threadFresh, [thread.id]: true } };
    });
    if (!known) get().internal_roomActivity(thread.roomId, { threads: 1, at: thread.lastActivityAt });
  },

  internal_threadUpdated: (thread) => {
    const state = get();
    const prev = state.threadsById[thread.id];
    const reading = isReading(state, thread.id);
    const merged = mergeThread(prev, thread, reading);
    set((s) => {
      const threadsById = { ...s.threadsById, [thread.id]: merged };
      const threadLists = { ...s.threadLists };
      for (const sort of SORTS) {
        const key = listKey(thread.roomId, sort);
        const list = threadLists[key];
        if (!list || list.status === "idle" || list.status === "loading") continue;
        // Only reorder threads the list shows; others arrive with their page.
        if (!list.ids.includes(thread.id) && sort !== "activity") continue;
        threadLists[key] = {
          ...list,
          ids: placeThread(list.ids, merged, threadsById, sort, list.nextCursor === null),
        };
      }
      return { threadsById, threadLists };
    });
    const becameUnread = (prev?.unreadCount ?? 0) === 0 && (merged.unreadCount ?? 0) > 0;
    get().internal_roomActivity(thread.roomId, {
      unreadThreads: becameUnread ? 1 : 0,
      at: thread.lastActivityAt,
    });
  },

  internal_threadRemoved: (event) => {
    const known = get().threadsById[event.threadId];
    dropFromLists(set, event);
    if (known && known.roomId === event.roomId) get().internal_roomActivity(event.roomId, { threads: -1 });
    if (!get().threadViews[event.threadId]?.joins) return;
    void send(threadCommands.get, { id: event.threadId }).then(
      ({ thread }) => get().internal_receiveThreads([thread]),
      (err: unknown) => {
        if (isApiError(err) && (err.status === 404 || err.status === 401))
          get().internal_threadGone(event.threadId);
      },
    );
  },
});

function dropFromLists(set: Parameters<SliceCreator<ThreadsSlice>>[0], event: ThreadRemovedEvent) {
  set((s) => {
    const threadLists = { ...s.threadLists };
    for (const [key, list] of Object.entries(threadLists)) {
      if (key.startsWith(`${event.roomId}|`) && list.ids.includes(event.threadId))
        threadLists[key] = { ...list, ids: list.ids.filter((id) => id !== event.threadId) };
    }
    return { threadLists };
  });
}

export const threadSelectors = {
  byId: (id: string | undefined) => (s: AppState) => (id ? s.threadsById[id] : undefined),
  list: (roomId: string | undefined, sort: ThreadSort) => (s: AppState) =>
    (roomId ? s.threadLists[listKey(roomId, sort)] : undefined) ?? EMPTY_LIST,
};

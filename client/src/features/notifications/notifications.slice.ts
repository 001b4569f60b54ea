import { notificationCommands, watchCommands, type NotificationDto, type WatchLevel } from "@rembuk/shared";
import type { AppState, SliceCreator } from "../../store/types";
import { send } from "../../lib/send";

export type InboxFilter = "all" | "unread";
export type InboxStatus = "idle" | "loading" | "loadingMore" | "ready" | "error";

export interface InboxList {
  ids: string[];
  nextCursor: string | null;
  status: InboxStatus;
}

/** What a watch control is about: `thread:<id>`, `room:<slug>`, `tag:<tag>`. */
export type WatchPlace =
  { scope: "thread"; id: string } | { scope: "room"; slug: string } | { scope: "tag"; tag: string };

export const watchKey = (place: WatchPlace) =>
  place.scope === "thread"
    ? `thread:${place.id}`
    : place.scope === "room"
      ? `room:${place.slug}`
      : `tag:${place.tag}`;

export interface NotificationsSlice {
  /** The bell's count: null until it is first asked for (signed out: null). */
  notificationsUnread: number | null;
  notificationsById: Record<string, NotificationDto>;
  notificationLists: Record<InboxFilter, InboxList>;
  /** Levels this person chose in this visit (a room's or tag's level is known only once chosen). */
  watchLevels: Record<string, WatchLevel>;

  loadUnreadCount: () => Promise<void>;
  /** The first page of a list (again), or with `more` the next one. */
  loadNotifications: (filter: InboxFilter, opts?: { more?: boolean }) => Promise<void>;
  /** Optimistic: entries read and the count down at once; the server's count wins when it answers. */
  markNotificationsRead: (which: { ids: string[] } | { all: true }) => Promise<void>;
  /** Optimistic; throws (after putting the old level back) when the server refuses. */
  setWatchLevel: (place: WatchPlace, level: WatchLevel, previous: WatchLevel | undefined) => Promise<void>;

  /** `notification:created`: a new entry, or a collapsed one whose count grew. */
  internal_notificationCreated: (notification: NotificationDto) => void;
  /** Signed out or another person signed in: nothing of the previous inbox stays. */
  internal_notificationsReset: () => void;
}

const EMPTY: InboxList = { ids: [], nextCursor: null, status: "idle" };
const FILTERS: InboxFilter[] = ["all", "unread"];
/** One page of the inbox (the panel shows the first few of the same list). */
export const INBOX_PAGE = 20;

const byId = (s: AppState, list: NotificationDto[]) => ({
  ...s.notificationsById,
  ...Object.fromEntries(list.map((n) => [n.id, n])),
});

export const createNotificationsSlice: SliceCreator<NotificationsSlice> = (set, get) => ({
  notificationsUnread: null,
  notificationsById: {},
  notificationLists: { all: EMPTY, unread: EMPTY },
  watchLevels: {},

  loadUnreadCount: async () => {
    const me = get().currentUserId;
    if (!me) return;
    const { unread } = await send(notificationCommands.unread, {});
    if (get().currentUserId === me) set({ notificationsUnread: unread });
  },

  loadNotifications: async (filter, opts) => {
    const me = get().currentUserId;
    const current = get().notificationLists[filter];
    if (!me || current.status === "loading" || current.status === "loadingMore") return;
    if (opts?.more && !current.nextCursor) return;
    const status: InboxStatus = opts?.more ? "loadingMore" : current.ids.length ? "ready" : "loading";
    const setList = (list: InboxList) =>
      set((s) => ({ notificationLists: { ...s.notificationLists, [filter]: list } }));
    setList({ ...current, status });
    try {
      const page = await send(notificationCommands.list, {
        ...(filter === "unread" ? { unread: true } : {}),
        ...(opts?.more && current.nextCursor ? { cursor: current.nextCursor } : {}),
        limit: INBOX_PAGE,
      });
      if (get().currentUserId !== me) return;
      const ids = page.notifications.map((n) => n.id);
      set((s) => ({
        notificationsById: byId(s, page.notifications),
        notificationsUnread: page.unread,
        notificationLists: {
          ...s.notificationLists,
          [filter]: {
            ids: opts?.more
              ? [
                  ...s.notificationLists[filter].ids,
                  ...ids.filter((id) => !s.notificationLists[filter].ids.includes(id)),
                ]
              : ids,
            nextCursor: page.nextCursor,
            status: "ready",
          },
        },
      }));
    } catch {
      if (get().currentUserId === me) setList({ ...get().notificationLists[filter], status: "error" });
    }
  },

  markNotificationsRead: async (which) => {
    const now = new Date().toISOString();
    const before = get();
    const targets =
      "all" in which
        ? Object.values(before.notificationsById).filter((n) => n.readAt === null)
        : which.ids.map((id) => before.notificationsById[id]).filter((n) => n && n.readAt === null);
    const fresh = targets.flatMap((n) => (n ? [{ ...n, readAt: now }] : []));
    set((s) => ({
      notificationsById: byId(s, fresh),
      notificationsUnread:
        "all" in which
          ? 0
          : s.notificationsUnread === null
            ? null
            : Math.max(0, s.notificationsUnread - fresh.length),
    }));
    const { unread } = await send(
      notificationCommands.read,
      "all" in which ? { all: true } : { ids: which.ids },
    );
    set({ notificationsUnread: unread });
  },

  setWatchLevel: async (place, level, previous) => {
    const key = watchKey(place);
    const put = (value: WatchLevel | undefined) =>
      set((s) => {
        const next = { ...s.watchLevels };
        if (value === undefined) delete next[key];
        else next[key] = value;
        return { watchLevels: next };
      });
    put(level);
    try {
      const { watch } =
        place.scope === "thread"
          ? await send(watchCommands.thread, { id: place.id, level })
          : place.scope === "room"
            ? await send(watchCommands.room, { slug: place.slug, level })
            : await send(watchCommands.tag, { tag: place.tag, level });
      put(watch.level);
    } catch (err) {
      put(previous);
      throw err;
    }
  },

  internal_notificationCreated: (notification) =>
    set((s) => {
      const known = s.notificationsById[notification.id];
      // Collapsing merges only into an unread entry, so a count above one is an entry already counted.
      const isNew = known ? known.readAt !== null : notification.count === 1;
      const lists = { ...s.notificationLists };
      for (const filter of FILTERS) {
        const list = lists[filter];
        if (list.status === "idle") continue;
        lists[filter] = {
          ...list,
          ids: [notification.id, ...list.ids.filter((id) => id !== notification.id)],
        };
      }
      return {
        notificationsById: { ...s.notificationsById, [notification.id]: notification },
        notificationLists: lists,
        notificationsUnread:
          s.notificationsUnread !== null && notification.readAt === null && isNew
            ? s.notificationsUnread + 1
            : s.notificationsUnread,
      };
    }),

  internal_notificationsReset: () =>
    set({
      notificationsUnread: null,
      notificationsById: {},
      notificationLists: { all: EMPTY, unread: EMPTY },
      watchLevels: {},
    }),
});

export const notificationSelectors = {
  unread: (s: AppState) => s.notificationsUnread,
  list: (filter: InboxFilter) => (s: AppState) => s.notificationLists[filter],
  byId: (id: string) => (s: AppState) => s.notificationsById[id],
  watch: (place: WatchPlace) => (s: AppState) => s.watchLevels[watchKey(place)],
};

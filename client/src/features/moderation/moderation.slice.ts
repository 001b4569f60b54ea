// Longer than a few hundred lines: the moderation desk (queue, flags, log, people) is one slice because its live events cross those lists:
// a decision leaves the queue, updates a flag and adds a log line in the same update.
import {
  moderationCommands,
  type FlagCreateInput,
  type FlagDto,
  type FlagResolveInput,
  type FlagStatus,
  type ModActionDto,
  type ModNoticeDto,
  type ModScopeDto,
  type PostDto,
  type PostModerateInput,
  type QueueItemDto,
  type ThreadDto,
  type ThreadModerateInput,
  type UnqueuedEvent,
  type UserSummaryDto,
} from "@rembuk/shared";
import { send } from "../../lib/send";
import type { AppState, SliceCreator } from "../../store/types";
import { logQuery, NO_LOG_FILTERS, type BulkResult, type LogFilters } from "./moderation.logFilters";

export type LoadStatus = "idle" | "loading" | "ready" | "error";

export interface FlagList {
  ids: string[];
  nextCursor: string | null;
  status: LoadStatus | "loadingMore";
}

export interface ModerationSlice {
  /** What the signed-in user moderates and how much waits there; null until asked (or for members). */
  modScope: ModScopeDto | null;
  queueById: Record<string, QueueItemDto>;
  /** Oldest first, like the server. */
  queueOrder: string[];
  queueStatus: LoadStatus;
  flagsById: Record<string, FlagDto>;
  /** Keyed `status|assignee`. */
  flagLists: Record<string, FlagList>;
  /** Targets this user flagged during this visit (the flag button shows it). */
  flaggedTargets: Record<string, true>;
  modLog: {
    entries: ModActionDto[];
    nextCursor: string | null;
    status: LoadStatus | "loadingMore";
    filters: LogFilters;
    fresh: number;
  };
  moderators: UserSummaryDto[];
  suspendedIds: string[];
  suspendedStatus: LoadStatus;
  featuredIds: string[];
  featuredStatus: LoadStatus;

  loadModScope: () => Promise<void>;
  loadQueue: () => Promise<void>;
  loadFlags: (status: FlagStatus, assignee: string, opts?: { more?: boolean }) => Promise<void>;
  loadModLog: (filters?: LogFilters, opts?: { more?: boolean }) => Promise<void>;
  loadModerators: () => Promise<void>;
  loadSuspended: () => Promise<void>;
  liftSuspensionFromList: (userId: string) => Promise<void>;
  loadFeatured: () => Promise<void>;
  /** The viewer's waiting or rejected replies (moderators: every waiting one) into the thread's posts. */
  loadThreadQueued: (threadId: string) => Promise<void>;
  moderateThread: (threadId: string, input: ThreadModerateInput) => Promise<ThreadDto>;
  moderatePost: (postId: string, input: PostModerateInput) => Promise<PostDto>;
  flagContent: (input: FlagCreateInput) => Promise<FlagDto>;
  resolveFlag: (id: string, input: FlagResolveInput) => Promise<FlagDto>;
  assignFlag: (id: string, assigneeId: string | null) => Promise<FlagDto>;
  addFlagNote: (id: string, text: string) => Promise<FlagDto>;
  bulkFlags: (
    ids: string[],
    action: "resolve" | "dismiss" | "assign",
    extra?: { assigneeId?: string | null; note?: string },
  ) => Promise<BulkResult>;

  internal_queued: (item: QueueItemDto) => void;
  internal_unqueued: (event: UnqueuedEvent) => void;
  internal_flagChanged: (flag: FlagDto, created: boolean) => void;
  internal_logCreated: (entry: ModActionDto) => void;
  internal_notice: (notice: ModNoticeDto) => void;
  /** A thread changed somewhere this tab listens: keep the curated list in step. */
  internal_featuredChanged: (thread: ThreadDto) => void;
  internal_modReset: () => void;
}

export const flagListKey = (status: FlagStatus, assignee: string) => `${status}|${assignee}`;
const EMPTY_FLAG_LIST: FlagList = { ids: [], nextCursor: null, status: "idle" };
const queueKey = (item: Pick<QueueItemDto, "targetType" | "id">) => `${item.targetType}:${item.id}`;

/** Does a flag belong in a list (status and assignee filters)? */
function fitsList(key: string, flag: FlagDto, me: string | null): boolean {
  const [status, assignee] = key.split("|");
  if (flag.status !== status) return false;
  if (assignee === "me") return flag.assignee?.id === me;
  if (assignee === "none") return !flag.assignee;
  return true;
}

const scopeDelta = (
  s: AppState,
  patch: Partial<Pick<ModScopeDto, "queueCount" | "openFlagCount">>,
): Partial<ModerationSlice> =>
  s.modScope
    ? {
        modScope: {
          ...s.modScope,
          queueCount: Math.max(0, s.modScope.queueCount + (patch.queueCount ?? 0)),
          openFlagCount: Math.max(0, s.modScope.openFlagCount + (patch.openFlagCount ?? 0)),
        },
      }
    : {};

let scopeLoad: Promise<ModScopeDto> | null = null;

export const createModerationSlice: SliceCreator<ModerationSlice> = (set, get) => ({
  modScope: null,
  queueById: {},
  queueOrder: [],
  queueStatus: "idle",
  flagsById: {},
  flagLists: {},
  flaggedTargets: {},
  modLog: { entries: [], nextCursor: null, status: "idle", filters: NO_LOG_FILTERS, fresh: 0 },
  moderators: [],
  suspendedIds: [],
  suspendedStatus: "idle",
  featuredIds: [],
  featuredStatus: "idle",

  loadModScope: async () => {
    if (!get().currentUserId) return set({ modScope: null });
    // The navigation badge and the socket's first connect both ask at page load: one request serves both.
    scopeLoad ??= send(moderationCommands.scope, {})
      .then((r) => r.scope)
      .finally(() => (scopeLoad = null));
    try {
      set({ modScope: await scopeLoad });
    } catch {
      // The badge simply stays as it was; the dashboard reports its own errors.
    }
  },

  loadQueue: async () => {
    set({ queueStatus: get().queueOrder.length ? "ready" : "loading" });
    try {
      const { items } = await send(moderationCommands.queue, {});
      set((s) => ({
        queueById: Object.fromEntries(items.map((i) => [queueKey(i), i])),
        queueOrder: items.map(queueKey),
        queueStatus: "ready",
        ...(s.modScope ? { modScope: { ...s.modScope, queueCount: items.length } } : {}),
      }));
    } catch {
      set({ queueStatus: "error" });
    }
  },

  loadFlags: async (status, assignee, opts) => {
    const key = flagListKey(status, assignee);
    const current = get().flagLists[key] ?? EMPTY_FLAG_LIST;
    if (opts?.more && !current.nextCursor) return;
    set((s) => ({
      flagLists: {
        ...s.flagLists,
        [key]: { ...current, status: opts?.more ? "loadingMore" : current.ids.length ? "ready" : "loading" },
      },
    }));
    try {
      const page = await send(moderationCommands.flags, {
        status,
        assignee: assignee === "all" ? undefined : assignee,
        cursor: (opts?.more ? current.nextCursor : null) ?? undefined,
        limit: 30,
      });
      set((s) => {
        const before = s.flagLists[key] ?? EMPTY_FLAG_LIST;
        const ids = opts?.more
          ? [...before.ids, ...page.flags.map((f) => f.id).filter((id) => !before.ids.includes(id))]
          : page.flags.map((f) => f.id);
        return {
          flagsById: { ...s.flagsById, ...Object.fromEntries(page.flags.map((f) => [f.id, f])) },
          flagLists: { ...s.flagLists, [key]: { ids, nextCursor: page.nextCursor, status: "ready" } },
        };
      });
    } catch {
      set((s) => ({
        flagLists: { ...s.flagLists, [key]: { ...(s.flagLists[key] ?? EMPTY_FLAG_LIST), status: "error" } },
      }));
    }
  },

  loadModLog: async (filters, opts) => {
    const current = get().modLog;
    const wanted = filters ?? current.filters;
    if (opts?.more && !current.nextCursor) return;
    set({
      modLog: {
        ...current,
        filters: wanted,
        status: opts?.more ? "loadingMore" : "loading",
        ...(opts?.more ? {} : { fresh: 0 }),
      },
    });
    try {
      const page = await send(moderationCommands.log, {
        ...logQuery(wanted),
        cursor: (opts?.more ? current.nextCursor : null) ?? undefined,
        limit: 50,
      });
      set((s) => ({
        modLog: {
          ...s.modLog,
          entries: opts?.more ? [...s.modLog.entries, ...page.entries] : page.entries,
          nextCursor: page.nextCursor,
          status: "ready",
        },
      }));
    } catch {
      set((s) => ({ modLog: { ...s.modLog, status: "error" } }));
    }
  },

  loadModerators: async () => {
    try {
      set({ moderators: (await send(moderationCommands.moderators, {})).users });
    } catch {
      // The pickers fall back to what the flags already name.
    }
  },

  loadSuspended: async () => {
    set({ suspendedStatus: "loading" });
    try {
      const { users } = await send(moderationCommands.suspended, {});
      get().internal_receiveUsers(users);
      set({ suspendedIds: users.map((u) => u.id), suspendedStatus: "ready" });
    } catch {
      set({ suspendedStatus: "error" });
    }
  },

  liftSuspensionFromList: async (userId) => {
    await get().liftSuspension(userId);
    set((s) => ({ suspendedIds: s.suspendedIds.filter((id) => id !== userId) }));
  },

  loadFeatured: async () => {
    if (get().featuredStatus === "loading") return;
    set({ featuredStatus: get().featuredIds.length ? "ready" : "loading" });
    try {
      const { threads } = await send(moderationCommands.featured, { limit: 6 });
      get().internal_receiveThreads(threads);
      set({ featuredIds: threads.map((t) => t.id), featuredStatus: "ready" });
    } catch {
      set({ featuredStatus: "error" });
    }
  },

  loadThreadQueued: async (threadId) => {
    if (!get().currentUserId) return;
    try {
      const { posts } = await send(moderationCommands.threadQueued, { id: threadId });
      get().internal_receivePosts(threadId, posts);
    } catch {
      // Nothing waiting is shown; the thread itself still works.
    }
  },

  moderateThread: async (threadId, input) => {
    const { thread } = await send(moderationCommands.thread, { id: threadId, ...input });
    get().internal_receiveThreads([thread]);
    if (input.action === "feature" || input.action === "unfeature") {
      set((s) => ({
        featuredIds:
          input.action === "feature"
            ? [thread.id, ...s.featuredIds.filter((id) => id !== thread.id)]
            : s.featuredIds.filter((id) => id !== thread.id),
      }));
    }
    if (input.action === "approve" || input.action === "reject")
      get().internal_unqueued({
        targetType: "thread",
        id: threadId,
        roomId: thread.roomId,
        threadId,
        outcome: input.action === "approve" ? "approved" : "rejected",
      });
    return thread;
  },

  moderatePost: async (postId, input) => {
    const { post } = await send(moderationCommands.post, { id: postId, ...input });
    get().internal_receivePosts(post.threadId, [post]);
    // Flags on this post show its new state at once.
    set((s) => {
      const changed = Object.values(s.flagsById).filter((f) => f.target?.id === postId);
      if (changed.length === 0) return {};
      const flagsById = { ...s.flagsById };
      for (const f of changed)
        if (f.target)
          flagsById[f.id] = { ...f, target: { ...f.target, status: post.status, deleted: post.deleted } };
      return { flagsById };
    });
    if (input.action === "approve" || input.action === "reject") {
      get().internal_unqueued({
        targetType: "post",
        id: postId,
        roomId: post.roomId,
        threadId: post.threadId,
        outcome: input.action === "approve" ? "approved" : "rejected",
      });
      // The opening post stands for its queued thread.
      if (post.seq === 1)
        get().internal_unqueued({
          targetType: "thread",
          id: post.threadId,
          roomId: post.roomId,
          threadId: post.threadId,
          outcome: input.action === "approve" ? "approved" : "rejected",
        });
    }
    return post;
  },

  flagContent: async (input) => {
    try {
      const { flag } = await send(moderationCommands.flag, input);
      set((s) => ({ flaggedTargets: { ...s.flaggedTargets, [input.targetId]: true } }));
      return flag;
    } catch (err) {
      // Already flagged (409): the button says so from now on.
      set((s) => ({ flaggedTargets: { ...s.flaggedTargets, [input.targetId]: true } }));
      throw err;
    }
  },

  resolveFlag: async (id, input) => {
    const { flag } = await send(moderationCommands.resolveFlag, { id, ...input });
    get().internal_flagChanged(flag, false);
    return flag;
  },

  assignFlag: async (id, assigneeId) => {
    const { flag } = await send(moderationCommands.assignFlag, { id, assigneeId });
    get().internal_flagChanged(flag, false);
    return flag;
  },

  addFlagNote: async (id, text) => {
    const { flag } = await send(moderationCommands.noteFlag, { id, text });
    get().internal_flagChanged(flag, false);
    return flag;
  },

  bulkFlags: async (ids, action, extra = {}) => {
    const result = await send(moderationCommands.bulkFlags, { ids, action, ...extra });
    for (const flag of result.flags) get().internal_flagChanged(flag, false);
    return result;
  },

  internal_queued: (item) => {
    const key = queueKey(item);
    const known = Boolean(get().queueById[key]);
    set((s) => ({
      queueById: { ...s.queueById, [key]: item },
      queueOrder: known ? s.queueOrder : [...s.queueOrder, key],
      ...(known ? {} : scopeDelta(s, { queueCount: 1 })),
    }));
    // A moderator reading that thread sees the waiting reply in place, to decide it there.
    if (item.targetType === "post" && get().threadViews[item.thread.id]?.joins)
      get().internal_receivePosts(item.thread.id, [item.post]);
  },

  internal_unqueued: (event) => {
    const key = queueKey(event);
    if (!get().queueById[key]) return;
    set((s) => {
      const { [key]: _gone, ...queueById } = s.queueById;
      return {
        queueById,
        queueOrder: s.queueOrder.filter((k) => k !== key),
        ...scopeDelta(s, { queueCount: -1 }),
      };
    });
  },

  internal_flagChanged: (flag, created) => {
    const me = get().currentUserId;
    const before = get().flagsById[flag.id];
    set((s) => {
      const flagLists = { ...s.flagLists };
      for (const [key, list] of Object.entries(flagLists)) {
        const fits = fitsList(key, flag, me);
        const listed = list.ids.includes(flag.id);
        if (fits && !listed) flagLists[key] = { ...list, ids: [flag.id, ...list.ids] };
        else if (!fits && listed) flagLists[key] = { ...list, ids: list.ids.filter((id) => id !== flag.id) };
      }
      const closed = before?.status === "open" && flag.status !== "open";
      const opened = created && !before && flag.status === "open";
      return {
        flagsById: { ...s.flagsById, [flag.id]: flag },
        flagLists,
        ...scopeDelta(s, { openFlagCount: opened ? 1 : closed ? -1 : 0 }),
      };
    });
  },

  internal_logCreated: (entry) => {
    const log = get().modLog;
    if (log.status === "idle" || log.entries.some((e) => e.id === entry.id)) return;
    const unfiltered = Object.values(log.filters).every((v) => !v);
    set({
      modLog: unfiltered ? { ...log, entries: [entry, ...log.entries] } : { ...log, fresh: log.fresh + 1 },
    });
  },

  internal_notice: (notice) => {
    const reason = notice.reason ?? "";
    get().pushToast({
      tone:
        notice.kind.endsWith("approved") ||
        notice.kind.endsWith("unhidden") ||
        notice.kind === "flag.resolved"
          ? "success"
          : "info",
      message: `moderation.notice.${notice.kind}`,
      params: { title: notice.threadTitle ?? "", reason: reason || "—" },
    });
  },

  internal_featuredChanged: (thread) => {
    const listed = get().featuredIds.includes(thread.id);
    const wanted = thread.featured && thread.status === "published";
    if (listed === wanted || get().featuredStatus !== "ready") return;
    set((s) => ({
      featuredIds: wanted ? [thread.id, ...s.featuredIds] : s.featuredIds.filter((id) => id !== thread.id),
    }));
  },

  internal_modReset: () =>
    set({
      modScope: null,
      queueById: {},
      queueOrder: [],
      queueStatus: "idle",
      flagsById: {},
      flagLists: {},
      flaggedTargets: {},
      suspendedIds: [],
      suspendedStatus: "idle",
    }),
});

const EMPTY: string[] = [];
export const moderationSelectors = {
  flagList: (status: FlagStatus, assignee: string) => (s: AppState) =>
    s.flagLists[flagListKey(status, assignee)] ?? EMPTY_FLAG_LIST,
  featuredIds: (s: AppState) => (s.featuredIds.length ? s.featuredIds : EMPTY),
};

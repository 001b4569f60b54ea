// Longer than a few hundred lines: A thread's live posts, its outbox and its catch-up share one slice on purpose: the exactly-once rules
// (ordering by seq, a sent post's echo, rejoining from the synced seq) must see all three in one update.
// The pure rules live in posts.merge.ts and outbox.ts.
import {
  postCommands,
  threadCommands,
  type PostDeletedEvent,
  type PostDto,
  type PresenceDto,
  type ReactionKind,
  type ThreadDto,
  type UserSummaryDto,
} from "@rembuk/shared";
import { isApiError } from "../../lib/api";
import { send, socketConnected } from "../../lib/send";
import type { AppState, SliceCreator } from "../../store/types";
import {
  newClientId,
  readAllOutboxes,
  readDraft,
  writeDraft,
  writeOutbox,
  type Draft,
  type OutboxEntry,
  type QuoteRef,
} from "./outbox";
import { advanceSynced, mergeIds, newerPost } from "./posts.merge";

export type ThreadViewError = "notFound" | "signIn" | "network";

export interface ThreadView {
  /** Mounted pages showing this thread; the socket joins at the first and leaves at zero. */
  joins: number;
  status: "loading" | "ready" | "error";
  error: ThreadViewError | null;
  /** Joined over the socket (live); false while offline, when the page was filled over REST. */
  live: boolean;
  /** Every post up to this seq is here: a rejoin asks for what came after it (`thread:join {afterSeq}`). */
  syncedSeq: number;
  /** When posts between the opening post and the loaded tail are not loaded: the tail's first seq. */
  gapBefore: number | null;
  loadingEarlier: boolean;
  /** The viewer's read mark when the page opened: later posts by others are "new since your last visit". */
  lastReadAtOpen: number | null;
}

export interface TypingEntry {
  user: UserSummaryDto;
  until: number;
}

export interface PostsSlice {
  postsById: Record<string, PostDto>;
  /** Each thread's loaded posts, ascending by seq, each seq once. */
  postIdsByThread: Record<string, string[]>;
  threadViews: Record<string, ThreadView>;
  threadPresence: Record<string, PresenceDto>;
  typingByThread: Record<string, Record<string, TypingEntry>>;
  /** Sent, not yet confirmed, by clientId (mirrored to localStorage per thread). */
  outbox: Record<string, OutboxEntry>;
  /** clientId → id of a post that is very likely this send's own broadcast (shown instead of it). */
  outboxEcho: Record<string, string>;
  drafts: Record<string, Draft>;

  openThread: (threadId: string) => void;
  closeThread: (threadId: string) => void;
  loadEarlierPosts: (threadId: string) => Promise<void>;
  setDraft: (threadId: string, draft: Draft) => void;
  /** Queues the post (outbox first, so nothing is lost) and sends it. */
  sendPost: (threadId: string, body: string, replyTo: QuoteRef | null) => void;
  /** Sends a failed post again with the SAME clientId: the server answers with the original if it got it. */
  retryPost: (clientId: string) => void;
  /** Takes a failed post out of the outbox and back into the composer. */
  editFailedPost: (clientId: string) => void;
  discardPost: (clientId: string) => void;
  editPost: (postId: string, body: string) => Promise<PostDto>;
  deletePost: (postId: string) => Promise<PostDto>;
  toggleReaction: (postId: string, kind: ReactionKind) => Promise<void>;
  /** Tell the thread we are typing (throttled here, and again by the server). */
  sendTyping: (threadId: string) => void;

  internal_receivePosts: (threadId: string, posts: PostDto[]) => void;
  internal_postCreated: (post: PostDto) => void;
  internal_postUpdated: (post: PostDto) => void;
  internal_postDeleted: (event: PostDeletedEvent) => void;
  internal_threadPresence: (presence: PresenceDto) => void;
  /** The open thread no longer exists for this viewer (removed by a moderator, or access lost). */
  internal_threadGone: (threadId: string) => void;
  internal_typing: (threadId: string, user: UserSummaryDto) => void;
  /** After every (re)connect: rejoin each open thread from its synced seq, then send what is waiting. */
  internal_rejoinThreads: () => void;
  /**
   * The viewer changed (sign-in, sign-out): cached posts keep their text but lose the abilities the
   * previous viewer was given, so they fall back to the thread's (fetched again on rejoin).
   */
  internal_forgetPostAbilities: () => void;
  internal_flushOutbox: () => void;
  /** On start: the outboxes left in localStorage by an earlier visit. */
  internal_restoreOutbox: () => void;
}

/** How long a post send may wait for its ack before it counts as failed (the retry is safe). */
export const SEND_TIMEOUT_MS = 10_000;
const TYPING_SEND_EVERY_MS = 2500;
const TYPING_SHOW_MS = 5000;
const EARLIER_PAGE = 30;
/** Codes after which the same send will not succeed without a change: no automatic re-send. */
const PERMANENT = new Set([
  "VALIDATION",
  "FORBIDDEN",
  "NOT_FOUND",
  "LOCKED",
  "SUSPENDED",
  "UNAUTHENTICATED",
  "PAYLOAD_TOO_LARGE",
]);

export function isRetryable(code: string): boolean {
  return !PERMANENT.has(code);
}

const NEW_VIEW: ThreadView = {
  joins: 0,
  status: "loading",
  error: null,
  live: false,
  syncedSeq: 0,
  gapBefore: null,
  loadingEarlier: false,
  lastReadAtOpen: null,
};

type Set = Parameters<SliceCreator<PostsSlice>>[0];
type Get = () => AppState;

/** Sends in flight by clientId: one attempt at a time per entry, whatever triggers it. */
const inflight = new Set<string>();
const lastTypingSent = new Map<string, number>();

function errorInfo(err: unknown): { code: string; retryAfterSeconds: number | null } {
  if (isApiError(err)) return { code: err.code, retryAfterSeconds: err.retryAfterSeconds };
  return { code: "NETWORK", retryAfterSeconds: null };
}

/** A page of a thread's posts (REST: the first load without a socket, history, refreshes). */
function listPosts(threadId: string, query: { afterSeq?: number; beforeSeq?: number; limit?: number }) {
  return send(threadCommands.posts, { id: threadId, ...query });
}

function patchView(set: Set, threadId: string, patch: Partial<ThreadView>) {
  set((s) => ({
    threadViews: { ...s.threadViews, [threadId]: { ...(s.threadViews[threadId] ?? NEW_VIEW), ...patch } },
  }));
}

function persistOutbox(get: Get, threadId: string) {
  writeOutbox(
    threadId,
    Object.values(get().outbox).filter((e) => e.threadId === threadId),
  );
}

function putEntry(set: Set, get: Get, entry: OutboxEntry) {
  set((s) => ({ outbox: { ...s.outbox, [entry.clientId]: entry } }));
  persistOutbox(get, entry.threadId);
}

function dropEntry(set: Set, get: Get, clientId: string) {
  const entry = get().outbox[clientId];
  if (!entry) return;
  set((s) => {
    const { [clientId]: _gone, ...outbox } = s.outbox;
    const { [clientId]: _echo, ...outboxEcho } = s.outboxEcho;
    return { outbox, outboxEcho };
  });
  persistOutbox(get, entry.threadId);
}

async function deliver(set: Set, get: Get, clientId: string) {
  const entry = get().outbox[clientId];
  if (!entry || inflight.has(clientId) || entry.userId !== get().currentUserId) return;
  inflight.add(clientId);
  putEntry(set, get, { ...entry, status: "sending", error: null });
  const input = { body: entry.body, clientId, ...(entry.replyTo ? { replyTo: entry.replyTo.id } : {}) };
  try {
    const { post } = await send(
      postCommands.create,
      { threadId: entry.threadId, ...input },
      { timeoutMs: SEND_TIMEOUT_MS },
    );
    dropEntry(set, get, clientId);
    get().internal_receivePosts(entry.threadId, [post]);
  } catch (err) {
    const { code, retryAfterSeconds } = errorInfo(err);
    const current = get().outbox[clientId];
    if (current) {
      putEntry(set, get, {
        ...current,
        status: "failed",
        error: { code, retryAt: retryAfterSeconds !== null ? Date.now() + retryAfterSeconds * 1000 : null },
      });
    }
  } finally {
    inflight.delete(clientId);
  }
}

/**
 * The thread fetched when a page opened before the socket was up, keyed by thread id. A page load
 * opens the thread over REST and the socket's first connect a moment later rejoins it: that rejoin
 * reuses the opening fetch instead of asking for the same thread twice. Only once, only for a fetch
 * made while disconnected, and only while it is fresh; a rejoin after a real drop fetches again,
 * since the thread (lock, title) may have changed while this tab heard nothing.
 */
const openingFetches = new Map<string, { load: Promise<ThreadDto>; at: number | null }>();
const OPENING_FETCH_REUSE_MS = 10_000;

function fetchThread(threadId: string, rejoin: boolean): Promise<ThreadDto> {
  const opening = openingFetches.get(threadId);
  openingFetches.delete(threadId);
  // Fresh means still on its way or answered moments ago: on a slow phone the socket may connect
  // well after the fetch started, and asking again then would fetch the same thread twice.
  if (rejoin && opening && (opening.at === null || Date.now() - opening.at <= OPENING_FETCH_REUSE_MS))
    return opening.load;
  const load = send(threadCommands.get, { id: threadId }).then((r) => r.thread);
  if (!rejoin && !socketConnected()) {
    const entry: { load: Promise<ThreadDto>; at: number | null } = { load, at: null };
    openingFetches.set(threadId, entry);
    load.then(
      () => (entry.at = Date.now()),
      () => openingFetches.get(threadId) === entry && openingFetches.delete(threadId),
    );
  }
  return load;
}

async function join(set: Set, get: Get, threadId: string, rejoin = false) {
  const view = get().threadViews[threadId] ?? NEW_VIEW;
  const firstLoad = (get().postIdsByThread[threadId] ?? []).length === 0;
  // The thread itself (title, lock, the viewer's read mark) comes over REST either way. The read
  // mark the page opened with is recorded in the same synchronous step, so no render sees one without the other.
  const threadLoad = fetchThread(threadId, rejoin).then((thread) => {
    get().internal_receiveThreads([thread]);
    const v = get().threadViews[threadId];
    if (v && v.joins > 0 && v.lastReadAtOpen === null)
      patchView(set, threadId, { lastReadAtOpen: thread.lastReadSeq ?? 0 });
    return thread;
  });
  threadLoad.catch(() => {
    // Without the thread the page cannot place the marker; it still shows the posts.
    if (get().threadViews[threadId]?.lastReadAtOpen === null) patchView(set, threadId, { lastReadAtOpen: 0 });
  });

  try {
    let joined = false;
    if (socketConnected()) {
      const afterSeq = firstLoad ? undefined : view.syncedSeq;
      try {
        const res = await send(
          threadCommands.join,
          afterSeq === undefined ? { threadId } : { threadId, afterSeq },
        );
        if (!get().threadViews[threadId]?.joins) return;
        get().internal_receivePosts(threadId, res.missed);
        get().internal_threadPresence(res.presence);
        const synced = advanceSynced(
          Math.max(get().threadViews[threadId]?.syncedSeq ?? 0, res.headSeq),
          seqsOf(get(), threadId),
        );
        patchView(set, threadId, { status: "ready", error: null, live: true, syncedSeq: synced });
        joined = true;
        // Catch-up brings new posts; edits, deletions and reactions made meanwhile to posts already
        // shown are not replayed, so refresh the latest page too (merged: newer state wins).
        if (!firstLoad) void refreshTail(get, threadId, res.headSeq);
      } catch (err) {
        // No answer in time (a dying connection): fall back to REST; the next connect rejoins.
        if (!(isApiError(err) && err.code === "TIMEOUT")) throw err;
      }
    }
    if (!joined) {
      // No socket (offline, or still connecting): the latest page over REST; the connect rejoins.
      const thread = await threadLoad;
      const page = await listPosts(
        threadId,
        firstLoad ? { beforeSeq: thread.lastSeq + 1, limit: 50 } : { afterSeq: view.syncedSeq, limit: 100 },
      );
      if (!get().threadViews[threadId]?.joins) return;
      get().internal_receivePosts(threadId, page.posts);
      // Forward pages are only complete up to the head when the server has no more.
      const covered = firstLoad || !page.hasMore ? page.headSeq : 0;
      const synced = Math.max(get().threadViews[threadId]?.syncedSeq ?? 0, covered);
      patchView(set, threadId, { status: "ready", error: null, live: false, syncedSeq: synced });
    }
    if (firstLoad) await findGap(set, get, threadId);
  } catch (err) {
    const { code } = errorInfo(err);
    const error: ThreadViewError =
      code === "NOT_FOUND" || code === "VALIDATION"
        ? "notFound"
        : code === "UNAUTHENTICATED"
          ? "signIn"
          : "network";
    // A page that already shows posts keeps them through a failed rejoin.
    if (firstLoad || error !== "network") patchView(set, threadId, { status: "error", error, live: false });
    else patchView(set, threadId, { live: false });
  }
}

function seqsOf(state: AppState, threadId: string): number[] {
  return (state.postIdsByThread[threadId] ?? []).flatMap((id) => {
    const p = state.postsById[id];
    return p ? [p.seq] : [];
  });
}

async function refreshTail(get: Get, threadId: string, headSeq: number) {
  try {
    const page = await listPosts(threadId, { beforeSeq: headSeq + 1, limit: 50 });
    const known = new Set(get().postIdsByThread[threadId] ?? []);
    get().internal_receivePosts(
      threadId,
      page.posts.filter((p) => known.has(p.id)),
    );
  } catch {
    // The next reconnect or visit refreshes it.
  }
}

/** The opening post always shows; when the latest page does not reach it, mark the gap between. */
async function findGap(set: Set, get: Get, threadId: string) {
  const ids = get().postIdsByThread[threadId] ?? [];
  const first = ids[0] ? get().postsById[ids[0]] : undefined;
  if (!first || first.seq === 1) return;
  const page = await listPosts(threadId, { limit: 1 });
  const opening = page.posts[0];
  if (!opening || opening.id === first.id) return;
  get().internal_receivePosts(threadId, [opening]);
  patchView(set, threadId, { gapBefore: first.seq });
}

export const createPostsSlice: SliceCreator<PostsSlice> = (set, get) => ({
  postsById: {},
  postIdsByThread: {},
  threadViews: {},
  threadPresence: {},
  typingByThread: {},
  outbox: {},
  outboxEcho: {},
  drafts: {},

  openThread: (threadId) => {
    const view = get().threadViews[threadId];
    const joins = (view?.joins ?? 0) + 1;
    const draft = get().drafts[threadId] ?? readDraft(threadId);
    set((s) => ({
      threadViews: {
        ...s.threadViews,
        [threadId]: {
          ...(view ?? NEW_VIEW),
          joins,
          ...(view?.status === "error" ? { status: "loading", error: null } : {}),
        },
      },
      drafts: draft ? { ...s.drafts, [threadId]: draft } : s.drafts,
    }));
    if (joins === 1) void join(set, get, threadId);
  },

  closeThread: (threadId) => {
    const view = get().threadViews[threadId];
    if (!view) return;
    if (view.joins > 1) {
      patchView(set, threadId, { joins: view.joins - 1 });
      return;
    }
    // Posts stay cached: coming back rejoins from `syncedSeq` and fetches only what is new.
    openingFetches.delete(threadId);
    set((s) => {
      const { [threadId]: _p, ...threadPresence } = s.threadPresence;
      const { [threadId]: _t, ...typingByThread } = s.typingByThread;
      return {
        threadViews: {
          ...s.threadViews,
          [threadId]: { ...view, joins: 0, live: false, lastReadAtOpen: null },
        },
        threadPresence,
        typingByThread,
      };
    });
    if (socketConnected()) void send(threadCommands.leave, { threadId }).catch(() => undefined);
  },

  loadEarlierPosts: async (threadId) => {
    const view = get().threadViews[threadId];
    if (!view || view.gapBefore === null || view.loadingEarlier) return;
    patchView(set, threadId, { loadingEarlier: true });
    try {
      const page = await listPosts(threadId, { beforeSeq: view.gapBefore, limit: EARLIER_PAGE });
      const openingId = get().postIdsByThread[threadId]?.[0];
      get().internal_receivePosts(threadId, page.posts);
      const first = page.posts[0];
      const closed =
        !page.hasMore || !first || first.id === openingId || page.posts.some((p) => p.id === openingId);
      patchView(set, threadId, { loadingEarlier: false, gapBefore: closed ? null : first.seq });
    } catch {
      patchView(set, threadId, { loadingEarlier: false });
      get().pushToast({ tone: "error", message: "error.network" });
    }
  },

  setDraft: (threadId, draft) => {
    set((s) => ({ drafts: { ...s.drafts, [threadId]: draft } }));
    writeDraft(threadId, draft);
  },

  sendPost: (threadId, body, replyTo) => {
    const userId = get().currentUserId;
    if (!userId) return;
    const entry: OutboxEntry = {
      clientId: newClientId(),
      threadId,
      userId,
      body,
      replyTo,
      createdAt: new Date().toISOString(),
      status: "sending",
      error: null,
    };
    putEntry(set, get, entry);
    get().setDraft(threadId, { body: "", replyTo: null });
    void deliver(set, get, entry.clientId);
  },

  retryPost: (clientId) => void deliver(set, get, clientId),

  editFailedPost: (clientId) => {
    const entry = get().outbox[clientId];
    if (!entry || entry.status !== "failed") return;
    const draft = get().drafts[entry.threadId];
    const body = draft?.body ? `${draft.body}\n\n${entry.body}` : entry.body;
    get().setDraft(entry.threadId, { body, replyTo: entry.replyTo ?? draft?.replyTo ?? null });
    dropEntry(set, get, clientId);
  },

  discardPost: (clientId) => {
    if (get().outbox[clientId]?.status === "failed") dropEntry(set, get, clientId);
  },

  editPost: async (postId, body) => {
    const { post } = await send(postCommands.update, { postId, body });
    get().internal_receivePosts(post.threadId, [post]);
    return post;
  },

  deletePost: async (postId) => {
    const { post } = await send(postCommands.delete, { postId });
    get().internal_receivePosts(post.threadId, [post]);
    return post;
  },

  toggleReaction: async (postId, kind) => {
    const before = get().postsById[postId];
    if (!before) return;
    const mine = before.myReactions ?? [];
    const active = !mine.includes(kind);
    // Optimistic: the count moves at once; the answer (with the true counts) settles it.
    set((s) => ({
      postsById: {
        ...s.postsById,
        [postId]: {
          ...before,
          reactions: {
            ...before.reactions,
            [kind]: Math.max(0, (before.reactions[kind] ?? 0) + (active ? 1 : -1)),
          },
          myReactions: active ? [...mine, kind] : mine.filter((k) => k !== kind),
        },
      },
    }));
    try {
      const { post } = await send(postCommands.react, { postId, kind, active });
      get().internal_receivePosts(post.threadId, [post]);
    } catch (err) {
      set((s) => ({
        postsById: {
          ...s.postsById,
          [postId]: {
            ...(s.postsById[postId] ?? before),
            reactions: before.reactions,
            myReactions: before.myReactions,
          },
        },
      }));
      throw err;
    }
  },

  sendTyping: (threadId) => {
    if (!get().currentUserId || !socketConnected()) return;
    const now = Date.now();
    if (now - (lastTypingSent.get(threadId) ?? 0) < TYPING_SEND_EVERY_MS) return;
    lastTypingSent.set(threadId, now);
    void send(threadCommands.typing, { threadId }).catch(() => undefined);
  },

  internal_receivePosts: (threadId, posts) => {
    if (posts.length === 0) return;
    set((s) => {
      const postsById = { ...s.postsById };
      for (const p of posts) postsById[p.id] = newerPost(postsById[p.id], p);
      const ids = mergeIds(s.postIdsByThread[threadId] ?? [], posts, postsById);
      const view = s.threadViews[threadId];
      const seqs = ids.flatMap((id) => (postsById[id] ? [postsById[id].seq] : []));
      return {
        postsById,
        postIdsByThread: { ...s.postIdsByThread, [threadId]: ids },
        threadViews: view
          ? { ...s.threadViews, [threadId]: { ...view, syncedSeq: advanceSynced(view.syncedSeq, seqs) } }
          : s.threadViews,
      };
    });
  },

  internal_postCreated: (post) => {
    const state = get();
    if (!state.postIdsByThread[post.threadId] && !state.threadViews[post.threadId]) return;
    state.internal_receivePosts(post.threadId, [post]);
    set((s) => {
      const typing = s.typingByThread[post.threadId];
      const authorId = post.author?.id;
      const patch: Partial<PostsSlice> = {};
      if (typing && authorId && typing[authorId]) {
        const { [authorId]: _done, ...rest } = typing;
        patch.typingByThread = { ...s.typingByThread, [post.threadId]: rest };
      }
      // Our own post's broadcast can beat its ack: show it once, in place of the waiting copy.
      if (authorId && authorId === s.currentUserId && !Object.values(s.outboxEcho).includes(post.id)) {
        const waiting = Object.values(s.outbox).find(
          (e) =>
            e.threadId === post.threadId &&
            e.status === "sending" &&
            !s.outboxEcho[e.clientId] &&
            e.body === post.body,
        );
        if (waiting) patch.outboxEcho = { ...s.outboxEcho, [waiting.clientId]: post.id };
      }
      return patch;
    });
  },

  internal_postUpdated: (post) => {
    if (!get().postsById[post.id]) return;
    get().internal_receivePosts(post.threadId, [post]);
  },

  internal_postDeleted: ({ postId }) => {
    const post = get().postsById[postId];
    if (!post || post.deleted) return;
    set((s) => ({
      postsById: { ...s.postsById, [postId]: { ...post, deleted: true, body: null, html: null } },
    }));
  },

  internal_threadPresence: (presence) => {
    if (presence.scope !== "thread" || !get().threadViews[presence.id]?.joins) return;
    set((s) => ({ threadPresence: { ...s.threadPresence, [presence.id]: presence } }));
  },

  internal_threadGone: (threadId) => {
    if (!get().threadViews[threadId]) return;
    patchView(set, threadId, { status: "error", error: "notFound", live: false });
  },

  internal_typing: (threadId, user) => {
    if (user.id === get().currentUserId || !get().threadViews[threadId]?.joins) return;
    set((s) => ({
      typingByThread: {
        ...s.typingByThread,
        [threadId]: {
          ...s.typingByThread[threadId],
          [user.id]: { user, until: Date.now() + TYPING_SHOW_MS },
        },
      },
    }));
  },

  internal_forgetPostAbilities: () =>
    set((s) => {
      if (!Object.values(s.postsById).some((p) => p.can)) return {};
      const postsById: Record<string, PostDto> = {};
      for (const [id, p] of Object.entries(s.postsById)) {
        const { can: _previousViewer, ...rest } = p;
        postsById[id] = rest;
      }
      return { postsById };
    }),

  internal_rejoinThreads: () => {
    for (const [threadId, view] of Object.entries(get().threadViews)) {
      if (view.joins > 0) void join(set, get, threadId, true);
    }
    get().internal_flushOutbox();
  },

  internal_flushOutbox: () => {
    const now = Date.now();
    for (const entry of Object.values(get().outbox)) {
      if (entry.userId !== get().currentUserId || inflight.has(entry.clientId)) continue;
      const waiting = entry.status === "sending";
      const retry =
        entry.status === "failed" &&
        entry.error &&
        isRetryable(entry.error.code) &&
        (entry.error.retryAt ?? 0) <= now;
      if (waiting || retry) void deliver(set, get, entry.clientId);
    }
  },

  internal_restoreOutbox: () => {
    const restored = readAllOutboxes();
    if (restored.length === 0) return;
    set((s) => {
      const outbox = { ...s.outbox };
      for (const e of restored) {
        if (outbox[e.clientId]) continue;
        // An entry saved while sending never got its answer: it counts as failed until re-sent.
        outbox[e.clientId] =
          e.status === "sending" ? { ...e, status: "failed", error: { code: "NETWORK", retryAt: null } } : e;
      }
      return { outbox };
    });
  },
});

const EMPTY_IDS: string[] = [];
const outboxCache = new WeakMap<object, Map<string, OutboxEntry[]>>();

export const postSelectors = {
  view: (threadId: string | undefined) => (s: AppState) => (threadId ? s.threadViews[threadId] : undefined),
  ids: (threadId: string | undefined) => (s: AppState) =>
    threadId ? (s.postIdsByThread[threadId] ?? EMPTY_IDS) : EMPTY_IDS,
  post: (id: string) => (s: AppState) => s.postsById[id],
  presence: (threadId: string | undefined) => (s: AppState) =>
    threadId ? s.threadPresence[threadId] : undefined,
  draft: (threadId: string) => (s: AppState) => s.drafts[threadId],
  /** This thread's waiting posts, oldest first, without those whose own broadcast already shows. */
  outbox:
    (threadId: string) =>
    (s: AppState): OutboxEntry[] => {
      let perState = outboxCache.get(s.outbox);
      if (!perState) {
        perState = new Map();
        outboxCache.set(s.outbox, perState);
      }
      const key = `${threadId}|${Object.keys(s.outboxEcho).join(",")}`;
      const hit = perState.get(key);
      if (hit) return hit;
      const list = Object.values(s.outbox)
        .filter((e) => e.threadId === threadId && !(e.status === "sending" && s.outboxEcho[e.clientId]))
        .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
      perState.set(key, list);
      return list;
    },
};

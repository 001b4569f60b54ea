import type { useStore as appStore } from "../../store";
import { rememberJson, setOfflineUser } from "./dataCache";

/** How many of a thread's latest posts are kept for reading offline (the page's first screenful). */
const KEPT_POSTS = 50;
const SNAPSHOT_DELAY_MS = 1000;

/**
 * Keeps the device's offline copies in step with the store: the copies belong to whoever is signed
 * in (another account or a sign-out deletes them), and the latest posts of each open thread are
 * saved a moment after they change, since live posts arrive over the socket, not through a GET
 * the data cache could keep. Returns a function that stops it (tests).
 */
export function syncOfflineCopies(store: typeof appStore): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;

  const saveOpenThreads = () => {
    timer = null;
    const s = store.getState();
    if (!s.currentUserId) return;
    for (const [threadId, view] of Object.entries(s.threadViews)) {
      if (!view.joins || view.status !== "ready") continue;
      const posts = (s.postIdsByThread[threadId] ?? [])
        .slice(-KEPT_POSTS)
        .flatMap((id) => (s.postsById[id] ? [s.postsById[id]] : []));
      const headSeq = Math.max(0, ...posts.map((p) => p.seq));
      void rememberJson(`/api/threads/${encodeURIComponent(threadId)}/posts`, {
        posts,
        headSeq,
        hasMore: false,
      });
    }
  };

  const unsubscribe = store.subscribe((s, prev) => {
    // Only a settled session counts: `unknown` → `guest` on a failed check offline is not a sign-out.
    if (s.currentUserId !== prev.currentUserId && s.sessionStatus !== "unknown")
      void setOfflineUser(s.currentUserId);
    if (
      s.postIdsByThread !== prev.postIdsByThread ||
      s.postsById !== prev.postsById ||
      s.threadViews !== prev.threadViews
    )
      timer ??= setTimeout(saveOpenThreads, SNAPSHOT_DELAY_MS);
  });

  return () => {
    unsubscribe();
    if (timer) clearTimeout(timer);
  };
}

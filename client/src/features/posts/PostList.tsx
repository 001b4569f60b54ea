import { Fragment, useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { Button } from "../../components/Button";
import { Spinner } from "../../components/Spinner";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { NewPostsPill, TypingIndicator } from "./LiveBits";
import type { QuoteRef } from "./outbox";
import { OutboxItem } from "./OutboxItem";
import { PostItem } from "./PostItem";
import { postSelectors } from "./posts.slice";

/** Within this many pixels of the bottom counts as "at the bottom" (new posts then scroll into view). */
const NEAR_BOTTOM_PX = 160;
const READ_MARK_DELAY_MS = 1200;

function nearBottom(): boolean {
  const doc = document.documentElement;
  return window.innerHeight + window.scrollY >= doc.scrollHeight - NEAR_BOTTOM_PX;
}

function scrollToBottom(smooth: boolean) {
  window.scrollTo({ top: document.documentElement.scrollHeight, behavior: smooth ? "smooth" : "auto" });
}

export interface PostListProps {
  threadId: string;
  canWrite: boolean;
  onReply: (quote: QuoteRef) => void;
}

/**
 * The opening post, then the replies: earlier ones load as the reader scrolls up to the gap, new ones
 * flow in at the bottom (followed when the reader is at the bottom, announced by a pill otherwise),
 * and a marker shows where "new since your last visit" begins. What the reader has seen is marked read.
 */
export function PostList({ threadId, canWrite, onReply }: PostListProps) {
  const t = useT();
  const ids = useStore(postSelectors.ids(threadId));
  const view = useStore(postSelectors.view(threadId));
  const outbox = useStore(postSelectors.outbox(threadId));
  const me = useStore((s) => s.currentUserId);
  const postsById = useStore((s) => s.postsById);
  const loadEarlier = useStore((s) => s.loadEarlierPosts);
  const markRead = useStore((s) => s.markThreadRead);
  const [unseen, setUnseen] = useState(0);
  const wasAtBottom = useRef(true);
  const lastId = useRef<string | undefined>(undefined);
  const lastOutbox = useRef(outbox.length);
  const initialScrollDone = useRef(false);
  const sentinelRef = useRef<HTMLDivElement>(null);
  const listRef = useRef<HTMLDivElement>(null);

  const openingId = ids[0];
  const replies = ids.slice(1);
  const gapBefore = view?.gapBefore ?? null;
  const lastRead = view?.lastReadAtOpen ?? null;

  // The first reply by someone else after the read mark the page opened with.
  let markerId: string | null = null;
  if (lastRead !== null && lastRead > 0) {
    for (const id of replies) {
      const p = postsById[id];
      if (p && p.seq > lastRead && p.author?.id !== me) {
        markerId = id;
        break;
      }
    }
  }

  // Follow the reader's position.
  useEffect(() => {
    const onScroll = () => {
      wasAtBottom.current = nearBottom();
      if (wasAtBottom.current) setUnseen(0);
    };
    onScroll();
    window.addEventListener("scroll", onScroll, { passive: true });
    return () => window.removeEventListener("scroll", onScroll);
  }, []);

  // New posts at the bottom: keep following if the reader was there (or it is their own), else count.
  useLayoutEffect(() => {
    const newLast = ids[ids.length - 1];
    const grewAtEnd =
      lastId.current !== undefined && newLast !== lastId.current && ids.indexOf(lastId.current) >= 0;
    const added = grewAtEnd ? ids.length - 1 - ids.indexOf(lastId.current ?? "") : 0;
    const sentMore = outbox.length > lastOutbox.current;
    lastOutbox.current = outbox.length;
    lastId.current = newLast;
    if (!initialScrollDone.current) return;
    const ownPost = newLast !== undefined && postsById[newLast]?.author?.id === me && me !== null;
    if (sentMore || (added > 0 && (wasAtBottom.current || ownPost))) {
      scrollToBottom(true);
      setUnseen(0);
    } else if (added > 0) {
      setUnseen((n) => n + added);
    }
  }, [ids, outbox.length, postsById, me]);

  // First paint with posts: go to the "new since your last visit" marker, or a linked post. Signed-in
  // readers wait for their read mark (it arrives with the thread) so the marker is not missed.
  const readMarkKnown = me === null || lastRead !== null;
  useEffect(() => {
    if (initialScrollDone.current || view?.status !== "ready" || ids.length === 0 || !readMarkKnown) return;
    initialScrollDone.current = true;
    const hash = window.location.hash.match(/^#post-(\d+)$/);
    const target = markerId
      ? document.querySelector(`[data-marker="unread"]`)
      : hash
        ? document.getElementById(`post-${hash[1]}`)
        : null;
    target?.scrollIntoView({ block: "start" });
    wasAtBottom.current = nearBottom();
  }, [view?.status, ids.length, readMarkKnown, markerId]);

  // Scrolling up to the gap loads the posts before it.
  useEffect(() => {
    const el = sentinelRef.current;
    if (!el || gapBefore === null || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting) && initialScrollDone.current) void loadEarlier(threadId);
      },
      { rootMargin: "300px 0px" },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [gapBefore, threadId, loadEarlier]);

  // Mark read what has actually been on screen.
  const maxSeen = useRef(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);
  const flushRead = useCallback(() => {
    timer.current = null;
    if (maxSeen.current > 0 && document.visibilityState === "visible")
      void markRead(threadId, maxSeen.current);
  }, [markRead, threadId]);
  useEffect(() => {
    const root = listRef.current;
    if (!root || me === null || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver((entries) => {
      for (const e of entries) {
        if (!e.isIntersecting || !(e.target instanceof HTMLElement)) continue;
        const seq = Number(e.target.dataset.seq);
        if (seq > maxSeen.current) {
          maxSeen.current = seq;
          timer.current ??= setTimeout(flushRead, READ_MARK_DELAY_MS);
        }
      }
    });
    root.querySelectorAll("[data-testid='post'][data-seq]").forEach((el) => io.observe(el));
    return () => io.disconnect();
  }, [ids, me, flushRead]);
  useEffect(
    () => () => {
      if (timer.current) {
        clearTimeout(timer.current);
        flushRead();
      }
    },
    [flushRead],
  );

  const jumpTo = useCallback((postId: string) => {
    const post = useStore.getState().postsById[postId];
    if (!post) return;
    const el = document.getElementById(`post-${post.seq}`);
    if (!el) return;
    el.scrollIntoView({ block: "center", behavior: "smooth" });
    el.classList.add("post--flash");
    setTimeout(() => el.classList.remove("post--flash"), 1600);
  }, []);

  return (
    <div className="post-list" ref={listRef}>
      {openingId && (
        <PostItem postId={openingId} opening canWrite={canWrite} onReply={onReply} onJumpTo={jumpTo} />
      )}
      <h2 className="post-list__title">{t("posts.thread.repliesTitle")}</h2>
      {replies.length === 0 && outbox.length === 0 && view?.status === "ready" && (
        <p className="muted post-list__empty">{t("posts.thread.noReplies")}</p>
      )}
      <div className="post-list__replies">
        {replies.map((id) => {
          const p = postsById[id];
          return (
            <Fragment key={id}>
              {gapBefore !== null && p?.seq === gapBefore && (
                <div ref={sentinelRef} className="load-earlier">
                  {view?.loadingEarlier ? (
                    <span className="muted">
                      <Spinner size="sm" /> {t("posts.thread.loadingEarlier")}
                    </span>
                  ) : (
                    <Button
                      size="sm"
                      variant="secondary"
                      onClick={() => void loadEarlier(threadId)}
                      data-testid="load-earlier"
                    >
                      {t("posts.thread.loadEarlier")}
                    </Button>
                  )}
                </div>
              )}
              {id === markerId && (
                <div
                  className="unread-marker"
                  data-marker="unread"
                  data-testid="unread-marker"
                  role="separator"
                >
                  <span>{t("posts.thread.unreadMarker")}</span>
                </div>
              )}
              <PostItem postId={id} canWrite={canWrite} onReply={onReply} onJumpTo={jumpTo} />
            </Fragment>
          );
        })}
        {outbox.map((entry) => (
          <OutboxItem key={entry.clientId} entry={entry} />
        ))}
      </div>
      <TypingIndicator threadId={threadId} />
      <NewPostsPill
        count={unseen}
        onClick={() => {
          scrollToBottom(true);
          setUnseen(0);
        }}
      />
    </div>
  );
}

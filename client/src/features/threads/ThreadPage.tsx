import { useCallback, useEffect, useRef } from "react";
import { Link, Navigate, useParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { buttonClass } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Skeleton, SkeletonText } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { threadCan } from "../../lib/abilities";
import { useStore } from "../../store";
import { Composer, ConnectionBanner, PresenceAvatars, PostList, postSelectors } from "../posts";
import { counted } from "../../lib/counted";
import type { QuoteRef } from "../posts";
import { roomSelectors } from "../rooms";
import { localized } from "../../lib/locale";
import { TagList, ThreadBadges } from "../../components/ThreadBadges";
import { ThreadModerationBar } from "../moderation";
import { PromoteLink } from "../practices";
import { TagWatchList, ThreadWatch } from "../notifications";
import { threadSelectors } from "./threads.slice";
import { focusReplyBox, usePageSkipLink } from "../../components/pageSkipLink";
import "../posts/posts.css";
import "./threads.css";

/**
 * `/threads/:id`: a live thread. The page joins the thread (posts, presence, typing) and its room
 * (`thread:updated` for lock and title changes); both are joined again after any reconnect, the thread
 * from the last seq held, so nothing missed is lost and nothing is shown twice.
 */
export function ThreadPage() {
  const { id = "" } = useParams();
  const t = useT();
  const f = useFormat();
  const thread = useStore(threadSelectors.byId(id));
  const view = useStore(postSelectors.view(id));
  const presence = useStore(postSelectors.presence(id));
  const room = useStore(roomSelectors.byId(thread?.roomId));
  const locale = useStore((s) => s.locale);
  const openThread = useStore((s) => s.openThread);
  const closeThread = useStore((s) => s.closeThread);
  const joinRoom = useStore((s) => s.joinRoom);
  const leaveRoom = useStore((s) => s.leaveRoom);
  const loadRoom = useStore((s) => s.loadRoom);
  const setDraft = useStore((s) => s.setDraft);
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  usePageTitle(thread?.title ?? null);

  useEffect(() => {
    if (!id) return;
    openThread(id);
    return () => closeThread(id);
  }, [id, openThread, closeThread]);

  const roomId = thread?.roomId;
  const roomSlug = thread?.roomSlug;
  useEffect(() => {
    if (!roomId) return;
    joinRoom(roomId);
    return () => leaveRoom(roomId);
  }, [roomId, joinRoom, leaveRoom]);
  useEffect(() => {
    if (roomSlug && !room) void loadRoom(roomSlug).catch(() => undefined);
  }, [roomSlug, room, loadRoom]);

  const onReply = useCallback(
    (quote: QuoteRef) => {
      const draft = useStore.getState().drafts[id];
      setDraft(id, { body: draft?.body ?? "", replyTo: quote });
      textareaRef.current?.focus();
      textareaRef.current?.scrollIntoView({ block: "center", behavior: "smooth" });
    },
    [id, setDraft],
  );

  // "Lompat ke kotak balasan": the reply box is a Tab or two away, not one after every post's controls.
  const replyBoxRef = useRef<HTMLDivElement | null>(null);
  usePageSkipLink(
    thread && thread.kind !== "practice" ? t("posts.thread.skipToReply") : null,
    "reply-box",
    () => focusReplyBox(textareaRef.current, replyBoxRef.current),
  );

  // A practice thread's page is its practice page (record, ledger and this same discussion).
  if (thread?.kind === "practice") return <Navigate to={`/practices/${id}${window.location.hash}`} replace />;
  if (view?.status === "error" && view.error !== "network") {
    const signIn = view.error === "signIn";
    return (
      <div className="page page--narrow">
        <EmptyState
          as="h1"
          title={t(signIn ? "posts.thread.signIn.title" : "posts.thread.notFound.title")}
          action={
            signIn ? (
              <Link
                to={`/login?next=${encodeURIComponent(`/threads/${id}`)}`}
                className={buttonClass("primary")}
              >
                {t("rooms.signIn.action")}
              </Link>
            ) : undefined
          }
        >
          {t(signIn ? "posts.thread.signIn.body" : "posts.thread.notFound.body")}
        </EmptyState>
      </div>
    );
  }
  if (view?.status === "error") {
    return (
      <div className="page page--narrow">
        <ConnectionBanner />
        <EmptyState as="h1" title={t("posts.thread.error.title")}>
          {t("posts.thread.error.body")}
        </EmptyState>
      </div>
    );
  }
  if (!thread || !view || view.status === "loading") {
    return (
      <div className="page page--narrow thread-page" aria-busy="true">
        <Skeleton width="30%" />
        <Skeleton width="80%" height="2rem" />
        <div className="post post--skeleton">
          <SkeletonText lines={4} />
        </div>
        <span className="sr-only">{t("ui.loading")}</span>
      </div>
    );
  }

  const can = threadCan(thread);
  const canModerate = can.moderate;
  // A lock is state, not a permission: the thread's moderators still write in it.
  const canWrite = can.reply && (!thread.locked || canModerate);

  return (
    <div className="page page--narrow thread-page">
      <ConnectionBanner />
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/rooms">{t("posts.thread.breadcrumb")}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={`/rooms/${encodeURIComponent(thread.roomSlug)}`} data-testid="thread-room-link">
          {room ? localized(room.name, locale) : thread.roomSlug}
        </Link>
      </nav>
      <header className="thread-head">
        <div className="thread-head__badges">
          <ThreadBadges thread={thread} />
        </div>
        <h1 className="page-title thread-head__title" data-testid="thread-title">
          {thread.title}
        </h1>
        <TagList tags={thread.tags} />
        {thread.locked && thread.lockReason && (
          <p className="thread-head__lock" data-testid="thread-lock-reason">
            {t("posts.thread.lockReason", { reason: thread.lockReason })}
          </p>
        )}
        <div className="thread-head__meta">
          <span>
            {t("posts.thread.started", {
              name: thread.author?.name ?? t("posts.post.unknownAuthor"),
              when: f.date(thread.createdAt),
            })}
          </span>
          <span data-testid="thread-reply-count">
            {counted(t, "posts.thread.replies", thread.replyCount, f.number(thread.replyCount))}
          </span>
        </div>
        <PresenceAvatars presence={presence} testId="thread-presence" labelKey="posts.thread.presence" />
        <div className="watch-bar">
          <ThreadWatch thread={thread} />
          <TagWatchList tags={thread.tags} />
        </div>
        {can.promote && <PromoteLink threadId={id} />}
        <ThreadModerationBar thread={thread} canModerate={canModerate} />
      </header>

      <PostList threadId={id} canWrite={canWrite} onReply={onReply} />

      <div id="reply-box" ref={replyBoxRef} tabIndex={-1} className="reply-box">
        <Composer
          threadId={id}
          locked={thread.locked && !canModerate}
          lockReason={thread.lockReason ?? null}
          slowModeSeconds={canModerate ? 0 : (room?.slowModeSeconds ?? 0)}
          textareaRef={textareaRef}
        />
      </div>
    </div>
  );
}

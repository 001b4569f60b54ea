import { memo, useEffect, useLayoutEffect, useRef } from "react";
import { Link } from "react-router";
import type { RoomDto, ThreadSort } from "@rembuk/shared";
import { Avatar } from "../../components/Avatar";
import { Button } from "../../components/Button";
import { useAction } from "../../components/form/useAction";
import { EmptyState } from "../../components/EmptyState";
import { ChatIcon } from "../../components/icons";
import { Skeleton } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useT, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { OfficeMark } from "../users";
import { TagList, ThreadBadges } from "../../components/ThreadBadges";
import { threadSelectors } from "./threads.slice";
import { counted } from "../../lib/counted";

const SORTS: { sort: ThreadSort; label: MessageKey }[] = [
  { sort: "activity", label: "threads.sort.activity" },
  { sort: "new", label: "threads.sort.new" },
  { sort: "top", label: "threads.sort.top" },
];

export function SortTabs({ sort, onChange }: { sort: ThreadSort; onChange: (sort: ThreadSort) => void }) {
  const t = useT();
  return (
    <div className="sort-tabs" role="group" aria-label={t("threads.sort.label")}>
      {SORTS.map((s) => (
        <button
          key={s.sort}
          type="button"
          className={`sort-tabs__tab${s.sort === sort ? " sort-tabs__tab--active" : ""}`}
          aria-pressed={s.sort === sort}
          data-testid={`thread-sort-${s.sort}`}
          onClick={() => onChange(s.sort)}
        >
          {t(s.label)}
        </button>
      ))}
    </div>
  );
}

/** One thread in a list (a room's, the signed-in home's unread ones), read live from the store. */
export const ThreadRow = memo(function ThreadRow({ id }: { id: string }) {
  const t = useT();
  const f = useFormat();
  const thread = useStore((s) => s.threadsById[id]);
  const fresh = useStore((s) => s.threadFresh[id] === true);
  if (!thread) return null;
  const unread = thread.unreadCount ?? 0;
  return (
    <li
      className={`thread-row${unread > 0 ? " thread-row--unread" : ""}${fresh ? " thread-row--fresh" : ""}`}
      data-testid="thread-item"
      data-thread-id={id}
    >
      <div className="thread-row__main">
        <div className="thread-row__badges">
          <ThreadBadges thread={thread} />
          {fresh && <span className="thread-row__new">{t("threads.item.new")}</span>}
        </div>
        {/* A practice thread opens on its practice page (the record, adoptions and the same discussion). */}
        <Link
          to={thread.kind === "practice" ? `/practices/${thread.id}` : `/threads/${thread.id}`}
          className="thread-row__title"
          data-testid="thread-link"
        >
          {thread.title}
        </Link>
        <TagList tags={thread.tags} />
        <p className="thread-row__meta">
          {thread.author && (
            <span className="thread-row__author">
              <Avatar name={thread.author.name} seed={thread.author.id} size="sm" />
              <span>{thread.author.name}</span>
              {/* Whose experience it is: the office ("Bupati Banyuwangi"), not only the name. */}
              {thread.author.title && (
                <span className="thread-row__office" data-testid="thread-author-office">
                  {thread.author.title}
                </span>
              )}
              <OfficeMark person={thread.author} />
            </span>
          )}
          <span>{t("threads.item.activity", { when: f.relative(thread.lastActivityAt) })}</span>
        </p>
      </div>
      <div className="thread-row__stats">
        <span className="thread-row__replies" data-testid="thread-replies">
          <ChatIcon /> {counted(t, "threads.item.replies", thread.replyCount, f.number(thread.replyCount))}
        </span>
        {unread > 0 && (
          <span className="unread-pill" data-testid="thread-unread">
            {t("threads.item.unread", { count: f.number(unread) })}
          </span>
        )}
      </div>
    </li>
  );
});

/** "Tandai semua sudah dibaca": shown to signed-in readers while the room's list has unread threads. */
export function MarkRoomRead({ room, sort }: { room: RoomDto; sort: ThreadSort }) {
  const t = useT();
  const signedIn = useStore((s) => s.currentUserId !== null);
  const list = useStore(threadSelectors.list(room.id, sort));
  const anyUnread = useStore((s) => list.ids.some((id) => (s.threadsById[id]?.unreadCount ?? 0) > 0));
  const markRoomRead = useStore((s) => s.markRoomRead);
  const toast = useStore((s) => s.pushToast);
  const marking = useAction();
  if (!signedIn || (!anyUnread && !room.unreadThreads)) return null;
  return (
    <Button
      size="sm"
      variant="ghost"
      loading={marking.busy}
      data-testid="mark-room-read"
      onClick={() =>
        void marking.run(
          async () => {
            await markRoomRead({ id: room.id, slug: room.slug });
            toast({ tone: "success", message: "threads.markRead.done" });
          },
          () => toast({ tone: "error", message: "threads.markRead.failed" }),
        )
      }
    >
      {t("threads.markRead.action")}
    </Button>
  );
}

/** A room's threads in one order, with cursor pagination (a button, and automatically on scroll). */
export function ThreadList({ room, sort }: { room: RoomDto; sort: ThreadSort }) {
  const t = useT();
  const list = useStore(threadSelectors.list(room.id, sort));
  const loadThreads = useStore((s) => s.loadThreads);
  const sentinel = useRef<HTMLDivElement>(null);
  const roomRef = useRef(room);
  useLayoutEffect(() => {
    roomRef.current = room;
  });

  useEffect(() => {
    void loadThreads({ id: room.id, slug: room.slug }, sort);
  }, [room.id, room.slug, sort, loadThreads]);

  const hasMore = list.nextCursor !== null && list.status === "ready";
  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasMore || typeof IntersectionObserver === "undefined") return;
    const io = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting))
          void loadThreads({ id: roomRef.current.id, slug: roomRef.current.slug }, sort, { more: true });
      },
      { rootMargin: "400px 0px" },
    );
    io.observe(el);
    return () => io.disconnect();
  }, [hasMore, sort, loadThreads]);

  if (list.status === "loading" || (list.status === "idle" && list.ids.length === 0)) {
    return (
      <ul className="thread-rows" aria-busy="true">
        {[0, 1, 2].map((i) => (
          <li key={i} className="thread-row thread-row--skeleton" aria-hidden="true">
            <Skeleton width="70%" height="1.2em" />
            <Skeleton width="40%" />
          </li>
        ))}
      </ul>
    );
  }
  if (list.status === "error" && list.ids.length === 0) {
    return (
      <EmptyState
        title={t("threads.list.error")}
        action={
          <Button
            variant="secondary"
            onClick={() => void loadThreads({ id: room.id, slug: room.slug }, sort)}
          >
            {t("ui.retry")}
          </Button>
        }
      />
    );
  }
  if (list.ids.length === 0) {
    return (
      <EmptyState title={t("threads.list.empty.title")} icon={<ChatIcon />}>
        {t("threads.list.empty.body")}
      </EmptyState>
    );
  }
  return (
    <>
      <ul className="thread-rows" data-testid="thread-list">
        {list.ids.map((id) => (
          <ThreadRow key={id} id={id} />
        ))}
      </ul>
      <div ref={sentinel} className="thread-rows__more">
        {list.nextCursor !== null ? (
          <Button
            variant="secondary"
            loading={list.status === "loadingMore"}
            onClick={() => void loadThreads({ id: room.id, slug: room.slug }, sort, { more: true })}
            data-testid="threads-more"
          >
            {t("threads.list.more")}
          </Button>
        ) : (
          list.ids.length > 5 && <p className="muted">{t("threads.list.end")}</p>
        )}
      </div>
    </>
  );
}

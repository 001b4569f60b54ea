import { useEffect } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { ThreadSort } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button, buttonClass } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Skeleton } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useScopedFlag } from "../../components/useScopedFlag";
import { useStore } from "../../store";
import { ClockIcon } from "../../components/icons";
import { ConnectionBanner, PresenceAvatars } from "../posts";
import { counted } from "../../lib/counted";
import { RoomQaSection } from "../qa";
import { NewThreadForm, MarkRoomRead, SortTabs, ThreadList } from "../threads";
import { VisibilityBadge } from "./RoomCard";
import { RoomWatch } from "../notifications";
import { roomSelectors } from "./rooms.slice";
import { localized } from "../../lib/locale";
import "../posts/posts.css";
import "../threads/threads.css";
import "./rooms.css";

/**
 * `/rooms/:slug`: the room's threads (sorted by activity, newest or top, paged by cursor) with live
 * new threads, unread counts and who is here; signed-in users start threads from here.
 */
export function RoomPage() {
  const { slug } = useParams();
  const t = useT();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const parsedSort = ThreadSort.safeParse(params.get("sort"));
  const sort = parsedSort.success ? parsedSort.data : "activity";
  const room = useStore(roomSelectors.bySlug(slug));
  const missing = useStore(roomSelectors.missing(slug));
  const presence = useStore(roomSelectors.presence(room?.id));
  const locale = useStore((s) => s.locale);
  const signedIn = useStore((s) => s.currentUserId !== null);
  const canHost = room?.can?.hostQa ?? false;
  const loadRoom = useStore((s) => s.loadRoom);
  const joinRoom = useStore((s) => s.joinRoom);
  const leaveRoom = useStore((s) => s.leaveRoom);
  // The new-thread form belongs to this room: showing another room closes it.
  const [composing, setComposing] = useScopedFlag(slug ?? "");
  usePageTitle(room ? localized(room.name, locale) : null);

  // Fresh counts and the viewer's unread state; also finds rooms the list does not show.
  useEffect(() => {
    if (slug) void loadRoom(slug).catch(() => undefined);
  }, [slug, loadRoom, signedIn]);

  const roomId = room?.id;
  useEffect(() => {
    if (!roomId) return;
    joinRoom(roomId);
    return () => leaveRoom(roomId);
  }, [roomId, joinRoom, leaveRoom]);

  if (!room) {
    if (missing) {
      const signIn = missing === "signIn";
      return (
        <div className="page page--narrow">
          <EmptyState
            as="h1"
            title={t(signIn ? "rooms.signIn.title" : "rooms.notFound.title")}
            action={
              signIn ? (
                <Link
                  to={`/login?next=${encodeURIComponent(`/rooms/${slug ?? ""}`)}`}
                  className={buttonClass("primary")}
                >
                  {t("rooms.signIn.action")}
                </Link>
              ) : undefined
            }
          >
            {t(signIn ? "rooms.signIn.body" : "rooms.notFound.body")}
          </EmptyState>
        </div>
      );
    }
    return (
      <div className="page" aria-busy="true">
        <Skeleton width="40%" height="2rem" />
        <Skeleton width="70%" />
        <span className="sr-only">{t("ui.loading")}</span>
      </div>
    );
  }

  const description = localized(room.description, locale);
  return (
    <div className="page room">
      <ConnectionBanner />
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/rooms">{t("rooms.breadcrumb")}</Link>
      </nav>
      <header className="page-header room__header">
        <div className="room__title-row">
          <h1 className="page-title" data-testid="room-title">
            {localized(room.name, locale)}
          </h1>
          <VisibilityBadge visibility={room.visibility} />
          <RoomWatch slug={room.slug} />
        </div>
        {description && <p className="page-lead">{description}</p>}
        <div className="room__meta">
          <span data-testid="room-thread-count">
            {counted(t, "rooms.stat.threads", room.threadCount, f.number(room.threadCount))}
          </span>
          <PresenceAvatars presence={presence} testId="room-presence" labelKey="rooms.page.presence" />
        </div>
        {room.slowModeSeconds > 0 && (
          <p className="room__slow">
            <ClockIcon /> {t("rooms.page.slowMode", { duration: f.duration(room.slowModeSeconds) })}
          </p>
        )}
      </header>

      <RoomQaSection slug={room.slug} canCreate={canHost} />

      <section className="room__threads" aria-labelledby="threads-title">
        <div className="room__threads-head">
          <h2 id="threads-title" className="section-title">
            {t("threads.list.title")}
          </h2>
          {signedIn ? (
            !composing && (
              <Button onClick={() => setComposing(true)} data-testid="new-thread-open">
                {t("threads.new.open")}
              </Button>
            )
          ) : (
            <Link to={`/login?next=${encodeURIComponent(`/rooms/${room.slug}`)}`} className="room__signin">
              {t("rooms.page.signIn")}
            </Link>
          )}
        </div>
        {composing && <NewThreadForm room={room} onClose={() => setComposing(false)} />}
        <div className="room__list-tools">
          <SortTabs
            sort={sort}
            onChange={(next) => {
              const p = new URLSearchParams(params);
              if (next === "activity") p.delete("sort");
              else p.set("sort", next);
              setParams(p, { replace: true });
            }}
          />
          <MarkRoomRead room={room} sort={sort} />
        </div>
        <ThreadList room={room} sort={sort} />
      </section>
    </div>
  );
}

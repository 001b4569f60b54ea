import { Link } from "react-router";
import type { ThreadDto } from "@rembuk/shared";
import { useAction } from "../../../components/form/useAction";
import { Button } from "../../../components/Button";
import { useFormat } from "../../../lib/format";
import { useLocale, useT } from "../../../lib/i18n";
import { useStore } from "../../../store";
import { localized } from "../../../lib/locale";
import { ThreadRow } from "../../threads";
import { HomeSection } from "./HomeSection";

/** "New since your last visit": threads with unread posts, grouped by room, and "mark all read". */
export function UnreadSection({
  threads,
  total,
  onAllRead,
}: {
  threads: ThreadDto[];
  total: number;
  onAllRead: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const roomsById = useStore((s) => s.roomsById);
  const markAllRead = useStore((s) => s.markAllRead);
  const pushToast = useStore((s) => s.pushToast);
  const action = useAction();

  const rooms = new Map<string, ThreadDto[]>();
  for (const thread of threads) rooms.set(thread.roomId, [...(rooms.get(thread.roomId) ?? []), thread]);

  const readAll = () =>
    void action.run(
      () => markAllRead().then(onAllRead),
      () => pushToast({ tone: "error", message: "home.unread.readAllFailed" }),
    );

  return (
    <HomeSection
      id="home-unread-section"
      wide
      title={t("home.unread.title")}
      lead={total > 0 ? t("home.unread.lead", { count: f.number(total) }) : undefined}
      action={
        total > 0 && (
          <Button
            size="sm"
            variant="secondary"
            loading={action.busy}
            onClick={readAll}
            data-testid="home-read-all"
          >
            {t("home.unread.readAll")}
          </Button>
        )
      }
    >
      {threads.length === 0 ? (
        <p className="home-section__empty" data-testid="home-unread-empty">
          {t("home.unread.empty")} <Link to="/rooms">{t("home.unread.browse")}</Link>
        </p>
      ) : (
        [...rooms].map(([roomId, list]) => {
          const room = roomsById[roomId];
          return (
            <div key={roomId} className="home-section__group">
              <h3 className="home-section__subtitle">
                {room ? (
                  <Link to={`/rooms/${encodeURIComponent(room.slug)}`}>{localized(room.name, locale)}</Link>
                ) : (
                  list[0]!.roomSlug
                )}
              </h3>
              <ul className="thread-list" data-testid="home-unread">
                {list.map((thread) => (
                  <ThreadRow key={thread.id} id={thread.id} />
                ))}
              </ul>
            </div>
          );
        })
      )}
    </HomeSection>
  );
}

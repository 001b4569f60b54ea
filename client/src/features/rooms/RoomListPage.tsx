import { Link } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { Button, buttonClass } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Skeleton } from "../../components/Skeleton";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { useSiteCan } from "../../lib/abilities";
import { RoomCard } from "./RoomCard";
import { useLiveRoomList } from "./useLiveRoomList";
import "./rooms.css";

/** `/rooms`: every room the viewer may see, with live thread counts, people present and unread threads. */
export function RoomListPage() {
  const t = useT();
  const order = useStore((s) => s.roomOrder);
  const status = useStore((s) => s.roomsStatus);
  const loadRooms = useStore((s) => s.loadRooms);
  const canCreateRoom = useSiteCan().createRoom;
  usePageTitle(t("rooms.list.title"));
  useLiveRoomList();

  return (
    <div className="page rooms-page">
      <header className="page-header rooms-page__head">
        <div>
          <h1 className="page-title">{t("rooms.list.title")}</h1>
          <p className="page-lead">{t("rooms.list.lead")}</p>
        </div>
        {canCreateRoom && (
          <Link to="/admin/rooms" className={buttonClass("secondary", "sm")} data-testid="rooms-manage">
            {t("rooms.list.manage")}
          </Link>
        )}
      </header>
      {order.length > 0 ? (
        <ul className="room-grid" data-testid="room-list">
          {order.map((id) => (
            <RoomCard key={id} id={id} />
          ))}
        </ul>
      ) : status === "idle" || status === "loading" ? (
        <ul className="room-grid" aria-busy="true">
          {[0, 1, 2].map((i) => (
            <li key={i} className="room-card room-card--skeleton" aria-hidden="true">
              <Skeleton width="55%" height="1.1em" />
              <Skeleton width="90%" />
              <Skeleton width="70%" />
            </li>
          ))}
        </ul>
      ) : status === "error" ? (
        <EmptyState
          as="h2"
          title={t("rooms.list.error.title")}
          action={
            <Button variant="secondary" onClick={() => void loadRooms()}>
              {t("ui.retry")}
            </Button>
          }
        >
          {t("rooms.list.error.body")}
        </EmptyState>
      ) : (
        <EmptyState as="h2" title={t("rooms.list.empty.title")}>
          {t("rooms.list.empty.body")}
        </EmptyState>
      )}
    </div>
  );
}

import { Link, useParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { EmptyState } from "../../components/EmptyState";
import { ChatIcon } from "../../components/icons";
import { Skeleton } from "../../components/Skeleton";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { roomSelectors } from "./rooms.slice";
import { VisibilityBadge } from "./RoomCard";
import { RoomQaSection } from "../qa/RoomQaSection";
import { canHostQa } from "../qa/qa.slice";
import "./rooms.css";

/** `/rooms/:slug`: the room header; the threads list arrives with the threads feature. */
export function RoomPage() {
  const { slug } = useParams();
  const t = useT();
  const room = useStore(roomSelectors.bySlug(slug));
  const status = useStore((s) => s.roomsStatus);
  const locale = useStore((s) => s.locale);
  const canHost = useStore(canHostQa());
  usePageTitle(room ? room.name[locale] || room.name.id : null);

  if (!room) {
    if (status === "idle" || status === "loading") {
      return (
        <div className="page" aria-busy="true">
          <Skeleton width="40%" height="2rem" />
        </div>
      );
    }
    return (
      <div className="page page--narrow">
        <EmptyState as="h1" title={t("rooms.notFound.title")}>{t("rooms.notFound.body")}</EmptyState>
      </div>
    );
  }

  return (
    <div className="page room">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/">{t("rooms.breadcrumb")}</Link>
      </nav>
      <header className="page-header">
        <div className="room__title-row">
          <h1 className="page-title">{room.name[locale] || room.name.id}</h1>
          <VisibilityBadge visibility={room.visibility} />
        </div>
        {(room.description[locale] || room.description.id) && (
          <p className="page-lead">{room.description[locale] || room.description.id}</p>
        )}
      </header>
      <RoomQaSection slug={room.slug} canCreate={canHost} />
      <EmptyState title={t("rooms.page.empty.title")} icon={<ChatIcon />}>
        {t("rooms.page.empty.body")}
      </EmptyState>
    </div>
  );
}

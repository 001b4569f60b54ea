import { Link } from "react-router";
import { Badge } from "../../components/Badge";
import { ChevronRightIcon, LockIcon } from "../../components/icons";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";

export function VisibilityBadge({ visibility }: { visibility: string }) {
  const t = useT();
  if (visibility === "members") return <Badge icon={<LockIcon />}>{t("rooms.visibility.members")}</Badge>;
  if (visibility === "restricted") return <Badge tone="warning" icon={<LockIcon />}>{t("rooms.visibility.restricted")}</Badge>;
  return null;
}

export function RoomCard({ id }: { id: string }) {
  const room = useStore((s) => s.roomsById[id]);
  const locale = useStore((s) => s.locale);
  if (!room) return null;
  const description = room.description[locale] || room.description.id;
  return (
    <li className="room-card">
      <Link to={`/rooms/${encodeURIComponent(room.slug)}`} className="room-card__link" data-testid="room-card">
        <span className="room-card__top">
          <span className="room-card__name">{room.name[locale] || room.name.id}</span>
          <VisibilityBadge visibility={room.visibility} />
        </span>
        {description && <span className="room-card__desc">{description}</span>}
        <span className="room-card__go" aria-hidden="true">
          <ChevronRightIcon />
        </span>
      </Link>
    </li>
  );
}

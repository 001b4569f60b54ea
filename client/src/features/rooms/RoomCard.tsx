import { Link } from "react-router";
import type { RoomVisibility } from "@rembuk/shared";
import { Badge } from "../../components/Badge";
import { ChatIcon, ChevronRightIcon, LockIcon, UsersIcon } from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { localized } from "../../lib/locale";
import { counted } from "../../lib/counted";

export function VisibilityBadge({ visibility }: { visibility: RoomVisibility }) {
  const t = useT();
  if (visibility === "members") return <Badge icon={<LockIcon />}>{t("rooms.visibility.members")}</Badge>;
  if (visibility === "restricted")
    return (
      <Badge tone="warning" icon={<LockIcon />}>
        {t("rooms.visibility.restricted")}
      </Badge>
    );
  return null;
}

/** A room in a list: name, access, description, and its live numbers (threads, people here, unread). */
export function RoomCard({ id }: { id: string }) {
  const t = useT();
  const f = useFormat();
  const room = useStore((s) => s.roomsById[id]);
  const locale = useStore((s) => s.locale);
  if (!room) return null;
  const description = localized(room.description, locale);
  const unread = room.unreadThreads ?? 0;
  return (
    <li className="room-card">
      <Link
        to={`/rooms/${encodeURIComponent(room.slug)}`}
        className="room-card__link"
        data-testid="room-card"
        data-slug={room.slug}
      >
        <span className="room-card__top">
          <span className="room-card__name">{localized(room.name, locale)}</span>
          <VisibilityBadge visibility={room.visibility} />
          {unread > 0 && (
            <span className="unread-pill" data-testid="room-unread">
              {counted(t, "rooms.stat.unread", unread, f.number(unread))}
            </span>
          )}
        </span>
        {description && <span className="room-card__desc">{description}</span>}
        <span className="room-card__stats">
          <span data-testid="room-thread-count">
            <ChatIcon /> {counted(t, "rooms.stat.threads", room.threadCount, f.number(room.threadCount))}
          </span>
          <span
            className={room.presenceCount > 0 ? "room-card__live" : undefined}
            data-testid="room-presence-count"
          >
            <UsersIcon /> {counted(t, "rooms.stat.present", room.presenceCount, f.number(room.presenceCount))}
          </span>
          <span className="room-card__active">
            {t("rooms.stat.active", { when: f.relative(room.lastActivityAt) })}
          </span>
        </span>
        <span className="room-card__go" aria-hidden="true">
          <ChevronRightIcon />
        </span>
      </Link>
    </li>
  );
}

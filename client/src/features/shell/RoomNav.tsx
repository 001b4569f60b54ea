import { NavLink } from "react-router";
import { useShallow } from "zustand/react/shallow";
import { Skeleton } from "../../components/Skeleton";
import { HashIcon, HomeIcon, LockIcon, MicIcon } from "../../components/icons";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { PracticesNavItems } from "../practices";
import { ModerationNavItem } from "../moderation";

function RoomLink({ id }: { id: string }) {
  const room = useStore((s) => s.roomsById[id]);
  const locale = useStore((s) => s.locale);
  if (!room) return null;
  return (
    <li>
      <NavLink
        to={`/rooms/${encodeURIComponent(room.slug)}`}
        className="room-nav__link"
        data-testid={`room-link-${room.slug}`}
      >
        {room.visibility === "public" ? <HashIcon /> : <LockIcon />}
        <span className="room-nav__name">{room.name[locale] || room.name.id}</span>
      </NavLink>
    </li>
  );
}

/** The list of rooms in the sidebar (desktop) or the menu panel (phone). */
export function RoomNav() {
  const t = useT();
  const { order, status } = useStore(useShallow((s) => ({ order: s.roomOrder, status: s.roomsStatus })));
  const loadRooms = useStore((s) => s.loadRooms);
  return (
    <nav className="room-nav" aria-label={t("shell.nav.label")} data-testid="room-nav">
      <ul className="room-nav__list">
        <li>
          <NavLink to="/" end className="room-nav__link">
            <HomeIcon />
            <span className="room-nav__name">{t("shell.nav.home")}</span>
          </NavLink>
        </li>
        <PracticesNavItems />
        <li>
          <NavLink to="/qa" className="room-nav__link" data-testid="nav-qa">
            <MicIcon />
            <span className="room-nav__name">{t("qa.nav")}</span>
          </NavLink>
        </li>
        <ModerationNavItem />
      </ul>
      <h2 className="room-nav__heading">{t("shell.nav.rooms")}</h2>
      {(status === "idle" || status === "loading") && order.length === 0 ? (
        <ul className="room-nav__list" aria-busy="true">
          {[70, 55, 80, 60].map((w) => (
            <li key={w} className="room-nav__skeleton">
              <Skeleton width={`${w}%`} height="0.9em" />
            </li>
          ))}
          <li className="sr-only">{t("ui.loading")}</li>
        </ul>
      ) : status === "error" && order.length === 0 ? (
        <p className="room-nav__note">
          {t("shell.nav.error")}{" "}
          <button type="button" className="link-button" onClick={() => void loadRooms()}>
            {t("ui.retry")}
          </button>
        </p>
      ) : order.length === 0 ? (
        <p className="room-nav__note">{t("shell.nav.empty")}</p>
      ) : (
        <ul className="room-nav__list">
          {order.map((id) => (
            <RoomLink key={id} id={id} />
          ))}
        </ul>
      )}
    </nav>
  );
}

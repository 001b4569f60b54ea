import { NavLink } from "react-router";
import { LightbulbIcon } from "../../components/icons";
import { useT } from "../../lib/i18n";
import { useSiteCan } from "../../lib/abilities";

function ChartIcon() {
  return (
    <svg className="icon" viewBox="0 0 24 24" aria-hidden="true" focusable="false">
      <path
        d="M4 20h16M7 16V10M12 16V5M17 16v-4"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
      />
    </svg>
  );
}

/** Sidebar entries of the practices feature: the directory for everyone, the dashboard for organizers. */
export function PracticesNavItems() {
  const t = useT();
  const staff = useSiteCan().viewPracticeStats;
  return (
    <>
      <li>
        <NavLink to="/practices" className="room-nav__link" data-testid="nav-practices">
          <LightbulbIcon />
          <span className="room-nav__name">{t("practices.nav.directory")}</span>
        </NavLink>
      </li>
      {staff && (
        <li>
          <NavLink to="/dashboard" className="room-nav__link" data-testid="nav-dashboard">
            <ChartIcon />
            <span className="room-nav__name">{t("practices.nav.dashboard")}</span>
          </NavLink>
        </li>
      )}
    </>
  );
}

import { useEffect } from "react";
import { NavLink } from "react-router";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { GavelIcon } from "../../components/icons";

/**
 * The sidebar's link to the moderation dashboard, for whoever moderates something, with a live count of
 * what waits (queue and open flags) in their scope.
 */
export function ModerationNavItem() {
  const t = useT();
  const f = useFormat();
  const me = useStore((s) => s.currentUserId);
  const scope = useStore((s) => s.modScope);
  const loadModScope = useStore((s) => s.loadModScope);
  useEffect(() => {
    if (me) void loadModScope();
  }, [me, loadModScope]);
  if (!me || !scope || (!scope.global && scope.roomIds.length === 0)) return null;
  const waiting = scope.queueCount + scope.openFlagCount;
  return (
    <li>
      <NavLink to="/moderation" className="room-nav__link" data-testid="nav-moderation">
        <GavelIcon />
        <span className="room-nav__name">{t("moderation.nav")}</span>
        {waiting > 0 && (
          <span
            className="mod-count"
            aria-label={t("moderation.nav.count", { count: f.number(waiting) })}
            data-testid="nav-moderation-count"
          >
            {f.number(waiting)}
          </span>
        )}
      </NavLink>
    </li>
  );
}

import { useEffect } from "react";
import { NavLink } from "react-router";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { GavelIcon } from "../../components/icons";
import { verificationSelectors } from "../verification";

/**
 * The sidebar's link to the moderation dashboard, for whoever moderates something, with a live count of
 * what waits (queue, open flags and, for global moderators, verification requests) in their scope.
 */
export function ModerationNavItem() {
  const t = useT();
  const f = useFormat();
  const me = useStore((s) => s.currentUserId);
  const scope = useStore((s) => s.modScope);
  const loadModScope = useStore((s) => s.loadModScope);
  const pendingVerifications = useStore(verificationSelectors.pendingCount);
  const loadVerifications = useStore((s) => s.loadVerifications);
  const global = scope?.global ?? false;
  useEffect(() => {
    if (me) void loadModScope();
  }, [me, loadModScope]);
  // Global moderators also verify people: their waiting requests count too (kept live by events).
  useEffect(() => {
    if (me && global) void loadVerifications("pending");
  }, [me, global, loadVerifications]);
  if (!me || !scope || (!scope.global && scope.roomIds.length === 0)) return null;
  const waiting = scope.queueCount + scope.openFlagCount + (scope.global ? pendingVerifications : 0);
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

import { useT } from "../../lib/i18n";
import { useStore } from "../../store";

const LABELS = {
  online: "shell.conn.online",
  reconnecting: "shell.conn.reconnecting",
  offline: "shell.conn.offline",
} as const;

/**
 * A dot plus text for the socket state. The text is always available to screen readers (polite
 * live region); visually it appears only when something is wrong, so a healthy page stays calm.
 */
export function ConnectionIndicator() {
  const t = useT();
  const status = useStore((s) => s.connection);
  const label = t(LABELS[status]);
  return (
    <div
      className={`conn conn--${status}`}
      data-testid="connection-status"
      data-status={status}
      role="status"
      aria-live="polite"
      title={status === "offline" ? t("shell.conn.offlineHint") : label}
    >
      <span className="conn__dot" aria-hidden="true" />
      <span className="sr-only">{t("shell.conn.label")}: </span>
      <span className="conn__label">{label}</span>
    </div>
  );
}

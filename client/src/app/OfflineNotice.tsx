import { useSyncExternalStore } from "react";
import { useT } from "../lib/i18n";
import { isServedFromCache, onServedFromCache } from "../lib/offline/dataCache";
import { useStore } from "../store";

/**
 * A bar across the top while what is on screen comes from this device's saved copy rather than
 * the server (a reload without a connection): says so plainly, and that writing still works.
 */
export function OfflineNotice() {
  const t = useT();
  const fromCache = useSyncExternalStore(onServedFromCache, isServedFromCache, () => false);
  const online = useStore((s) => s.connection === "online");
  if (!fromCache || online) return null;
  return (
    <div className="offline-notice" role="status" data-testid="offline-notice">
      <span className="offline-notice__dot" aria-hidden="true" />
      {t("shell.offline.savedCopy")}
    </div>
  );
}

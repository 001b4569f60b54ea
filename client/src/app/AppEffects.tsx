import { useEffect } from "react";
import { onUnauthenticated } from "../lib/api";
import { htmlLang } from "../lib/locale";
import { useStore } from "../store";

/**
 * App-wide side effects with no UI: `<html lang>` follows the locale, the session is checked once,
 * and a 401 from any non-auth request signs out a session that expired on the server.
 */
export function AppEffects() {
  const locale = useStore((s) => s.locale);

  useEffect(() => {
    document.documentElement.lang = htmlLang(locale);
  }, [locale]);

  useEffect(() => {
    void useStore.getState().bootstrap();
    onUnauthenticated((path) => {
      if (!path.startsWith("/auth/")) useStore.getState().internal_sessionExpired();
    });
    return () => onUnauthenticated(null);
  }, []);

  return null;
}

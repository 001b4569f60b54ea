import type { ReactNode } from "react";
import { Navigate, useLocation } from "react-router";
import { useStore } from "../../store";
import { PageLoading } from "../../components/PageLoading";

/** Waits for the session check, then sends guests to the login page and back here afterwards. */
export function RequireAuth({ children }: { children: ReactNode }) {
  const status = useStore((s) => s.sessionStatus);
  const location = useLocation();
  if (status === "unknown") return <PageLoading />;
  if (status === "guest") {
    const next = encodeURIComponent(location.pathname + location.search);
    return <Navigate to={`/login?next=${next}`} replace />;
  }
  return <>{children}</>;
}

/** Only same-site paths are followed after login (no `//evil.example` or `https://…`). */
export function safeNext(next: string | null): string {
  if (!next || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\")) return "/";
  return next;
}

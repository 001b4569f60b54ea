import { useEffect, useId, useRef } from "react";
import { Link, useLocation } from "react-router";
import { BellIcon } from "../../components/icons";
import { Spinner } from "../../components/Spinner";
import { useScopedFlag } from "../../components/useScopedFlag";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { notificationSelectors } from "./notifications.slice";
import { NotificationItem } from "./NotificationItem";
import "./notifications.css";

/** Entries the panel shows; the rest are on `/notifications`. */
const PANEL_SIZE = 8;

/**
 * The header's bell for a signed-in person: the unread count (read at sign-in, then kept live by
 * `notification:created`) and a panel of the latest entries: a popover on wide screens, a sheet under
 * the header on phones. Escape, a click or focus elsewhere, and navigation close it.
 */
export function NotificationBell() {
  const t = useT();
  const location = useLocation();
  const me = useStore((s) => s.currentUserId);
  const unread = useStore(notificationSelectors.unread);
  const list = useStore(notificationSelectors.list("all"));
  const byId = useStore((s) => s.notificationsById);
  const loadUnread = useStore((s) => s.loadUnreadCount);
  const load = useStore((s) => s.loadNotifications);
  const reset = useStore((s) => s.internal_notificationsReset);
  const markRead = useStore((s) => s.markNotificationsRead);
  const pushToast = useStore((s) => s.pushToast);
  const [open, setOpen] = useScopedFlag(location.pathname + location.hash);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();
  const titleId = useId();

  // One person's inbox: read at sign-in, forgotten at sign-out or when someone else signs in.
  useEffect(() => {
    if (!me) return;
    void loadUnread().catch(() => undefined);
    return () => reset();
  }, [me, loadUnread, reset]);

  useEffect(() => {
    if (open) void load("all");
  }, [open, load]);

  useEffect(() => {
    if (!open) return;
    const outside = (e: Event) => e.target instanceof Node && !rootRef.current?.contains(e.target);
    const onPointer = (e: PointerEvent) => outside(e) && setOpen(false);
    const onFocus = (e: FocusEvent) => outside(e) && setOpen(false);
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== "Escape") return;
      setOpen(false);
      buttonRef.current?.focus();
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("focusin", onFocus);
    document.addEventListener("keydown", onKey);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("focusin", onFocus);
      document.removeEventListener("keydown", onKey);
    };
  }, [open, setOpen]);

  if (!me) return null;
  const count = unread ?? 0;
  const items = list.ids.slice(0, PANEL_SIZE).flatMap((id) => (byId[id] ? [byId[id]] : []));

  const markAll = () =>
    void markRead({ all: true }).catch(() =>
      pushToast({ tone: "error", message: "notifications.toast.readFailed" }),
    );

  return (
    <div className="notif-bell" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="notif-bell__button"
        aria-expanded={open}
        aria-controls={panelId}
        aria-label={count > 0 ? t("notifications.bell.unread", { count }) : t("notifications.bell")}
        data-testid="notification-bell"
        data-count={count}
        onClick={() => setOpen((o) => !o)}
      >
        <BellIcon />
        {count > 0 && (
          <span className="notif-bell__count" aria-hidden="true" data-testid="notification-count">
            {count > 99 ? "99+" : count}
          </span>
        )}
      </button>
      {open && (
        <section
          className="notif-panel"
          id={panelId}
          aria-labelledby={titleId}
          data-testid="notification-panel"
        >
          <header className="notif-panel__head">
            <h2 className="notif-panel__title" id={titleId}>
              {t("notifications.panel.title")}
            </h2>
            {count > 0 && (
              <button
                type="button"
                className="notif-panel__action"
                onClick={markAll}
                data-testid="notification-mark-all"
              >
                {t("notifications.markAllRead")}
              </button>
            )}
          </header>
          {list.status === "loading" && items.length === 0 ? (
            <div className="notif-panel__state">
              <Spinner label={t("ui.loading")} />
            </div>
          ) : list.status === "error" && items.length === 0 ? (
            <p className="notif-panel__state" role="alert">
              {t("notifications.error")}
            </p>
          ) : items.length === 0 ? (
            <div className="notif-panel__state" data-testid="notification-empty">
              <p className="notif-panel__empty-title">{t("notifications.empty.title")}</p>
              <p>{t("notifications.empty.body")}</p>
            </div>
          ) : (
            <ul className="notif-list notif-list--panel">
              {items.map((n) => (
                <NotificationItem key={n.id} notification={n} onOpen={() => setOpen(false)} />
              ))}
            </ul>
          )}
          <Link to="/notifications" className="notif-panel__all" data-testid="notification-see-all">
            {t("notifications.panel.all")}
          </Link>
        </section>
      )}
    </div>
  );
}

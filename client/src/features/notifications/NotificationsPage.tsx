import { useEffect } from "react";
import { Link, useSearchParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Skeleton } from "../../components/Skeleton";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { notificationSelectors, type InboxFilter } from "./notifications.slice";
import { NotificationItem } from "./NotificationItem";
import "./notifications.css";

/**
 * `/notifications`: the whole inbox, newest first, a page at a time ("load more" follows the cursor),
 * all or only unread (`?unread=1`), with "mark read" per entry and for all of them.
 */
export function NotificationsPage() {
  const t = useT();
  const [params, setParams] = useSearchParams();
  const filter: InboxFilter = params.get("unread") === "1" ? "unread" : "all";
  const list = useStore(notificationSelectors.list(filter));
  const byId = useStore((s) => s.notificationsById);
  const unread = useStore(notificationSelectors.unread) ?? 0;
  const load = useStore((s) => s.loadNotifications);
  const markRead = useStore((s) => s.markNotificationsRead);
  const pushToast = useStore((s) => s.pushToast);
  usePageTitle(t("notifications.page.title"));

  useEffect(() => {
    void load(filter);
  }, [filter, load]);

  const choose = (next: InboxFilter) => {
    const p = new URLSearchParams(params);
    if (next === "unread") p.set("unread", "1");
    else p.delete("unread");
    setParams(p, { replace: true });
  };

  // In the unread view an entry read here stays until the list is read again, so it does not jump away.
  const items = list.ids.flatMap((id) => (byId[id] ? [byId[id]] : []));

  return (
    <div className="page page--narrow notif-page" data-testid="notifications-page">
      <header className="page-header">
        <h1 className="page-title">{t("notifications.page.title")}</h1>
        <p className="page-lead">
          {t("notifications.page.lead")}{" "}
          <Link to="/account/notifications" className="notif-page__settings">
            {t("notifications.page.settings")}
          </Link>
        </p>
      </header>
      <div className="notif-page__tools">
        <div className="notif-page__filters" role="group" aria-label={t("notifications.filter.label")}>
          {(["all", "unread"] as const).map((f) => (
            <button
              key={f}
              type="button"
              className="notif-page__filter"
              aria-pressed={filter === f}
              onClick={() => choose(f)}
              data-testid={`notifications-filter-${f}`}
            >
              {t(f === "all" ? "notifications.filter.all" : "notifications.filter.unread")}
            </button>
          ))}
        </div>
        <Button
          variant="secondary"
          size="sm"
          disabled={unread === 0}
          onClick={() =>
            void markRead({ all: true }).catch(() =>
              pushToast({ tone: "error", message: "notifications.toast.readFailed" }),
            )
          }
          data-testid="notifications-mark-all"
        >
          {t("notifications.markAllRead")}
        </Button>
      </div>

      {(list.status === "loading" || list.status === "idle") && items.length === 0 ? (
        <div className="card" aria-busy="true">
          <Skeleton width="70%" />
          <Skeleton width="50%" />
          <Skeleton width="60%" />
          <span className="sr-only">{t("ui.loading")}</span>
        </div>
      ) : list.status === "error" && items.length === 0 ? (
        <EmptyState
          title={t("notifications.error")}
          action={<Button onClick={() => void load(filter)}>{t("notifications.retry")}</Button>}
        />
      ) : items.length === 0 ? (
        <div data-testid="notifications-empty">
          <EmptyState
            title={t(filter === "unread" ? "notifications.empty.unread" : "notifications.empty.title")}
          >
            {filter === "all" && t("notifications.empty.body")}
          </EmptyState>
        </div>
      ) : (
        <>
          <ul className="card notif-list notif-page__list" data-testid="notifications-list">
            {items.map((n) => (
              <NotificationItem key={n.id} notification={n} withMarkButton />
            ))}
          </ul>
          {list.nextCursor && (
            <div className="notif-page__more">
              <Button
                variant="secondary"
                loading={list.status === "loadingMore"}
                onClick={() => void load(filter, { more: true })}
                data-testid="notifications-more"
              >
                {t("notifications.loadMore")}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

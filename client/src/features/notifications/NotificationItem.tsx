import type { NotificationDto } from "@rembuk/shared";
import { Link } from "react-router";
import { Avatar } from "../../components/Avatar";
import { BellIcon, CheckIcon } from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { notificationWording } from "./notification.words";

/**
 * One inbox entry: who, what and where in a sentence, a moderator's reason when there is one, and
 * when. Opening it marks it read; in the inbox an unread entry also has its own "mark read" button.
 */
export function NotificationItem({
  notification: n,
  onOpen,
  withMarkButton = false,
}: {
  notification: NotificationDto;
  onOpen?: () => void;
  withMarkButton?: boolean;
}) {
  const t = useT();
  const f = useFormat();
  const markRead = useStore((s) => s.markNotificationsRead);
  const pushToast = useStore((s) => s.pushToast);
  const unread = n.readAt === null;
  const words = notificationWording(n, t("notifications.someone"), t("notifications.place"));

  const mark = () =>
    void markRead({ ids: [n.id] }).catch(() =>
      pushToast({ tone: "error", message: "notifications.toast.readFailed" }),
    );

  return (
    <li
      className={unread ? "notif-item notif-item--unread" : "notif-item"}
      data-testid="notification"
      data-unread={unread}
    >
      <Link
        to={n.target.url}
        className="notif-item__link"
        data-testid="notification-link"
        onClick={() => {
          if (unread) mark();
          onOpen?.();
        }}
      >
        <span className="notif-item__who">
          {n.actor ? (
            <Avatar name={n.actor.name} seed={n.actor.id} size="sm" />
          ) : (
            <span className="notif-item__icon">
              <BellIcon />
            </span>
          )}
        </span>
        <span className="notif-item__body">
          <span className="notif-item__text">{t(words.key, words.params)}</span>
          {n.reason && (
            <span className="notif-item__reason">{t("notifications.reason", { reason: n.reason })}</span>
          )}
          <time className="notif-item__time" dateTime={n.createdAt}>
            {f.relative(n.createdAt)}
          </time>
        </span>
        {unread && (
          <span className="notif-item__dot">
            <span className="sr-only">{t("notifications.unreadMark")}</span>
          </span>
        )}
      </Link>
      {withMarkButton && unread && (
        <button
          type="button"
          className="notif-item__mark"
          onClick={mark}
          aria-label={`${t("notifications.markRead")}: ${t(words.key, words.params)}`}
          title={t("notifications.markRead")}
          data-testid="notification-mark-read"
        >
          <CheckIcon />
        </button>
      )}
    </li>
  );
}

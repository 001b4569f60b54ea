import type { NotificationDto } from "@rembuk/shared";
import type { RealtimeSocket } from "../../lib/socket";
import type { useStore } from "../../store";

/**
 * `notification:created` (sent to the recipient's own `user:` room) → the bell and the inbox. After a
 * reconnect whatever was missed meanwhile is read again: the count, and the lists already shown.
 */
export function bindNotificationsSocket(socket: RealtimeSocket, store: typeof useStore): () => void {
  const onCreated = ({ notification }: { notification: NotificationDto }) =>
    store.getState().internal_notificationCreated(notification);
  const onConnect = () => {
    const s = store.getState();
    if (!s.currentUserId || s.notificationsUnread === null) return;
    void s.loadUnreadCount().catch(() => undefined);
    for (const filter of ["all", "unread"] as const)
      if (s.notificationLists[filter].status !== "idle") void s.loadNotifications(filter);
  };
  socket.on("notification:created", onCreated);
  socket.on("connect", onConnect);
  return () => {
    socket.off("notification:created", onCreated);
    socket.off("connect", onConnect);
  };
}

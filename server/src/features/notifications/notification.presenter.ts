import type { NotificationDto } from "@rembuk/shared";
import { loadUserSummaries } from "../users/index.js";
import type { NotificationRecord } from "./notification.model.js";

/** Inbox entries as their recipient sees them; `createdAt` is the latest merged event's time. */
export async function presentNotifications(rows: readonly NotificationRecord[]): Promise<NotificationDto[]> {
  const actors = await loadUserSummaries(rows.map((r) => r.actorId));
  return rows.map((r) => {
    const dto: NotificationDto = {
      id: r._id.toString(),
      kind: r.kind,
      createdAt: r.lastAt.toISOString(),
      readAt: r.readAt ? r.readAt.toISOString() : null,
      count: r.count,
      target: { type: r.target.type, id: r.target.id, url: r.target.url },
    };
    const actor = r.actorId ? actors.get(r.actorId.toString()) : undefined;
    if (actor) dto.actor = actor;
    if (r.title) dto.title = r.title;
    if (r.detail) dto.detail = r.detail;
    if (r.reason) dto.reason = r.reason;
    return dto;
  });
}

import { useState } from "react";
import { Link } from "react-router";
import type { RoomDto } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ShieldIcon } from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { useSiteCan } from "../../lib/abilities";
import { VisibilityBadge } from "./RoomCard";
import { RoomFormDialog } from "./RoomFormDialog";
import { localized } from "../../lib/locale";
import "../admin/admin.css";
import "./rooms.css";

/** `/admin/rooms`: admins create rooms and edit any room's names, access, slow mode and moderators. */
export function AdminRoomsPage() {
  const t = useT();
  const f = useFormat();
  const allowed = useSiteCan().createRoom;
  const order = useStore((s) => s.roomOrder);
  const roomsById = useStore((s) => s.roomsById);
  const locale = useStore((s) => s.locale);
  const [editing, setEditing] = useState<RoomDto | "new" | null>(null);
  usePageTitle(t("rooms.admin.title"));

  if (!allowed) {
    return (
      <div className="page page--narrow" data-testid="admin-forbidden">
        <EmptyState as="h1" title={t("rooms.admin.title")} icon={<ShieldIcon />}>
          {t("rooms.admin.forbidden")}
        </EmptyState>
      </div>
    );
  }

  const rooms = order.map((id) => roomsById[id]).filter((r): r is RoomDto => Boolean(r));
  return (
    <div className="page page--wide">
      <header className="page-header rooms-page__head">
        <div>
          <h1 className="page-title">{t("rooms.admin.title")}</h1>
          <p className="page-lead">{t("rooms.admin.lead")}</p>
        </div>
        <Button onClick={() => setEditing("new")} data-testid="room-create">
          {t("rooms.admin.create")}
        </Button>
      </header>
      <div className="admin__table-wrap card">
        <table className="admin-table">
          <thead>
            <tr>
              <th scope="col">{t("rooms.admin.col.room")}</th>
              <th scope="col">{t("rooms.admin.col.visibility")}</th>
              <th scope="col">{t("rooms.admin.col.slowMode")}</th>
              <th scope="col">{t("rooms.admin.col.threads")}</th>
              <th scope="col">
                <span className="sr-only">{t("rooms.admin.edit")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rooms.map((room) => (
              <tr key={room.id} className="admin-row" data-testid="admin-room-row">
                <td>
                  <Link to={`/rooms/${room.slug}`} className="admin-row__name">
                    {localized(room.name, locale)}
                  </Link>
                  <div className="muted">/{room.slug}</div>
                </td>
                <td data-label={t("rooms.admin.col.visibility")}>
                  {room.visibility === "public" ? (
                    t("rooms.visibility.public")
                  ) : (
                    <VisibilityBadge visibility={room.visibility} />
                  )}
                </td>
                <td data-label={t("rooms.admin.col.slowMode")}>
                  {room.slowModeSeconds > 0 ? f.duration(room.slowModeSeconds) : t("rooms.admin.off")}
                </td>
                <td data-label={t("rooms.admin.col.threads")}>{f.number(room.threadCount)}</td>
                <td>
                  <Button
                    size="sm"
                    variant="secondary"
                    onClick={() => setEditing(room)}
                    data-testid="admin-room-edit"
                  >
                    {t("rooms.admin.edit")}
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {editing && (
        <RoomFormDialog room={editing === "new" ? null : editing} onClose={() => setEditing(null)} />
      )}
    </div>
  );
}

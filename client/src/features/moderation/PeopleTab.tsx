import { useEffect, useState } from "react";
import { Link } from "react-router";
import type { RoomDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { useAction } from "../../components/form/useAction";
import { EmptyState } from "../../components/EmptyState";
import { Skeleton } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useLocale, useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { localized } from "../../lib/locale";
import { PeopleIcon } from "../../components/icons";
import { useRoomList } from "./useRoomList";
import { useModAction, useModErrorToast } from "./useModAction";

const SLOW_MODES = [0, 10, 30, 60, 300, 900, 3600] as const;

/** Suspensions now in force (global moderators and admins) and the moderation settings of one's rooms. */
export function PeopleTab({ global }: { global: boolean }) {
  const t = useT();
  return (
    <div className="mod-section mod-people">
      {global ? (
        <SuspendedList />
      ) : (
        <p className="section-lead">{t("moderation.people.suspended.onlyGlobal")}</p>
      )}
      <RoomSettings global={global} />
    </div>
  );
}

function SuspendedList() {
  const t = useT();
  const f = useFormat();
  const ids = useStore((s) => s.suspendedIds);
  const status = useStore((s) => s.suspendedStatus);
  const users = useStore((s) => s.usersById);
  const loadSuspended = useStore((s) => s.loadSuspended);
  const lift = useStore((s) => s.liftSuspensionFromList);
  const run = useModAction();
  useEffect(() => {
    void loadSuspended();
  }, [loadSuspended]);

  return (
    <section aria-labelledby="mod-suspended">
      <h2 className="section-title" id="mod-suspended">
        {t("moderation.people.suspended.title")}
      </h2>
      <p className="section-lead mod-lead">{t("moderation.people.suspended.lead")}</p>
      {status === "loading" && ids.length === 0 ? (
        <Skeleton width="60%" />
      ) : ids.length === 0 ? (
        <EmptyState title={t("moderation.people.suspended.empty")} icon={<PeopleIcon />} />
      ) : (
        <ul className="mod-list" data-testid="suspended-list">
          {ids.map((id) => {
            const u = users[id];
            if (!u) return null;
            const until = "suspendedUntil" in u ? u.suspendedUntil : null;
            const reason = "suspendReason" in u ? u.suspendReason : null;
            return (
              <li key={id} className="mod-card mod-card--row" data-testid="suspended-user">
                <div>
                  <Link to={`/users/${id}`} className="mod-card__name">
                    {u.name}
                  </Link>
                  {u.title && <span className="muted"> · {u.title}</span>}
                  <p className="mod-card__who">
                    {until && t("moderation.people.suspended.until", { date: f.dateTime(until) })}
                    {reason && ` · ${reason}`}
                  </p>
                </div>
                <Button
                  size="sm"
                  variant="secondary"
                  onClick={() =>
                    void run(() => lift(id), "moderation.people.suspended.lifted").then(() => undefined)
                  }
                  data-testid="suspended-lift"
                >
                  {t("moderation.people.suspended.lift")}
                </Button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}

function RoomSettings({ global }: { global: boolean }) {
  const t = useT();
  const scopeRooms = useStore((s) => s.modScope?.roomIds);
  const rooms = useRoomList();
  const mine = global ? rooms : rooms.filter((r) => scopeRooms?.includes(r.id));
  return (
    <section aria-labelledby="mod-rooms">
      <h2 className="section-title" id="mod-rooms">
        {t("moderation.rooms.title")}
      </h2>
      <p className="section-lead mod-lead">{t("moderation.rooms.lead")}</p>
      <ul className="mod-list" data-testid="room-settings">
        {mine.map((room) => (
          <RoomSettingsRow key={room.id} room={room} />
        ))}
      </ul>
    </section>
  );
}

function RoomSettingsRow({ room }: { room: RoomDto }) {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const updateRoom = useStore((s) => s.updateRoom);
  const toast = useStore((s) => s.pushToast);
  const [slow, setSlow] = useState(room.slowModeSeconds);
  const [pre, setPre] = useState(room.preModerated);
  const saving = useAction();
  const failed = useModErrorToast();
  const dirty = slow !== room.slowModeSeconds || pre !== room.preModerated;
  const name = localized(room.name, locale);
  const options: number[] = SLOW_MODES.some((s) => s === room.slowModeSeconds)
    ? [...SLOW_MODES]
    : [...SLOW_MODES, room.slowModeSeconds].sort((a, b) => a - b);

  const save = () => {
    const patch = {
      ...(slow !== room.slowModeSeconds ? { slowModeSeconds: slow } : {}),
      ...(pre !== room.preModerated ? { preModerated: pre } : {}),
    };
    return saving.run(async () => {
      await updateRoom(room.slug, patch);
      toast({ tone: "success", message: "moderation.rooms.saved", params: { room: name } });
    }, failed);
  };

  return (
    <li className="mod-card mod-card--row" data-testid="room-setting" data-slug={room.slug}>
      <Link to={`/rooms/${room.slug}`} className="mod-card__name">
        {name}
      </Link>
      <div className="mod-room-controls">
        <label className="mod-inline-field">
          <span>{t("moderation.rooms.slowMode")}</span>
          <select
            className="input input--compact"
            value={slow}
            onChange={(e) => setSlow(Number(e.target.value))}
            data-testid="room-slow-mode"
          >
            {options.map((s) => (
              <option key={s} value={s}>
                {s === 0 ? t("moderation.rooms.slowMode.off") : f.duration(s)}
              </option>
            ))}
          </select>
        </label>
        <label className="mod-check">
          <input
            type="checkbox"
            checked={pre}
            onChange={(e) => setPre(e.target.checked)}
            data-testid="room-premoderated"
          />
          <span>{t("moderation.rooms.preModerated")}</span>
        </label>
        <Button
          size="sm"
          disabled={!dirty}
          loading={saving.busy}
          onClick={() => void save()}
          data-testid="room-settings-save"
        >
          {t("moderation.rooms.save")}
        </Button>
      </div>
    </li>
  );
}

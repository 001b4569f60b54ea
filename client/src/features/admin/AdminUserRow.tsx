import { useState } from "react";
import { Link } from "react-router";
import { Role, type Role as RoleValue } from "@rembuk/shared";
import { Avatar } from "../../components/Avatar";
import { Badge, VerifiedIcon } from "../../components/Badge";
import { Button } from "../../components/Button";
import { useAction } from "../../components/form/useAction";
import { describeError } from "../../lib/errors";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { UserAffiliation, roleKey } from "../users";

/** One user in the admin list: role select, verified switch, suspension state and action. */
export function AdminUserRow({ id, onSuspend }: { id: string; onSuspend: () => void }) {
  const t = useT();
  const fmt = useFormat();
  const user = useStore((s) => s.usersById[id]);
  const isSelf = useStore((s) => s.currentUserId === id);
  const locale = useStore((s) => s.locale);
  const setUserRole = useStore((s) => s.setUserRole);
  const setUserVerified = useStore((s) => s.setUserVerified);
  const liftSuspension = useStore((s) => s.liftSuspension);
  const pushToast = useStore((s) => s.pushToast);
  const action = useAction<"role" | "verified" | "lift">();
  const pending = action.running;
  // Render stays pure: "suspended" is judged against when the row appeared (the list reloads often).
  const [now] = useState(() => Date.now());

  if (!user) return null;
  const suspended = Boolean(user.suspendedUntil && new Date(user.suspendedUntil).getTime() > now);

  const run = (kind: "role" | "verified" | "lift", work: () => Promise<void>, onDone: () => void) =>
    action.run(
      async () => {
        await work();
        onDone();
      },
      (e) => {
        const { key, params } = describeError(e, locale);
        pushToast({ tone: "error", message: key, params });
      },
      { key: kind },
    );

  const onRole = (value: string) => {
    const parsed = Role.safeParse(value);
    if (!parsed.success) return;
    const role: RoleValue = parsed.data;
    void run(
      "role",
      () => setUserRole(id, role),
      () =>
        pushToast({
          tone: "success",
          message: "admin.toast.roleChanged",
          params: { name: user.name, role: t(roleKey(role)) },
        }),
    );
  };

  const onVerified = (verified: boolean) =>
    void run(
      "verified",
      () => setUserVerified(id, verified),
      () =>
        pushToast({
          tone: "success",
          message: verified ? "admin.toast.verified" : "admin.toast.unverified",
          params: { name: user.name },
        }),
    );

  const onLift = () =>
    void run(
      "lift",
      () => liftSuspension(id),
      () => pushToast({ tone: "success", message: "admin.toast.unsuspended", params: { name: user.name } }),
    );

  return (
    <tr
      className={suspended ? "admin-row admin-row--suspended" : "admin-row"}
      data-testid="admin-user-row"
      data-user-id={id}
    >
      <td>
        <div className="admin-row__user">
          <Avatar name={user.name} seed={user.id} size="md" />
          <span className="admin-row__who">
            <span className="admin-row__name-line">
              <Link to={`/users/${encodeURIComponent(user.id)}`} className="admin-row__name">
                {user.name}
              </Link>
              {user.verified && (
                <span className="admin-row__seal" title={t("users.verified")}>
                  <VerifiedIcon />
                  <span className="sr-only">{t("users.verified")}</span>
                </span>
              )}
            </span>
            {isSelf && <span className="admin-row__you">{t("admin.you")}</span>}
            {user.email && (
              <span className="admin-row__email" title={user.email}>
                {user.email}
              </span>
            )}
          </span>
        </div>
      </td>
      <td className="admin-row__aff" data-label={t("admin.col.affiliation")}>
        {user.title && <span className="admin-row__title">{user.title}</span>}
        <UserAffiliation affiliation={user.affiliation} />
      </td>
      <td data-label={t("admin.col.role")}>
        <label className="sr-only" htmlFor={`role-${id}`}>
          {t("admin.roleFor", { name: user.name })}
        </label>
        <select
          id={`role-${id}`}
          className="input select select--compact"
          value={user.role}
          disabled={isSelf || pending === "role"}
          title={isSelf ? t("admin.selfLocked") : undefined}
          onChange={(e) => onRole(e.target.value)}
          data-testid="admin-role-select"
        >
          {Role.options.map((r) => (
            <option key={r} value={r}>
              {t(roleKey(r))}
            </option>
          ))}
        </select>
      </td>
      <td data-label={t("admin.col.verified")}>
        <label className="switch">
          <input
            type="checkbox"
            role="switch"
            checked={user.verified}
            disabled={pending === "verified"}
            onChange={(e) => onVerified(e.target.checked)}
            data-testid="admin-verify-toggle"
            aria-label={t("admin.verifyFor", { name: user.name })}
          />
          <span className="switch__track" aria-hidden="true">
            <span className="switch__thumb" />
          </span>
          <span className="switch__text" aria-hidden="true">
            {user.verified ? t("users.verified") : t("admin.notVerified")}
          </span>
        </label>
      </td>
      <td data-label={t("admin.col.status")} className="admin-row__status">
        {suspended && user.suspendedUntil ? (
          <>
            <Badge tone="danger">
              {t("admin.status.suspendedUntil", { date: fmt.shortDate(user.suspendedUntil) })}
            </Badge>
            {user.suspendReason && <span className="admin-row__reason">{user.suspendReason}</span>}
            <Button
              variant="secondary"
              size="sm"
              loading={pending === "lift"}
              onClick={onLift}
              aria-label={t("admin.unsuspendFor", { name: user.name })}
              data-testid="admin-unsuspend"
            >
              {t("admin.unsuspend")}
            </Button>
          </>
        ) : (
          <>
            <Badge tone="neutral">{t("admin.status.active")}</Badge>
            <Button
              variant="ghost"
              size="sm"
              className="btn--danger-text"
              disabled={isSelf}
              title={isSelf ? t("admin.selfLocked") : undefined}
              onClick={onSuspend}
              aria-label={t("admin.suspendFor", { name: user.name })}
              data-testid="admin-suspend"
            >
              {t("admin.suspend")}
            </Button>
          </>
        )}
      </td>
    </tr>
  );
}

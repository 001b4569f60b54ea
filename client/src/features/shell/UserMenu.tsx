import { useEffect, useId, useRef } from "react";
import { Link, useLocation, useNavigate } from "react-router";
import { Avatar } from "../../components/Avatar";
import { buttonClass } from "../../components/Button";
import { useAction } from "../../components/form/useAction";
import {
  ChevronDownIcon,
  InboxIcon,
  LockIcon,
  LogoutIcon,
  PencilIcon,
  ShieldIcon,
  UserIcon,
} from "../../components/icons";
import { Skeleton } from "../../components/Skeleton";
import { useT } from "../../lib/i18n";
import { useScopedFlag } from "../../components/useScopedFlag";
import { useStore } from "../../store";
import { useSiteCan } from "../../lib/abilities";

/** Account disclosure menu for a signed-in user; Masuk/Daftar links for a guest. */
export function UserMenu() {
  const t = useT();
  const status = useStore((s) => s.sessionStatus);
  const user = useStore((s) => (s.currentUserId ? s.usersById[s.currentUserId] : undefined));
  const site = useSiteCan();
  const logout = useStore((s) => s.logout);
  const pushToast = useStore((s) => s.pushToast);
  const navigate = useNavigate();
  const location = useLocation();
  // Closes on navigation.
  const [open, setOpen] = useScopedFlag(location.pathname);
  const logoutAction = useAction();
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (e.target instanceof Node && !rootRef.current?.contains(e.target)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setOpen(false);
        buttonRef.current?.focus();
      }
    };
    const onFocus = (e: FocusEvent) => {
      if (e.target instanceof Node && !rootRef.current?.contains(e.target)) setOpen(false);
    };
    document.addEventListener("pointerdown", onPointer);
    document.addEventListener("keydown", onKey);
    document.addEventListener("focusin", onFocus);
    return () => {
      document.removeEventListener("pointerdown", onPointer);
      document.removeEventListener("keydown", onKey);
      document.removeEventListener("focusin", onFocus);
    };
  }, [open, setOpen]);

  if (status === "unknown") {
    return (
      <div className="user-menu user-menu--loading" aria-hidden="true">
        <Skeleton width="2.25rem" height="2.25rem" className="skeleton--round" />
      </div>
    );
  }

  if (!user) {
    return (
      <div className="guest-links">
        <Link
          to="/login"
          className={buttonClass("ghost", "sm", "guest-links__login")}
          data-testid="nav-login"
        >
          {t("shell.guest.login")}
        </Link>
        <Link
          to="/register"
          className={buttonClass("primary", "sm", "guest-links__register")}
          data-testid="nav-register"
        >
          {t("shell.guest.register")}
        </Link>
      </div>
    );
  }

  const onLogout = () =>
    logoutAction.run(
      async () => {
        await logout();
        setOpen(false);
        pushToast({ tone: "info", message: "shell.toast.loggedOut" });
        navigate("/");
      },
      () => pushToast({ tone: "error", message: "shell.toast.logoutFailed" }),
    );

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="user-menu__button"
        data-testid="user-menu"
        aria-expanded={open}
        aria-controls={panelId}
        onClick={() => setOpen((o) => !o)}
      >
        <Avatar name={user.name} seed={user.id} size="sm" />
        <span className="user-menu__name">
          <span className="sr-only">{t("shell.user.menu")}: </span>
          {user.name}
        </span>
        <ChevronDownIcon />
      </button>
      {open && (
        <div className="user-menu__panel" id={panelId}>
          <div className="user-menu__who">
            <span className="user-menu__caption">{t("shell.user.signedInAs")}</span>
            <span className="user-menu__fullname">{user.name}</span>
            {user.email && <span className="user-menu__email">{user.email}</span>}
          </div>
          <ul className="user-menu__list">
            <li>
              <Link
                to={`/users/${encodeURIComponent(user.id)}`}
                className="user-menu__item"
                data-testid="menu-profile"
              >
                <UserIcon />
                {t("shell.user.profile")}
              </Link>
            </li>
            <li>
              <Link to="/profile/edit" className="user-menu__item" data-testid="menu-edit-profile">
                <PencilIcon />
                {t("shell.user.editProfile")}
              </Link>
            </li>
            <li>
              <Link to="/account" className="user-menu__item" data-testid="menu-account">
                <LockIcon />
                {t("account.title")}
              </Link>
            </li>
            {site.viewOutbox && (
              <li>
                <Link to="/admin/outbox" className="user-menu__item" data-testid="menu-outbox">
                  <InboxIcon />
                  {t("outbox.menu")}
                </Link>
              </li>
            )}
            {site.manageUsers && (
              <li>
                <Link to="/admin/users" className="user-menu__item" data-testid="menu-admin-users">
                  <ShieldIcon />
                  {t("shell.user.admin")}
                </Link>
              </li>
            )}
            {site.createRoom && (
              <li>
                <Link to="/admin/rooms" className="user-menu__item" data-testid="menu-admin-rooms">
                  <ShieldIcon />
                  {t("rooms.list.manage")}
                </Link>
              </li>
            )}
            <li className="user-menu__sep" role="presentation" />
            <li>
              <button
                type="button"
                className="user-menu__item"
                data-testid="logout"
                onClick={() => void onLogout()}
                disabled={logoutAction.busy}
              >
                <LogoutIcon />
                {t("shell.user.logout")}
              </button>
            </li>
          </ul>
        </div>
      )}
    </div>
  );
}

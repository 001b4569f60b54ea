import { Suspense, useEffect, useRef, type MouseEvent } from "react";
import { Link, Outlet, useLocation } from "react-router";
import { LogoMark, CloseIcon, MenuIcon } from "../../components/icons";
import { PageLoading } from "../../components/PageLoading";
import { Toaster } from "../../components/Toaster";
import { useT } from "../../lib/i18n";
import { useScopedFlag } from "../../components/useScopedFlag";
import { useStore } from "../../store";
import { ConnectionIndicator } from "./ConnectionIndicator";
import { LanguageSwitch } from "./LanguageSwitch";
import { PageSkipLinkProvider } from "../../components/pageSkipLink";
import { RoomNav } from "./RoomNav";
import { UserMenu } from "./UserMenu";
import { HeaderSearch } from "../search";
import { NotificationBell } from "../notifications";
import "./shell.css";

/** Header, room navigation (sidebar on desktop, menu panel on phones), main content and toasts. */
export function AppShell() {
  const t = useT();
  const location = useLocation();
  const loadRooms = useStore((s) => s.loadRooms);
  // The phone menu closes on navigation.
  const [navOpen, setNavOpen] = useScopedFlag(location.pathname);
  const mainRef = useRef<HTMLElement>(null);
  const menuButtonRef = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);

  useEffect(() => {
    void loadRooms();
  }, [loadRooms]);

  // On navigation: move focus to the new page, as a full load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus({ preventScroll: true });
    window.scrollTo?.({ top: 0 });
  }, [location.pathname]);

  useEffect(() => {
    if (!navOpen) return;
    const onKey = (e: KeyboardEvent) => {
      if (e.key === "Escape") {
        setNavOpen(false);
        menuButtonRef.current?.focus();
      }
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [navOpen, setNavOpen]);

  const skipToContent = (e: MouseEvent<HTMLAnchorElement>) => {
    e.preventDefault();
    mainRef.current?.focus();
  };

  return (
    <div className="app">
      <PageSkipLinkProvider
        render={(link) => (
          <>
            <a className="skip-link" href="#main" onClick={skipToContent}>
              {t("shell.skipToContent")}
            </a>
            {link && (
              <a
                className="skip-link"
                href={`#${link.targetId}`}
                data-testid="page-skip-link"
                onClick={(e) => {
                  e.preventDefault();
                  link.activate();
                }}
              >
                {link.label}
              </a>
            )}
          </>
        )}
      >
        <header className="app-header">
          <div className="app-header__inner">
            <button
              ref={menuButtonRef}
              type="button"
              className="app-header__menu"
              aria-expanded={navOpen}
              aria-controls="app-sidebar"
              aria-label={navOpen ? t("shell.menu.close") : t("shell.menu.open")}
              data-testid="menu-toggle"
              onClick={() => setNavOpen((o) => !o)}
            >
              {navOpen ? <CloseIcon /> : <MenuIcon />}
            </button>
            <Link to="/" className="wordmark" aria-label={t("shell.homeLink")}>
              <LogoMark />
              <span className="wordmark__text">Rembuk</span>
            </Link>
            <span className="app-header__tagline">{t("shell.tagline")}</span>
            <HeaderSearch />
            <div className="app-header__tools">
              <ConnectionIndicator />
              <LanguageSwitch />
              <NotificationBell />
              <UserMenu />
            </div>
          </div>
        </header>
        <div className="app__body">
          <aside id="app-sidebar" className={navOpen ? "sidebar sidebar--open" : "sidebar"}>
            <RoomNav />
          </aside>
          {navOpen && <div className="sidebar-scrim" aria-hidden="true" onClick={() => setNavOpen(false)} />}
          <main id="main" ref={mainRef} tabIndex={-1} className="app__main">
            <Suspense fallback={<PageLoading />}>
              <Outlet />
            </Suspense>
          </main>
        </div>
        <footer className="app-footer">
          <LogoMark size={20} />
          <span>{t("shell.footer")}</span>
        </footer>
        <Toaster />
      </PageSkipLinkProvider>
    </div>
  );
}

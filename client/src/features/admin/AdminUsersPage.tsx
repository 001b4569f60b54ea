import { useEffect, useRef, useState } from "react";
import { useShallow } from "zustand/react/shallow";
import { usePageTitle } from "../../app/usePageTitle";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/Field";
import { SearchIcon, ShieldIcon } from "../../components/icons";
import { Skeleton } from "../../components/Skeleton";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { useSiteCan } from "../../lib/abilities";
import "../users/users.css";
import "./admin.css";
import { AdminUserRow } from "./AdminUserRow";
import { SuspendDialog } from "./SuspendDialog";

const SEARCH_DEBOUNCE_MS = 300;

/** `/admin/users`: admins only. Non-admins get an explanation and no request is made. */
export function AdminUsersPage() {
  const t = useT();
  const allowed = useSiteCan().manageUsers;
  usePageTitle(t("admin.pageTitle"));
  if (!allowed) {
    return (
      <div className="page page--narrow" data-testid="admin-forbidden">
        <EmptyState as="h1" title={t("admin.forbidden.title")} icon={<ShieldIcon />}>
          {t("admin.forbidden.body")}
        </EmptyState>
      </div>
    );
  }
  return <AdminUsers />;
}

function AdminUsers() {
  const t = useT();
  const list = useStore(
    useShallow((s) => ({
      ids: s.adminUsers.ids,
      status: s.adminUsers.status,
      nextCursor: s.adminUsers.nextCursor,
      query: s.adminUsers.query,
    })),
  );
  const loadAdminUsers = useStore((s) => s.loadAdminUsers);
  const loadMore = useStore((s) => s.loadMoreAdminUsers);
  const [search, setSearch] = useState(list.query);
  const [suspending, setSuspending] = useState<string | null>(null);

  // The first load runs at once; later keystrokes wait until typing pauses.
  const firstRun = useRef(true);
  useEffect(() => {
    const delay = firstRun.current ? 0 : SEARCH_DEBOUNCE_MS;
    firstRun.current = false;
    const timer = setTimeout(() => void loadAdminUsers(search), delay);
    return () => clearTimeout(timer);
  }, [search, loadAdminUsers]);

  const showSkeleton = list.status === "loading" && list.ids.length === 0;

  return (
    <div className="page page--wide admin">
      <header className="page-header">
        <h1 className="page-title">{t("admin.pageTitle")}</h1>
        <p className="page-lead">{t("admin.lead")}</p>
      </header>

      <div className="admin__toolbar" role="search">
        <label className="sr-only" htmlFor="admin-search">
          {t("admin.search")}
        </label>
        <span className="search-box">
          <SearchIcon />
          <input
            id="admin-search"
            className="input input--search"
            type="search"
            value={search}
            placeholder={t("admin.search.placeholder")}
            onChange={(e) => setSearch(e.target.value)}
            data-testid="admin-search"
            autoComplete="off"
          />
        </span>
        {list.status === "ready" && list.ids.length > 0 && (
          <p className="admin__count" role="status">
            {t("admin.shown", { count: list.ids.length })}
          </p>
        )}
      </div>

      {list.status === "error" && list.ids.length === 0 ? (
        <EmptyState
          title={t("admin.error")}
          action={
            <Button variant="secondary" onClick={() => void loadAdminUsers(search)}>
              {t("ui.retry")}
            </Button>
          }
        />
      ) : showSkeleton ? (
        <div className="card admin__table-wrap" aria-busy="true">
          <p className="sr-only" role="status">
            {t("ui.loading")}
          </p>
          {[0, 1, 2, 3, 4].map((i) => (
            <div key={i} className="admin__skeleton-row">
              <Skeleton width="2.25rem" height="2.25rem" className="skeleton--round" />
              <Skeleton width="30%" />
              <Skeleton width="25%" />
              <Skeleton width="15%" />
            </div>
          ))}
        </div>
      ) : list.ids.length === 0 && list.status !== "idle" ? (
        <EmptyState title={t("admin.empty.title")} icon={<SearchIcon />}>
          {t("admin.empty.body")}
        </EmptyState>
      ) : (
        <div className="card admin__table-wrap">
          <table className="admin-table" aria-busy={list.status === "loading" || undefined}>
            <thead>
              <tr>
                <th scope="col">{t("admin.col.user")}</th>
                <th scope="col">{t("admin.col.affiliation")}</th>
                <th scope="col">{t("admin.col.role")}</th>
                <th scope="col">{t("admin.col.verified")}</th>
                <th scope="col">{t("admin.col.status")}</th>
              </tr>
            </thead>
            <tbody>
              {list.ids.map((id) => (
                <AdminUserRow key={id} id={id} onSuspend={() => setSuspending(id)} />
              ))}
            </tbody>
          </table>
        </div>
      )}

      {list.status === "error" && list.ids.length > 0 && <FormAlert>{t("admin.error")}</FormAlert>}

      {list.nextCursor && (
        <div className="admin__more">
          <Button
            variant="secondary"
            loading={list.status === "loadingMore"}
            onClick={() => void loadMore()}
            data-testid="admin-load-more"
          >
            {t("admin.loadMore")}
          </Button>
        </div>
      )}

      {suspending && (
        <SuspendDialog key={suspending} userId={suspending} onClose={() => setSuspending(null)} />
      )}
    </div>
  );
}

import { useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { buttonClass } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/Field";
import { Skeleton } from "../../components/Skeleton";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { DashboardStats } from "./DashboardStats";
import { DirectoryFiltersForm } from "./DirectoryFiltersForm";
import { apiFilters, filtersFromParams, paramsFromFilters } from "./directory.url";
import { useSiteCan } from "../../lib/abilities";
import { FiltersToggle } from "./DirectoryPage";
import { csvUrl } from "./practices.api";
import { filtersKey } from "./practices.slice";
import "./practices.css";

/** `/dashboard` (moderators, admins): practices by sector and province, adoptions by stage, active regions, activity. */
export function DashboardPage() {
  const t = useT();
  const staff = useSiteCan().viewPracticeStats;
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const query = useMemo(() => {
    const { sort: _sort, ...rest } = apiFilters(filters);
    return rest;
  }, [filters]);
  const stats = useStore((s) => s.practiceStats);
  const loadStats = useStore((s) => s.loadPracticeStats);
  const loadRegions = useStore((s) => s.loadRegions);
  const loadSectors = useStore((s) => s.loadSectors);
  const [showAllSectors, setShowAllSectors] = useState(false);
  const [filtersOpen, setFiltersOpen] = useState(false);
  usePageTitle(t("practices.dash.pageTitle"));

  useEffect(() => {
    void loadRegions();
    void loadSectors();
  }, [loadRegions, loadSectors]);
  useEffect(() => {
    if (staff) void loadStats(query);
  }, [staff, query, loadStats]);

  if (!staff) {
    return (
      <div className="page page--narrow">
        <EmptyState as="h1" title={t("practices.dash.forbidden.title")}>
          {t("practices.dash.forbidden.body")}
        </EmptyState>
      </div>
    );
  }

  const data = stats.key === filtersKey(query) ? stats.data : null;
  return (
    <div className="page page--wide dashboard" data-testid="dashboard">
      <header className="page-header directory__head">
        <div>
          <h1 className="page-title">{t("practices.dash.title")}</h1>
          <p className="page-lead">{t("practices.dash.lead")}</p>
        </div>
        <div className="directory__actions">
          <a
            className={buttonClass("secondary", "sm")}
            href={csvUrl({ ...apiFilters(filters), sort: "recent" })}
            download
            data-testid="dashboard-csv"
          >
            {t("practices.directory.csv")}
          </a>
          <Link
            to={`/practices?${paramsFromFilters(filters).toString()}`}
            className={buttonClass("ghost", "sm")}
          >
            {t("practices.nav.directory")}
          </Link>
        </div>
      </header>

      <FiltersToggle filters={filters} open={filtersOpen} onToggle={() => setFiltersOpen((o) => !o)} />
      <DirectoryFiltersForm
        id="directory-filters"
        filters={filters}
        collapsed={!filtersOpen}
        onChange={(next) => setParams(paramsFromFilters({ ...next, sort: "recent" }))}
      />

      {stats.status === "error" && stats.key === filtersKey(query) ? (
        <FormAlert>
          {t("practices.dash.error")}{" "}
          <button type="button" className="link-button" onClick={() => void loadStats(query)}>
            {t("ui.retry")}
          </button>
        </FormAlert>
      ) : !data ? (
        <div className="dash-grid" aria-busy="true">
          {[1, 2, 3, 4].map((n) => (
            <div key={n} className="card dash-card">
              <Skeleton width="50%" />
              <Skeleton height="8rem" />
            </div>
          ))}
        </div>
      ) : (
        <DashboardStats
          data={data}
          filters={filters}
          showAllSectors={showAllSectors}
          onShowAllSectors={() => setShowAllSectors(true)}
        />
      )}
    </div>
  );
}

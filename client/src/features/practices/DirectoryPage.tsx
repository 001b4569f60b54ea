import { useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { PRACTICE_SORTS } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button, buttonClass } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/Field";
import { Skeleton, SkeletonText } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useT, type MessageKey } from "../../lib/i18n";
import { useSiteCan } from "../../lib/abilities";
import { useStore } from "../../store";
import { counted } from "../../lib/counted";
import { DirectoryFiltersForm } from "./DirectoryFiltersForm";
import { apiFilters, filtersFromParams, hasAnyFilter, paramsFromFilters } from "./directory.url";
import { PracticeCard } from "./PracticeCard";
import { csvUrl, type DirectoryFilters } from "./practices.api";
import { filtersKey } from "./practices.slice";
import "./practices.css";
import { DirectorySearch } from "../search";

const SORT_KEYS: Record<DirectoryFilters["sort"], MessageKey> = {
  recent: "practices.filter.sort.recent",
  adopted: "practices.filter.sort.adopted",
  discussed: "practices.filter.sort.discussed",
};

/** Phones: the filter panel folds away behind this button, which says how many filters are on. */
export function FiltersToggle({
  filters,
  open,
  onToggle,
}: {
  filters: DirectoryFilters;
  open: boolean;
  onToggle: () => void;
}) {
  const t = useT();
  const active = [
    filters.province,
    filters.region,
    filters.sector,
    filters.stage,
    filters.sdg,
    filters.featured,
    filters.hasAdoptions,
  ].filter((v) => v !== undefined).length;
  return (
    <Button
      variant="secondary"
      size="sm"
      className="filters-toggle"
      aria-expanded={open}
      aria-controls="directory-filters"
      onClick={onToggle}
      data-testid="filters-toggle"
    >
      {active > 0 ? `${t("practices.filter.show")} (${active})` : t("practices.filter.show")}
    </Button>
  );
}

/** `/practices`: the directory, filtered by what the URL says. */
export function DirectoryPage() {
  const t = useT();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const filters = useMemo(() => filtersFromParams(params), [params]);
  const query = useMemo(() => apiFilters(filters), [filters]);
  const key = filtersKey(query);
  const directory = useStore((s) => s.practiceDirectory);
  const loadDirectory = useStore((s) => s.loadDirectory);
  const loadRegions = useStore((s) => s.loadRegions);
  const loadSectors = useStore((s) => s.loadSectors);
  const signedIn = useStore((s) => s.sessionStatus === "signedIn");
  const staff = useSiteCan().viewPracticeStats;
  usePageTitle(t("practices.directory.pageTitle"));

  useEffect(() => {
    void loadRegions();
    void loadSectors();
  }, [loadRegions, loadSectors]);

  useEffect(() => {
    void loadDirectory(query);
  }, [query, loadDirectory]);

  const [filtersOpen, setFiltersOpen] = useState(false);
  const change = (next: DirectoryFilters) => setParams(paramsFromFilters(next));
  const current = directory.key === key;
  const ids = current ? directory.ids : [];
  const loading = !current || directory.status === "loading";

  return (
    <div className="page page--wide directory">
      <header className="page-header directory__head">
        <div>
          <h1 className="page-title">{t("practices.directory.title")}</h1>
          <p className="page-lead">{t("practices.directory.lead")}</p>
        </div>
        <div className="directory__actions">
          {staff && (
            <a
              className={buttonClass("secondary", "sm")}
              href={csvUrl(query)}
              download
              data-testid="directory-csv"
            >
              {t("practices.directory.csv")}
            </a>
          )}
          {signedIn && (
            <Link to="/practices/new" className={buttonClass("primary", "sm")} data-testid="practice-new">
              {t("practices.directory.new")}
            </Link>
          )}
        </div>
      </header>

      <DirectorySearch />
      <FiltersToggle filters={filters} open={filtersOpen} onToggle={() => setFiltersOpen((o) => !o)} />
      <DirectoryFiltersForm
        id="directory-filters"
        filters={filters}
        onChange={change}
        collapsed={!filtersOpen}
      />

      <div className="directory__bar">
        <p className="directory__count" aria-live="polite" data-testid="directory-count">
          {loading
            ? t("ui.loading")
            : counted(t, "practices.directory.count", ids.length, f.number(ids.length))}
        </p>
        <div className="directory__sort">
          <label htmlFor="directory-sort">{t("practices.filter.sort")}</label>
          <select
            id="directory-sort"
            className="input select select--compact"
            value={filters.sort}
            data-testid="directory-sort"
            onChange={(e) =>
              change({ ...filters, sort: PRACTICE_SORTS.find((s) => s === e.target.value) ?? "recent" })
            }
          >
            {PRACTICE_SORTS.map((s) => (
              <option key={s} value={s}>
                {t(SORT_KEYS[s])}
              </option>
            ))}
          </select>
          {hasAnyFilter(filters) && (
            <button
              type="button"
              className="link-button"
              data-testid="filter-reset"
              onClick={() => change({ sort: filters.sort })}
            >
              {t("practices.filter.reset")}
            </button>
          )}
        </div>
      </div>

      {current && directory.status === "error" ? (
        <FormAlert>
          {t("practices.directory.error")}{" "}
          <button type="button" className="link-button" onClick={() => void loadDirectory(query)}>
            {t("ui.retry")}
          </button>
        </FormAlert>
      ) : loading && ids.length === 0 ? (
        <ul className="practice-grid" aria-busy="true">
          {[1, 2, 3, 4].map((n) => (
            <li key={n} className="practice-card practice-card--skeleton">
              <Skeleton width="40%" />
              <Skeleton width="85%" height="1.4rem" />
              <SkeletonText lines={3} />
            </li>
          ))}
        </ul>
      ) : ids.length === 0 ? (
        <EmptyState title={t("practices.directory.empty.title")}>
          {t("practices.directory.empty.body")}
        </EmptyState>
      ) : (
        <>
          <ul className="practice-grid" data-testid="directory-list" aria-busy={loading}>
            {ids.map((id) => (
              <PracticeCard key={id} id={id} />
            ))}
          </ul>
          {directory.nextCursor && (
            <div className="directory__more">
              <Button
                variant="secondary"
                loading={directory.status === "loadingMore"}
                data-testid="directory-more"
                onClick={() => void loadDirectory(query, { more: true })}
              >
                {t("practices.directory.more")}
              </Button>
            </div>
          )}
        </>
      )}
    </div>
  );
}

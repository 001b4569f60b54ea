import { useEffect, useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { ADOPTION_STAGES, PRACTICE_STAGES } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button, buttonClass } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/Field";
import { Skeleton } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { ColumnChart, HBarChart, StackedBar } from "./charts";
import { DirectoryFiltersForm } from "./DirectoryFiltersForm";
import { apiFilters, filtersFromParams, paramsFromFilters } from "./directory.url";
import { useSiteCan } from "../../lib/abilities";
import { FiltersToggle } from "./DirectoryPage";
import { csvUrl } from "./practices.api";
import { ADOPTION_STAGE_KEYS, STAGE_KEYS, formatMonth, regionName, sectorName } from "./practices.format";
import { filtersKey } from "./practices.slice";
import "./practices.css";

/** How many rows a long bar list shows before "n more". */
const TOP = 12;

/** `/dashboard` (moderators, admins): practices by sector and province, adoptions by stage, active regions, activity. */
export function DashboardPage() {
  const t = useT();
  const f = useFormat();
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
  const regions = useStore((s) => s.regionsByCode);
  const sectors = useStore((s) => s.sectors);
  const locale = useStore((s) => s.locale);
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
  const sectorItems = (data?.bySector ?? []).map((s) => ({
    key: s.code,
    label: sectorName(s.code, sectors, locale),
    value: s.count,
    href: `/practices?${paramsFromFilters({ ...filters, sector: s.code, sort: "recent" }).toString()}`,
  }));
  const provinceItems = (data?.byProvince ?? []).map((p) => ({
    key: p.code,
    label: regionName(p.code, regions),
    value: p.count,
    href: `/regions/${p.code}`,
  }));

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
        <>
          <ul className="kpis" data-testid="dash-totals">
            <li className="kpi">
              <span className="kpi__n" data-testid="dash-total-practices">
                {f.number(data.totals.practices)}
              </span>
              <span className="kpi__label">{t("practices.dash.total.practices")}</span>
            </li>
            <li className="kpi">
              <span className="kpi__n">{f.number(data.totals.adoptions)}</span>
              <span className="kpi__label">{t("practices.dash.total.adoptions")}</span>
            </li>
            <li className="kpi">
              <span className="kpi__n">{f.number(data.totals.regions)}</span>
              <span className="kpi__label">{t("practices.dash.total.regions")}</span>
            </li>
          </ul>

          <div className="dash-grid">
            <section className="card dash-card dash-card--wide" aria-labelledby="dash-activity">
              <h2 id="dash-activity" className="card-title">
                {t("practices.dash.activity")}
              </h2>
              <ColumnChart
                testId="dash-activity-chart"
                title={t("practices.dash.activity")}
                labels={data.activity.map((m) => formatMonth(m.month, locale))}
                series={[
                  {
                    key: "practices",
                    label: t("practices.dash.activity.practices"),
                    className: "fill-teal",
                    values: data.activity.map((m) => m.practices),
                  },
                  {
                    key: "steps",
                    label: t("practices.dash.activity.steps"),
                    className: "fill-accent",
                    values: data.activity.map((m) => m.adoptionSteps),
                  },
                ]}
              />
            </section>

            <section className="card dash-card" aria-labelledby="dash-adoptions">
              <h2 id="dash-adoptions" className="card-title">
                {t("practices.dash.adoptionsByStage")}
              </h2>
              <StackedBar
                testId="dash-adoptions-chart"
                segments={ADOPTION_STAGES.map((s) => ({
                  key: s,
                  label: t(ADOPTION_STAGE_KEYS[s]),
                  value: data.adoptionsByStage[s],
                  className: `fill-${s}`,
                }))}
              />
              <h3 className="dash-card__sub">{t("practices.dash.byStage")}</h3>
              <StackedBar
                segments={PRACTICE_STAGES.map((s) => ({
                  key: s,
                  label: t(STAGE_KEYS[s]),
                  value: data.byStage.find((x) => x.stage === s)?.count ?? 0,
                  className: `fill-stage-${s}`,
                }))}
              />
            </section>

            <section className="card dash-card" aria-labelledby="dash-regions">
              <h2 id="dash-regions" className="card-title">
                {t("practices.dash.activeRegions")}
              </h2>
              <table className="dash-table" data-testid="dash-active-regions">
                <thead>
                  <tr>
                    <th scope="col">{t("practices.dash.activeRegions.region")}</th>
                    <th scope="col" className="num">
                      {t("practices.dash.activeRegions.practices")}
                    </th>
                    <th scope="col" className="num">
                      {t("practices.dash.activeRegions.adoptions")}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {data.activeRegions.map((r) => (
                    <tr key={r.code}>
                      <th scope="row">
                        <Link to={`/regions/${r.code}`}>{regionName(r.code, regions)}</Link>
                      </th>
                      <td className="num">{f.number(r.practices)}</td>
                      <td className="num">{f.number(r.adoptions)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </section>

            <section className="card dash-card" aria-labelledby="dash-sectors">
              <h2 id="dash-sectors" className="card-title">
                {t("practices.dash.bySector")}
              </h2>
              <HBarChart
                testId="dash-sector-chart"
                items={showAllSectors ? sectorItems : sectorItems.slice(0, TOP)}
              />
              {sectorItems.length > TOP && !showAllSectors && (
                <Button variant="ghost" size="sm" onClick={() => setShowAllSectors(true)}>
                  {t("practices.dash.more", { count: sectorItems.length - TOP })}
                </Button>
              )}
            </section>

            <section className="card dash-card" aria-labelledby="dash-provinces">
              <h2 id="dash-provinces" className="card-title">
                {t("practices.dash.byProvince")}
              </h2>
              <HBarChart testId="dash-province-chart" items={provinceItems} tone="navy" />
            </section>
          </div>
        </>
      )}
    </div>
  );
}

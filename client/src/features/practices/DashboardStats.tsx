import type { ReactNode } from "react";
import { Link } from "react-router";
import { ADOPTION_STAGES, PRACTICE_STAGES, type PracticeStatsDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { ColumnChart, HBarChart, StackedBar } from "./charts";
import { paramsFromFilters } from "./directory.url";
import type { DirectoryFilters } from "./practices.api";
import { ADOPTION_STAGE_KEYS, STAGE_KEYS, formatMonth, regionName, sectorName } from "./practices.format";

/** How many rows a long bar list shows before "n more". */
const TOP = 12;

/** One panel of the dashboard: a titled card (the activity chart spans the row). */
function DashCard({
  id,
  title,
  wide = false,
  children,
}: {
  id: string;
  title: string;
  wide?: boolean;
  children: ReactNode;
}) {
  return (
    <section className={wide ? "card dash-card dash-card--wide" : "card dash-card"} aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {title}
      </h2>
      {children}
    </section>
  );
}

/** The dashboard's figures for the chosen filters: totals, activity, stages, active regions, sectors, provinces. */
export function DashboardStats({
  data,
  filters,
  showAllSectors,
  onShowAllSectors,
}: {
  data: PracticeStatsDto;
  filters: DirectoryFilters;
  /** Kept by the page, so "show all" survives the reload a filter change causes. */
  showAllSectors: boolean;
  onShowAllSectors: () => void;
}) {
  const t = useT();
  const f = useFormat();
  const regions = useStore((s) => s.regionsByCode);
  const sectors = useStore((s) => s.sectors);
  const locale = useStore((s) => s.locale);
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
        <DashCard id="dash-activity" title={t("practices.dash.activity")} wide>
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
        </DashCard>

        <DashCard id="dash-adoptions" title={t("practices.dash.adoptionsByStage")}>
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
        </DashCard>

        <DashCard id="dash-regions" title={t("practices.dash.activeRegions")}>
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
        </DashCard>

        <DashCard id="dash-sectors" title={t("practices.dash.bySector")}>
          <HBarChart
            testId="dash-sector-chart"
            items={showAllSectors ? sectorItems : sectorItems.slice(0, TOP)}
          />
          {sectorItems.length > TOP && !showAllSectors && (
            <Button variant="ghost" size="sm" onClick={onShowAllSectors}>
              {t("practices.dash.more", { count: sectorItems.length - TOP })}
            </Button>
          )}
        </DashCard>

        <DashCard id="dash-provinces" title={t("practices.dash.byProvince")}>
          <HBarChart testId="dash-province-chart" items={provinceItems} tone="navy" />
        </DashCard>
      </div>
    </>
  );
}

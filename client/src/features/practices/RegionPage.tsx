import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { useShallow } from "zustand/react/shallow";
import type { AdoptionDto } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { buttonClass } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/Field";
import { Skeleton, SkeletonText } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useT, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { AdoptionItem } from "./AdoptionLedger";
import { PracticeCard } from "./PracticeCard";
import { RegionPeople } from "./RegionPeople";
import { watchRegion } from "./practices.live";
import { practiceSelectors } from "./practices.slice";
import "./practices.css";

const KIND_KEYS: Record<"province" | "kabupaten" | "kota", MessageKey> = {
  province: "practices.region.province",
  kabupaten: "practices.region.kabupaten",
  kota: "practices.region.kota",
};

/** `/regions/:code`: a province's or kabupaten/kota's practices, its replication ledger (live) and its people. */
export function RegionPage() {
  const { code = "" } = useParams();
  const t = useT();
  const f = useFormat();
  const page = useStore(practiceSelectors.region(code));
  const loadRegionPage = useStore((s) => s.loadRegionPage);
  const loadRegions = useStore((s) => s.loadRegions);
  const loadSectors = useStore((s) => s.loadSectors);
  const adoptions = useStore(
    useShallow((s) =>
      (page?.adoptionIds ?? []).flatMap((id) => (s.adoptionsById[id] ? [s.adoptionsById[id]] : [])),
    ),
  );
  usePageTitle(page?.data?.region.name ?? null);

  useEffect(() => {
    void loadRegions();
    void loadSectors();
  }, [loadRegions, loadSectors]);

  useEffect(() => {
    if (!code) return;
    void loadRegionPage(code);
    return watchRegion(code);
  }, [code, loadRegionPage]);

  if (page?.status === "error" && (page.errorCode === "NOT_FOUND" || page.errorCode === "VALIDATION")) {
    return (
      <div className="page page--narrow">
        <EmptyState as="h1" title={t("practices.region.notFound.title")}>
          {t("practices.region.notFound.body")}
        </EmptyState>
      </div>
    );
  }
  const data = page?.data;
  if (!page || !data) {
    return (
      <div className="page page--wide" aria-busy="true">
        {page?.status === "error" ? (
          <FormAlert>{t("practices.region.error")}</FormAlert>
        ) : (
          <>
            <Skeleton width="30%" />
            <Skeleton width="60%" height="2rem" />
            <SkeletonText lines={4} />
          </>
        )}
      </div>
    );
  }

  const { region, province, totals, people } = data;
  const own = new Set(page.practiceIds);
  const adoptionsOf = adoptions.filter((a) => own.has(a.practiceId));
  const adoptionsBy = adoptions.filter((a) => !own.has(a.practiceId));
  const directoryHref =
    region.kind === "province"
      ? `/practices?province=${region.code}`
      : `/practices?province=${region.code.slice(0, 2)}&region=${region.code}`;

  return (
    <div className="page page--wide region-page" data-testid="region-page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to="/practices">{t("practices.page.breadcrumb")}</Link>
        {province && (
          <>
            <span aria-hidden="true"> / </span>
            <Link to={`/regions/${province.code}`}>{province.name}</Link>
          </>
        )}
      </nav>
      <header className="region-head">
        <p className="region-head__kind">{t(KIND_KEYS[region.kind])}</p>
        <h1 className="page-title" data-testid="region-name">
          {region.name}
        </h1>
        <p className="region-head__meta muted">
          {province ? `${t("practices.region.inProvince", { name: province.name })} · ` : ""}
          {t("practices.region.code", { code: region.code })}
        </p>
        <ul className="region-stats">
          {(
            [
              [totals.practices, "practices.region.stat.practices"],
              [totals.adoptionsBy, "practices.region.stat.adoptionsBy"],
              [totals.adoptionsOf, "practices.region.stat.adoptionsOf"],
              [totals.people, "practices.region.stat.people"],
            ] as const
          ).map(([n, label]) => (
            <li key={label}>
              <span className="region-stats__n">{f.number(n)}</span>
              <span className="region-stats__label">{t(label)}</span>
            </li>
          ))}
        </ul>
      </header>

      <div className="region-layout">
        <div className="region-layout__main">
          <section aria-labelledby="region-practices">
            <div className="section-head">
              <h2 id="region-practices" className="section-title">
                {t("practices.region.practices")}
              </h2>
              {totals.practices > 0 && (
                <Link to={directoryHref} className={buttonClass("ghost", "sm")}>
                  {t("practices.region.inDirectory")}
                </Link>
              )}
            </div>
            {page.practiceIds.length === 0 ? (
              <p className="muted">{t("practices.region.noPractices")}</p>
            ) : (
              <ul className="practice-grid practice-grid--one">
                {page.practiceIds.map((id) => (
                  <PracticeCard key={id} id={id} />
                ))}
              </ul>
            )}
          </section>
          <RegionLedger
            id="region-adopted-of"
            title={t("practices.region.stat.adoptionsOf")}
            adoptions={adoptionsOf}
            grid
            testId="region-adoptions-of"
          />
        </div>
        <aside className="region-layout__side">
          <RegionLedger
            id="region-adopted-by"
            title={t("practices.region.stat.adoptionsBy")}
            adoptions={adoptionsBy}
            testId="region-adoptions-by"
          />
          <RegionPeople code={region.code} people={people} />
        </aside>
      </div>
    </div>
  );
}

/** Adoptions in a region's ledger, live as new ones are recorded. */
function RegionLedger({
  id,
  title,
  adoptions,
  grid = false,
  testId,
}: {
  id: string;
  title: string;
  adoptions: AdoptionDto[];
  grid?: boolean;
  testId: string;
}) {
  const t = useT();
  return (
    <section className="ledger card" aria-labelledby={id}>
      <h2 id={id} className="card-title">
        {title}
      </h2>
      {adoptions.length === 0 ? (
        <p className="muted">{t("practices.region.noAdoptions")}</p>
      ) : (
        <ul
          className={grid ? "ledger__list ledger__list--grid" : "ledger__list"}
          aria-live="polite"
          data-testid={testId}
        >
          {adoptions.map((a) => (
            <AdoptionItem key={a.id} adoption={a} showPractice />
          ))}
        </ul>
      )}
    </section>
  );
}

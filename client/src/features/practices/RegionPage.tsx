import { useEffect } from "react";
import { Link, useParams } from "react-router";
import { useShallow } from "zustand/react/shallow";
import { usePageTitle } from "../../app/usePageTitle";
import { buttonClass } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/Field";
import { Skeleton, SkeletonText } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useT, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { OfficeMark } from "../users";
import { AdoptionItem } from "./AdoptionLedger";
import { PracticeCard } from "./PracticeCard";
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
          <li>
            <span className="region-stats__n">{f.number(totals.practices)}</span>
            <span className="region-stats__label">{t("practices.region.stat.practices")}</span>
          </li>
          <li>
            <span className="region-stats__n">{f.number(totals.adoptionsBy)}</span>
            <span className="region-stats__label">{t("practices.region.stat.adoptionsBy")}</span>
          </li>
          <li>
            <span className="region-stats__n">{f.number(totals.adoptionsOf)}</span>
            <span className="region-stats__label">{t("practices.region.stat.adoptionsOf")}</span>
          </li>
          <li>
            <span className="region-stats__n">{f.number(totals.people)}</span>
            <span className="region-stats__label">{t("practices.region.stat.people")}</span>
          </li>
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
          <section className="ledger card" aria-labelledby="region-adopted-of">
            <h2 id="region-adopted-of" className="card-title">
              {t("practices.region.stat.adoptionsOf")}
            </h2>
            {adoptionsOf.length === 0 ? (
              <p className="muted">{t("practices.region.noAdoptions")}</p>
            ) : (
              <ul
                className="ledger__list ledger__list--grid"
                aria-live="polite"
                data-testid="region-adoptions-of"
              >
                {adoptionsOf.map((a) => (
                  <AdoptionItem key={a.id} adoption={a} showPractice />
                ))}
              </ul>
            )}
          </section>
        </div>
        <aside className="region-layout__side">
          <section className="ledger card" aria-labelledby="region-adopted-by">
            <h2 id="region-adopted-by" className="card-title">
              {t("practices.region.stat.adoptionsBy")}
            </h2>
            {adoptionsBy.length === 0 ? (
              <p className="muted">{t("practices.region.noAdoptions")}</p>
            ) : (
              <ul className="ledger__list" aria-live="polite" data-testid="region-adoptions-by">
                {adoptionsBy.map((a) => (
                  <AdoptionItem key={a.id} adoption={a} showPractice />
                ))}
              </ul>
            )}
          </section>
          <section className="card region-people" aria-labelledby="region-people">
            <h2 id="region-people" className="card-title">
              {t("practices.region.people")}
            </h2>
            {people.length === 0 ? (
              <p className="muted">{t("practices.region.noPeople")}</p>
            ) : (
              <>
                <PeopleGroup
                  code={region.code}
                  title={t("practices.region.people.verified")}
                  people={people.filter((p) => p.verified)}
                  testId="region-people-verified"
                />
                <PeopleGroup
                  code={region.code}
                  title={t("practices.region.people.unverified")}
                  lead={t("practices.region.people.unverifiedLead")}
                  people={people.filter((p) => !p.verified)}
                  testId="region-people-unverified"
                />
              </>
            )}
          </section>
        </aside>
      </div>
    </div>
  );
}

type RegionPerson = { id: string; name: string; title: string; verified: boolean };

/**
 * Verified office holders are listed apart from people who only say they belong here, so a second
 * "Gubernur" typed by anyone never sits beside the real one as an equal.
 */
function PeopleGroup({
  code,
  title,
  lead,
  people,
  testId,
}: {
  code: string;
  title: string;
  lead?: string;
  people: RegionPerson[];
  testId: string;
}) {
  if (people.length === 0) return null;
  return (
    <div className="people-group" data-testid={testId}>
      <h3 className="people-group__title">{title}</h3>
      {lead && <p className="people-group__lead muted">{lead}</p>}
      <ul className="people-list" data-testid="region-people">
        {people.map((p) => (
          <li key={p.id}>
            <Link to={`/users/${p.id}`} className="people-list__name">
              {p.name}
            </Link>
            {/* Everyone listed here states this region as their affiliation: that alone is a claim. */}
            <OfficeMark
              person={{ verified: p.verified, title: p.title, affiliation: { kind: "region", code } }}
            />
            {p.title && <span className="people-list__title">{p.title}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}

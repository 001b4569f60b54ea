import { useEffect, useState } from "react";
import { Link } from "react-router";
import { practiceCommands, type RegionPageDto } from "@rembuk/shared";
import { useT } from "../../../lib/i18n";
import { send } from "../../../lib/send";
import { useStore } from "../../../store";
import { PracticeCard } from "../../practices";
import { HomeSection } from "./HomeSection";

const PRACTICES_SHOWN = 3;
const ADOPTIONS_SHOWN = 4;

/**
 * The reader's own region: its practices and its adoptions both ways, from the region page's data.
 * Someone without a region (an agency, or no affiliation yet) is pointed to where that is set.
 */
export function RegionSection({ regionCode }: { regionCode: string | null }) {
  const t = useT();
  const [page, setPage] = useState<RegionPageDto | null>(null);

  useEffect(() => {
    if (!regionCode) return;
    const abort = new AbortController();
    send(practiceCommands.region, { code: regionCode }, { signal: abort.signal }).then(
      (r) => {
        useStore.getState().internal_receivePractices(r.practices.slice(0, PRACTICES_SHOWN));
        setPage(r);
      },
      () => undefined,
    );
    return () => abort.abort();
  }, [regionCode]);

  if (!regionCode)
    return (
      <HomeSection id="home-region" title={t("home.region.title")}>
        <p className="home-section__empty">
          {t("home.region.none")} <Link to="/profile/edit">{t("home.region.setAffiliation")}</Link>
        </p>
      </HomeSection>
    );

  return (
    <HomeSection
      id="home-region"
      title={page ? t("home.region.titleNamed", { region: page.region.name }) : t("home.region.title")}
      action={
        <Link to={`/regions/${regionCode}`} className="home-section__more">
          {t("home.region.page")}
        </Link>
      }
    >
      {page &&
        (page.practices.length === 0 && page.adoptions.length === 0 ? (
          <p className="home-section__empty">
            {t("home.region.empty")} <Link to="/practices/new">{t("home.region.share")}</Link>
          </p>
        ) : (
          <>
            {page.practices.length > 0 && (
              <ul className="practice-grid practice-grid--one" data-testid="home-region-practices">
                {page.practices.slice(0, PRACTICES_SHOWN).map((p) => (
                  <PracticeCard key={p.id} id={p.id} />
                ))}
              </ul>
            )}
            {page.adoptions.length > 0 && (
              <>
                <h3 className="home-section__subtitle">{t("home.region.adoptions")}</h3>
                <ul className="home-list" data-testid="home-region-adoptions">
                  {page.adoptions.slice(0, ADOPTIONS_SHOWN).map((a) => (
                    <li key={a.id} className="home-list__item">
                      <Link to={`/practices/${a.practiceId}`} className="home-list__title">
                        {a.practiceTitle}
                      </Link>
                      <span className="home-list__meta">{t(`practices.adoption.${a.stage}`)}</span>
                    </li>
                  ))}
                </ul>
              </>
            )}
          </>
        ))}
    </HomeSection>
  );
}

import { Link } from "react-router";
import type { PracticeDto } from "@rembuk/shared";
import { useT } from "../../lib/i18n";
import { useFormat } from "../../lib/format";
import { useStore } from "../../store";
import {
  COST_SOURCE_KEYS,
  formatDay,
  formatRupiah,
  regionName,
  relativeChange,
  sdgKey,
  sectorName,
} from "./practices.format";
import { StageBadge } from "./PracticeBits";

/** The facts panel: region, affair, stage, start, cost, SDGs, links, contact. */
export function PracticeFacts({ practice }: { practice: PracticeDto }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const sectors = useStore((s) => s.sectors);
  const regions = useStore((s) => s.regionsByCode);
  const province =
    practice.provinceCode !== practice.regionCode ? regionName(practice.provinceCode, regions) : null;
  return (
    <section
      className="practice-facts card"
      aria-labelledby="practice-facts-title"
      data-testid="practice-facts"
    >
      <h2 id="practice-facts-title" className="practice-facts__title">
        {t("practices.page.facts")}
      </h2>
      <dl className="practice-facts__list">
        <div>
          <dt>{t("practices.page.region")}</dt>
          <dd data-testid="practice-region">
            <Link to={`/regions/${practice.regionCode}`}>{regionName(practice.regionCode, regions)}</Link>
            {province && (
              <>
                {", "}
                <Link to={`/regions/${practice.provinceCode}`}>{province}</Link>
              </>
            )}
          </dd>
        </div>
        <div>
          <dt>{t("practices.page.sector")}</dt>
          <dd data-testid="practice-sector">{sectorName(practice.sector, sectors, locale)}</dd>
        </div>
        <div>
          <dt>{t("practices.page.stage")}</dt>
          <dd>
            <StageBadge stage={practice.stage} />
          </dd>
        </div>
        <div>
          <dt>{t("practices.page.started")}</dt>
          <dd>{formatDay(practice.startDate, locale)}</dd>
        </div>
        <div>
          <dt>{t("practices.page.cost")}</dt>
          <dd data-testid="practice-cost">
            {practice.cost.amount === 0
              ? t("practices.cost.free")
              : formatRupiah(practice.cost.amount, locale)}
            {/* Nothing was spent, so there is no funding source to name. */}
            {practice.cost.amount > 0 && (
              <span className="practice-facts__sub">{t(COST_SOURCE_KEYS[practice.cost.source])}</span>
            )}
          </dd>
        </div>
        {practice.sdgs.length > 0 && (
          <div>
            <dt>{t("practices.page.sdgs")}</dt>
            <dd>
              <ul className="sdg-list">
                {practice.sdgs.map((n) => (
                  <li key={n} className={`sdg sdg--${n}`} title={t(sdgKey(n))}>
                    <span className="sdg__n">{n}</span>
                    <span className="sdg__name">{t(sdgKey(n))}</span>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
        {practice.contact && (
          <div>
            <dt>{t("practices.page.contact")}</dt>
            <dd>{practice.contact}</dd>
          </div>
        )}
        {practice.links.length > 0 && (
          <div>
            <dt>{t("practices.page.links")}</dt>
            <dd>
              <ul className="practice-links">
                {practice.links.map((href) => (
                  <li key={href}>
                    <a href={href} target="_blank" rel="noopener noreferrer nofollow">
                      {href.replace(/^https?:\/\//, "")}
                    </a>
                  </li>
                ))}
              </ul>
            </dd>
          </div>
        )}
      </dl>
    </section>
  );
}

/** Problem, approach and the results table (before, after, change). */
export function PracticeStory({ practice, threadId }: { practice: PracticeDto; threadId: string }) {
  const t = useT();
  const f = useFormat();
  const locale = useStore((s) => s.locale);
  return (
    <div className="practice-story">
      <section aria-labelledby="practice-problem">
        <h2 id="practice-problem" className="section-title">
          {t("practices.page.problem")}
        </h2>
        <p className="practice-story__text" data-testid="practice-problem">
          {practice.problem}
        </p>
      </section>
      <section aria-labelledby="practice-approach">
        <h2 id="practice-approach" className="section-title">
          {t("practices.page.approach")}
        </h2>
        <p className="practice-story__text">{practice.approach}</p>
      </section>
      <section aria-labelledby="practice-results">
        <h2 id="practice-results" className="section-title">
          {t("practices.page.results")}
        </h2>
        {practice.results.length === 0 ? (
          <p className="muted">{t("practices.page.noResults")}</p>
        ) : (
          <div className="table-scroll">
            <table className="results-table" data-testid="practice-results">
              <thead>
                <tr>
                  <th scope="col">{t("practices.page.indicator")}</th>
                  <th scope="col" className="num">
                    {t("practices.page.before")}
                  </th>
                  <th scope="col" className="num">
                    {t("practices.page.after")}
                  </th>
                  <th scope="col" className="num">
                    {t("practices.page.change")}
                  </th>
                </tr>
              </thead>
              <tbody>
                {practice.results.map((r) => {
                  const change = relativeChange(r.before, r.after, locale);
                  return (
                    <tr key={r.indicator}>
                      <th scope="row">
                        {r.indicator}
                        {r.unit && <span className="results-table__unit"> ({r.unit})</span>}
                      </th>
                      <td className="num" data-label={t("practices.page.before")}>
                        {f.number(r.before)}
                      </td>
                      <td className="num" data-label={t("practices.page.after")}>
                        {f.number(r.after)}
                      </td>
                      <td className="num" data-label={t("practices.page.change")}>
                        {change ?? "—"}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </div>
        )}
      </section>
      {practice.sourcePosts.length > 0 && (
        <p className="practice-source" data-testid="practice-source-posts">
          {t("practices.page.sourcePosts")}{" "}
          {practice.sourcePosts.map((s, i) => (
            <span key={s.postId}>
              {i > 0 && ", "}
              <a href={`/practices/${threadId}#post-${s.seq}`}>
                {t("practices.page.sourcePost", { seq: s.seq })}
              </a>
            </span>
          ))}
        </p>
      )}
    </div>
  );
}

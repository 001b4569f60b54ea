import { Link } from "react-router";
import type { PracticeLinkDto } from "@rembuk/shared";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { StageBadge } from "./PracticeBits";
import { regionName } from "./practices.format";
import type { Lineage } from "./practices.api";

function LinkItem({ link }: { link: PracticeLinkDto }) {
  const regions = useStore((s) => s.regionsByCode);
  return (
    <li className="lineage__item">
      <Link to={`/practices/${link.id}`} className="lineage__link">
        {link.title}
      </Link>
      <span className="lineage__meta">
        {regionName(link.regionCode, regions)} · <StageBadge stage={link.stage} />
      </span>
    </li>
  );
}

/** Where the practice came from (nearest parent first) and what was adapted from it. */
export function LineagePanel({ lineage, title }: { lineage: Lineage; title: string }) {
  const t = useT();
  const ancestors = [...lineage.ancestors].reverse();
  return (
    <section className="lineage card" aria-labelledby="lineage-title" data-testid="practice-lineage">
      <h2 id="lineage-title" className="card-title">
        {t("practices.lineage.title")}
      </h2>
      {ancestors.length > 0 && (
        <div className="lineage__block">
          <h3 className="lineage__heading">{t("practices.lineage.from")}</h3>
          <ol className="lineage__chain" data-testid="lineage-ancestors">
            {ancestors.map((l) => (
              <LinkItem key={l.id} link={l} />
            ))}
            <li className="lineage__item lineage__item--self" aria-current="page">
              {title}
            </li>
          </ol>
        </div>
      )}
      <div className="lineage__block">
        <h3 className="lineage__heading">{t("practices.lineage.grew")}</h3>
        {lineage.descendants.length === 0 ? (
          <p className="muted lineage__none">{t("practices.lineage.none")}</p>
        ) : (
          <ul className="lineage__children" data-testid="lineage-descendants">
            {lineage.descendants.map((l) => (
              <LinkItem key={l.id} link={l} />
            ))}
          </ul>
        )}
      </div>
    </section>
  );
}

import { Link } from "react-router";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { counted } from "../../lib/counted";
import { ChatIcon, MapPinIcon } from "../../components/icons";
import { Badge } from "../../components/Badge";
import { FeaturedBadge, StageBadge, StageBar } from "./PracticeBits";
import { formatRupiah, regionName, sectorName } from "./practices.format";
import { practiceSelectors } from "./practices.slice";

/** A practice in a list: what, where, which affair, what it cost, how far it has spread. */
export function PracticeCard({ id }: { id: string }) {
  const t = useT();
  const f = useFormat();
  const p = useStore(practiceSelectors.byId(id));
  const locale = useStore((s) => s.locale);
  const sectors = useStore((s) => s.sectors);
  const regions = useStore((s) => s.regionsByCode);
  if (!p) return null;
  const { practice } = p;
  const province =
    practice.provinceCode !== practice.regionCode ? regionName(practice.provinceCode, regions) : null;
  return (
    <li
      className="practice-card"
      data-testid="practice-card"
      data-region={practice.regionCode}
      data-province={practice.provinceCode}
    >
      <div className="practice-card__badges">
        <StageBadge stage={practice.stage} />
        {p.featured && <FeaturedBadge />}
        {practice.derivedFrom && <Badge>{t("practices.card.derived")}</Badge>}
        {p.status === "queued" && <Badge tone="warning">{t("practices.card.queued")}</Badge>}
      </div>
      <h3 className="practice-card__title">
        <Link to={`/practices/${p.id}`} className="practice-card__link" data-testid="practice-card-link">
          {p.title}
        </Link>
      </h3>
      <p className="practice-card__where">
        <MapPinIcon />
        <span>
          {regionName(practice.regionCode, regions)}
          {province && <span className="muted">, {province}</span>}
        </span>
      </p>
      <p className="practice-card__sector">{sectorName(practice.sector, sectors, locale)}</p>
      <p className="practice-card__problem">{practice.problem}</p>
      <div className="practice-card__foot">
        <span className="practice-card__cost">
          {practice.cost.amount === 0
            ? t("practices.cost.free")
            : formatRupiah(practice.cost.amount, locale, true)}
        </span>
        <span className="practice-card__adoptions" data-testid="practice-card-adoptions">
          {counted(t, "practices.card.adoptions", p.adoptionCount, f.number(p.adoptionCount))}
          <StageBar counts={p.adoptionsByStage} />
        </span>
        <span className="practice-card__replies">
          <ChatIcon /> {counted(t, "practices.card.replies", p.replyCount, f.number(p.replyCount))}
        </span>
      </div>
    </li>
  );
}

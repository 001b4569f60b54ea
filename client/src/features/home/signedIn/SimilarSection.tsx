import { Link } from "react-router";
import type { PracticeThreadDto } from "@rembuk/shared";
import { useT } from "../../../lib/i18n";
import { PracticeCard } from "../../practices";
import { HomeSection } from "./HomeSection";

/** Practices in the sectors of those the reader's office adopts. */
export function SimilarSection({ practices }: { practices: PracticeThreadDto[] }) {
  const t = useT();
  return (
    <HomeSection id="home-similar" title={t("home.similar.title")} lead={t("home.similar.lead")}>
      {practices.length === 0 ? (
        <p className="home-section__empty">
          {t("home.similar.empty")} <Link to="/practices">{t("home.similar.browse")}</Link>
        </p>
      ) : (
        <ul className="practice-grid practice-grid--one" data-testid="home-similar-list">
          {practices.map((p) => (
            <PracticeCard key={p.id} id={p.id} />
          ))}
        </ul>
      )}
    </HomeSection>
  );
}

import type { AdoptionStage, AdoptionsByStage, PracticeStage } from "@rembuk/shared";
import { Badge } from "../../components/Badge";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { ADOPTION_STAGES } from "@rembuk/shared";
import { ADOPTION_STAGE_KEYS, STAGE_KEYS } from "./practices.format";

export function StageBadge({ stage }: { stage: PracticeStage }) {
  const t = useT();
  return (
    <span className={`stage-badge stage-badge--${stage}`} data-testid="practice-stage">
      {t(STAGE_KEYS[stage])}
    </span>
  );
}

export function AdoptionStageBadge({ stage }: { stage: AdoptionStage }) {
  const t = useT();
  return (
    <span
      className={`adoption-stage adoption-stage--${stage}`}
      data-testid="adoption-stage"
      data-stage={stage}
    >
      {t(ADOPTION_STAGE_KEYS[stage])}
    </span>
  );
}

/** The ledger's tally as one thin bar (interested, piloting, adopted, abandoned), with a legend for screen readers. */
export function StageBar({ counts, testId }: { counts: AdoptionsByStage; testId?: string }) {
  const t = useT();
  const f = useFormat();
  const total = ADOPTION_STAGES.reduce((n, s) => n + counts[s], 0);
  const label = ADOPTION_STAGES.filter((s) => counts[s] > 0)
    .map((s) => `${t(ADOPTION_STAGE_KEYS[s])} ${f.number(counts[s])}`)
    .join(", ");
  if (total === 0) return null;
  return (
    <span className="stage-bar" role="img" aria-label={label} data-testid={testId}>
      {ADOPTION_STAGES.map((s) =>
        counts[s] > 0 ? (
          <span key={s} className={`stage-bar__seg stage-bar__seg--${s}`} style={{ flexGrow: counts[s] }} />
        ) : null,
      )}
    </span>
  );
}

export function FeaturedBadge() {
  const t = useT();
  return <Badge tone="verified">{t("practices.card.featured")}</Badge>;
}

import { useState, type ReactNode } from "react";
import { Link } from "react-router";
import { useShallow } from "zustand/react/shallow";
import { ADOPTION_STAGES, ADOPTION_TRANSITIONS, type AdoptionDto, type AdoptionStage } from "@rembuk/shared";
import { Button, buttonClass } from "../../components/Button";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { OfficeMark } from "../users";
import { AdoptDialog, StepDialog } from "./AdoptionDialogs";
import { sameAffiliation } from "./affiliation";
import { AdoptionStageBadge, StageBar } from "./PracticeBits";
import { ADOPTION_STAGE_KEYS, STEP_ACTION_KEYS, affiliationName, formatDay } from "./practices.format";
import type { PracticeThread } from "./practices.api";

type StepTarget = Exclude<AdoptionStage, "interested">;

/** One adoption: who, where it stands, and each dated step with its note. */
export function AdoptionItem({
  adoption,
  fresh,
  showPractice,
  canStep,
  onStep,
}: {
  adoption: AdoptionDto;
  fresh?: boolean;
  showPractice?: boolean;
  canStep?: boolean;
  onStep?: (adoption: AdoptionDto, to: StepTarget) => void;
}) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const regions = useStore((s) => s.regionsByCode);
  const name = affiliationName(adoption.affiliation, regions);
  const next = ADOPTION_TRANSITIONS[adoption.stage].filter((s): s is StepTarget => s !== "interested");
  return (
    <li
      className={fresh ? "adoption adoption--fresh" : "adoption"}
      data-testid="adoption-item"
      data-adopter={
        adoption.affiliation.kind === "region" ? adoption.affiliation.code : adoption.affiliation.name
      }
    >
      <div className="adoption__head">
        <span className="adoption__who">
          {adoption.affiliation.kind === "region" ? (
            <Link to={`/regions/${adoption.affiliation.code}`}>{name}</Link>
          ) : (
            name
          )}
        </span>
        <AdoptionStageBadge stage={adoption.stage} />
        {fresh && <span className="adoption__new">{t("practices.ledger.new")}</span>}
      </div>
      {showPractice && (
        <p className="adoption__practice">
          <Link to={`/practices/${adoption.practiceId}`}>{adoption.practiceTitle}</Link>
        </p>
      )}
      {adoption.adopter && (
        <p className="adoption__by">
          {t("practices.ledger.by", { name: adoption.adopter.name })}
          {adoption.adopter.title && (
            <span className="adoption__title"> · {adoption.adopter.title}</span>
          )}{" "}
          <OfficeMark person={adoption.adopter} />
        </p>
      )}
      <ol className="adoption__steps">
        {adoption.steps.map((s, i) => (
          <li key={`${s.stage}-${i}`} className={`adoption-step adoption-step--${s.stage}`}>
            <span className="adoption-step__dot" aria-hidden="true" />
            <span className="adoption-step__label">
              <strong>{t(ADOPTION_STAGE_KEYS[s.stage])}</strong> ·{" "}
              <time dateTime={s.date}>{formatDay(s.date, locale)}</time>
            </span>
            {s.note && <span className="adoption-step__note">{s.note}</span>}
          </li>
        ))}
      </ol>
      {canStep && next.length > 0 && onStep && (
        <div className="adoption__actions no-print">
          {next.map((to) => (
            <Button
              key={to}
              size="sm"
              variant={to === "abandoned" ? "ghost" : "secondary"}
              data-testid={`adoption-step-${to}`}
              onClick={() => onStep(adoption, to)}
            >
              {t(STEP_ACTION_KEYS[to])}
            </Button>
          ))}
        </div>
      )}
    </li>
  );
}

/**
 * The practice's replication ledger: the tally, the viewer's "Adopt" action (or why they cannot),
 * and every adoption's timeline, updated live from `adoption:changed`.
 */
export function AdoptionLedger({ practice }: { practice: PracticeThread }) {
  const t = useT();
  const page = useStore((s) => s.practicePages[practice.id]);
  const adoptions = useStore(
    useShallow((s) =>
      (page?.adoptionIds ?? []).flatMap((id) => (s.adoptionsById[id] ? [s.adoptionsById[id]] : [])),
    ),
  );
  const me = useStore((s) => (s.currentUserId ? s.usersById[s.currentUserId] : undefined));
  const signedIn = useStore((s) => s.sessionStatus === "signedIn");
  const regions = useStore((s) => s.regionsByCode);
  const [adopting, setAdopting] = useState(false);
  const [stepping, setStepping] = useState<{ adoption: AdoptionDto; to: StepTarget } | null>(null);

  const mine = me?.affiliation ?? null;
  const ownRegion = mine?.kind === "region" && mine.code === practice.practice.regionCode;
  const active = adoptions.find((a) => a.stage !== "abandoned" && sameAffiliation(a.affiliation, mine));
  const canStepOn = (a: AdoptionDto) => a.can?.advance ?? false;
  const affiliationLabel = mine ? affiliationName(mine, regions) : "";

  let cta: ReactNode;
  if (!signedIn) {
    cta = (
      <Link
        to={`/login?next=${encodeURIComponent(`/practices/${practice.id}`)}`}
        className={buttonClass("primary")}
        data-testid="adopt-sign-in"
      >
        {t("practices.adopt.signIn")}
      </Link>
    );
  } else if (!mine) {
    cta = (
      <p className="ledger__note">
        {t("practices.adopt.needAffiliation")}{" "}
        <Link to="/profile/edit">{t("practices.adopt.completeProfile")}</Link>
      </p>
    );
  } else if (ownRegion) {
    cta = <p className="ledger__note">{t("practices.adopt.own")}</p>;
  } else if (active) {
    cta = (
      <p className="ledger__note" data-testid="adopt-already">
        {/* Say only what was declared: interest is not adoption. */}
        {t(`practices.adopt.already.${active.stage}`)}
      </p>
    );
  } else if (!me?.verified) {
    // Only a verified office acts in its region's or agency's name (the server answers NOT_VERIFIED).
    cta = (
      <p className="ledger__note" data-testid="adopt-needs-verification">
        {t("practices.adopt.needsVerification", { affiliation: affiliationLabel })}{" "}
        <Link to="/account#verification">{t("verification.profile.request")}</Link>
      </p>
    );
  } else if (practice.status === "published") {
    cta = (
      <Button variant="accent" onClick={() => setAdopting(true)} data-testid="adopt-button">
        {t("practices.adopt.action")}
      </Button>
    );
  }

  return (
    <section className="ledger card" aria-labelledby="ledger-title" data-testid="practice-ledger">
      <div className="ledger__head">
        <h2 id="ledger-title" className="card-title">
          {t("practices.ledger.title")}
        </h2>
        <p className="ledger__lead">{t("practices.ledger.lead")}</p>
      </div>
      <div className="ledger__tally" data-testid="ledger-tally">
        <ul className="ledger__counts">
          {ADOPTION_STAGES.map((s) => (
            <li
              key={s}
              className={`ledger__count ledger__count--${s}`}
              data-testid={`ledger-count-${s}`}
              data-count={practice.adoptionsByStage[s]}
            >
              <span className="ledger__count-n">{practice.adoptionsByStage[s]}</span>
              <span className="ledger__count-label">{t(ADOPTION_STAGE_KEYS[s])}</span>
            </li>
          ))}
        </ul>
        <StageBar counts={practice.adoptionsByStage} />
      </div>
      {cta && <div className="ledger__cta no-print">{cta}</div>}
      {adoptions.length === 0 ? (
        <p className="muted ledger__empty">{t("practices.ledger.empty")}</p>
      ) : (
        <ul className="ledger__list" aria-live="polite" data-testid="adoption-timeline">
          {adoptions.map((a) => (
            <AdoptionItem
              key={a.id}
              adoption={a}
              fresh={page?.fresh[a.id] === true}
              canStep={canStepOn(a)}
              onStep={(adoption, to) => setStepping({ adoption, to })}
            />
          ))}
        </ul>
      )}
      {mine && (
        <AdoptDialog
          practiceId={practice.id}
          affiliationLabel={affiliationLabel}
          open={adopting}
          onClose={() => setAdopting(false)}
        />
      )}
      {stepping && (
        <StepDialog
          adoption={stepping.adoption}
          to={stepping.to}
          affiliationLabel={affiliationName(stepping.adoption.affiliation, regions)}
          onClose={() => setStepping(null)}
        />
      )}
    </section>
  );
}

import { LIMITS, type Affiliation } from "@rembuk/shared";
import { Field, FormAlert } from "../../components/Field";
import { Spinner } from "../../components/Spinner";
import { useT, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { RegionPicker, regionValueOf, type RegionValue } from "./RegionPicker";

export type AffiliationKind = "region" | "agency" | "none";

/** The affiliation as the form holds it: every kind's input kept, so switching back loses nothing. */
export interface AffiliationDraft {
  kind: AffiliationKind;
  region: RegionValue;
  /** The region code typed by hand when the region list cannot load (profile form only). */
  manualCode: string;
  agency: string;
}

export function affiliationDraftOf(a: Affiliation | null, kindWhenNone: AffiliationKind): AffiliationDraft {
  return {
    kind: a?.kind ?? kindWhenNone,
    region: regionValueOf(a),
    manualCode: a?.kind === "region" ? a.code : "",
    agency: a?.kind === "agency" ? a.name : "",
  };
}

/**
 * The affiliation to send, or "missing-province" (the picker's own rule: a province at least). With
 * the region list not loaded, the hand-typed code goes as it is and the server checks it.
 */
export function affiliationFrom(
  d: AffiliationDraft,
  regionsUsable: boolean,
): Affiliation | null | "missing-province" {
  if (d.kind === "none") return null;
  if (d.kind === "agency") return { kind: "agency", name: d.agency };
  if (!regionsUsable) return { kind: "region", code: d.manualCode.trim() };
  if (!d.region.provinceCode) return "missing-province";
  return { kind: "region", code: d.region.regionCode || d.region.provinceCode };
}

const KIND_LABELS: Record<AffiliationKind, MessageKey> = {
  region: "users.edit.kind.region",
  agency: "users.edit.kind.agency",
  none: "users.edit.kind.none",
};

/**
 * Region (province, then regency or city) or agency, as the profile form and the verification claim
 * both ask for it. Field errors come by the server's paths (`affiliation.code`, `affiliation.name`).
 */
export function AffiliationFieldset({
  value,
  onChange,
  kinds,
  error,
  prefix,
  explained = false,
}: {
  value: AffiliationDraft;
  onChange: (next: AffiliationDraft) => void;
  kinds: readonly AffiliationKind[];
  error: (path: string) => string | undefined;
  /** Test ids and the radio group's name: `profile` → `profile-kind-region`, `profile-agency`. */
  prefix: "profile" | "verif";
  /** The profile form's hints, and a typed region code when the list will not load. */
  explained?: boolean;
}) {
  const t = useT();
  const regionsStatus = useStore((s) => s.regionsStatus);
  const loadRegions = useStore((s) => s.loadRegions);
  const set = (patch: Partial<AffiliationDraft>) => onChange({ ...value, ...patch });
  const retry = (
    <FormAlert tone="info">
      {t("users.edit.regions.error")}{" "}
      <button type="button" className="link-button" onClick={() => void loadRegions()}>
        {t("ui.retry")}
      </button>
    </FormAlert>
  );
  return (
    <fieldset className="fieldset">
      <legend className="field__label">{t("users.edit.affiliation")}</legend>
      {explained && <p className="field__hint">{t("users.edit.affiliation.hint")}</p>}
      <div className="choice-group">
        {kinds.map((k) => (
          <label key={k} className={value.kind === k ? "choice choice--checked" : "choice"}>
            <input
              type="radio"
              name={prefix === "profile" ? "affiliation-kind" : "verif-kind"}
              value={k}
              checked={value.kind === k}
              onChange={() => set({ kind: k })}
              data-testid={`${prefix}-kind-${k}`}
            />
            <span>{t(KIND_LABELS[k])}</span>
          </label>
        ))}
      </div>
      {value.kind === "region" &&
        (regionsStatus === "ready" ? (
          <RegionPicker
            value={value.region}
            onChange={(region) => set({ region })}
            provinceError={error("affiliation.province")}
            regionError={error("affiliation.code")}
          />
        ) : regionsStatus === "error" ? (
          explained ? (
            <>
              {retry}
              <Field
                label={t("users.edit.regionCode")}
                hint={t("users.edit.regionCode.hint")}
                error={error("affiliation.code")}
                testId="profile-region-code"
              >
                {(a11y) => (
                  <input
                    {...a11y}
                    className="input input--short"
                    inputMode="decimal"
                    value={value.manualCode}
                    onChange={(e) => set({ manualCode: e.target.value })}
                    data-testid="profile-region-code"
                  />
                )}
              </Field>
            </>
          ) : (
            retry
          )
        ) : (
          <p className="field__hint loading-line">
            <Spinner size="sm" /> {t("users.edit.regions.loading")}
          </p>
        ))}
      {value.kind === "agency" && (
        <Field
          label={t("users.edit.agency")}
          hint={explained ? t("users.edit.agency.hint") : undefined}
          error={error("affiliation.name")}
          testId={`${prefix}-agency`}
        >
          {(a11y) => (
            <input
              {...a11y}
              className="input"
              autoComplete="organization"
              maxLength={LIMITS.agencyName.max}
              value={value.agency}
              onChange={(e) => set({ agency: e.target.value })}
              data-testid={`${prefix}-agency`}
            />
          )}
        </Field>
      )}
    </fieldset>
  );
}

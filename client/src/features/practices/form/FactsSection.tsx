import { COST_SOURCES, PRACTICE_LIMITS, PRACTICE_STAGES, todayInIndonesia } from "@rembuk/shared";
import { Field } from "../../../components/Field";
import { useT } from "../../../lib/i18n";
import { useStore } from "../../../store";
import { RegionPicker } from "../../users";
import { SectorOptions } from "../DirectoryFiltersForm";
import { COST_SOURCE_KEYS, STAGE_KEYS } from "../practices.format";
import { useFieldStatus } from "./fieldStatus";
import type { SectionProps } from "./sections";

/** A visible "*" with the word for screen readers, for labels that are not a `Field`'s. */
function RequiredMark() {
  const t = useT();
  return (
    <>
      <span className="field__required" aria-hidden="true">
        {" "}
        *
      </span>
      <span className="sr-only"> ({t("form.requiredMark")})</span>
    </>
  );
}

/** Where, what field, how far along, since when and at what cost: what the directory filters on. */
export function FactsSection({ draft, update, form }: SectionProps) {
  const t = useT();
  const sectors = useStore((s) => s.sectors);
  const { readAs } = useFieldStatus();
  const required = t("form.requiredMark");
  return (
    <fieldset className="fieldset">
      <legend className="section-title">{t("practices.form.section.facts")}</legend>
      <div data-testid="practice-region" className="practice-form__region">
        <p className="field__label">
          {t("practices.form.region")}
          <RequiredMark />
        </p>
        <RegionPicker
          value={{ provinceCode: draft.provinceCode, regionCode: draft.regionCode }}
          onChange={(v) => update({ provinceCode: v.provinceCode, regionCode: v.regionCode })}
          provinceError={form.error("regionCode")}
        />
      </div>
      <Field
        label={t("practices.form.sector")}
        requiredText={required}
        hint={t("practices.form.sectorHint")}
        error={form.error("sector")}
        testId="practice-sector"
      >
        {(c) => (
          <select
            {...c}
            className="input select"
            value={draft.sector}
            data-testid="practice-sector"
            onChange={(e) => update({ sector: e.target.value })}
          >
            <option value="">{t("practices.form.sectorPlaceholder")}</option>
            <SectorOptions sectors={sectors} />
          </select>
        )}
      </Field>
      <fieldset
        className="fieldset"
        aria-describedby={form.issues.stage ? "practice-stage-error" : undefined}
      >
        <legend className="field__label">
          {t("practices.form.stage")}
          <RequiredMark />
        </legend>
        <div className="choice-group">
          {PRACTICE_STAGES.map((s) => (
            <label key={s} className={draft.stage === s ? "choice choice--checked" : "choice"}>
              <input
                type="radio"
                name="stage"
                value={s}
                checked={draft.stage === s}
                data-testid={`practice-stage-${s}`}
                aria-invalid={form.issues.stage ? true : undefined}
                onChange={() => update({ stage: s })}
              />
              {t(STAGE_KEYS[s])}
            </label>
          ))}
        </div>
        {form.issues.stage && (
          <p className="field__error" id="practice-stage-error" data-testid="practice-stage-error">
            <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false" className="field__error-icon">
              <circle cx="8" cy="8" r="7" fill="currentColor" />
              <path d="M8 4.2v4.6M8 10.9v.9" stroke="#fff" strokeWidth="1.8" strokeLinecap="round" />
            </svg>
            {form.error("stage")}
          </p>
        )}
      </fieldset>
      <Field
        label={t("practices.form.startDate")}
        requiredText={required}
        error={form.error("startDate")}
        testId="practice-start"
      >
        {(c) => (
          <input
            {...c}
            type="date"
            className="input input--short"
            min={PRACTICE_LIMITS.earliestDate}
            max={todayInIndonesia()}
            value={draft.startDate}
            data-testid="practice-start"
            onChange={(e) => update({ startDate: e.target.value })}
          />
        )}
      </Field>
      <div className="practice-form__cost">
        <Field
          label={t("practices.form.cost")}
          requiredText={required}
          status={readAs(draft.costAmount, true)}
          hint={t("practices.form.costHint")}
          error={form.error("cost.amount")}
          testId="practice-cost"
        >
          {(c) => (
            <input
              {...c}
              className="input"
              inputMode="numeric"
              value={draft.costAmount}
              data-testid="practice-cost"
              onChange={(e) => update({ costAmount: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={t("practices.form.costSource")}
          requiredText={required}
          error={form.error("cost.source")}
        >
          {(c) => (
            <select
              {...c}
              className="input select"
              value={draft.costSource}
              data-testid="practice-cost-source"
              onChange={(e) =>
                update({ costSource: COST_SOURCES.find((x) => x === e.target.value) ?? "APBD" })
              }
            >
              {COST_SOURCES.map((s) => (
                <option key={s} value={s}>
                  {t(COST_SOURCE_KEYS[s])}
                </option>
              ))}
            </select>
          )}
        </Field>
      </div>
    </fieldset>
  );
}

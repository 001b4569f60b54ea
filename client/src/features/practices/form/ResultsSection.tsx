import { PRACTICE_LIMITS } from "@rembuk/shared";
import { Button } from "../../../components/Button";
import { Field } from "../../../components/Field";
import { useT } from "../../../lib/i18n";
import { emptyResult, type PracticeDraft } from "../practice.form";
import { useFieldStatus } from "./fieldStatus";
import type { SectionProps } from "./sections";

/** Measured results: an indicator with its value before and after, as many rows as the record allows. */
export function ResultsSection({ draft, update, form }: SectionProps) {
  const t = useT();
  const { readAs } = useFieldStatus();
  const updateResult = (i: number, patch: Partial<PracticeDraft["results"][number]>) =>
    update({ results: draft.results.map((r, j) => (j === i ? { ...r, ...patch } : r)) });
  return (
    <fieldset className="fieldset">
      <legend className="section-title">{t("practices.form.section.results")}</legend>
      <p className="field__hint">{t("practices.form.resultsHint")}</p>
      {draft.results.map((r, i) => (
        <div key={i} className="result-row" data-testid="practice-result">
          <Field label={t("practices.form.indicator")} error={form.error(`results.${i}.indicator`)}>
            {(c) => (
              <input
                {...c}
                className="input"
                value={r.indicator}
                maxLength={PRACTICE_LIMITS.indicator.max}
                onChange={(e) => updateResult(i, { indicator: e.target.value })}
              />
            )}
          </Field>
          <Field
            label={t("practices.form.before")}
            status={readAs(r.before)}
            error={form.error(`results.${i}.before`)}
            testId={`practice-result-${i}-before`}
          >
            {(c) => (
              <input
                {...c}
                className="input"
                inputMode="decimal"
                value={r.before}
                onChange={(e) => updateResult(i, { before: e.target.value })}
              />
            )}
          </Field>
          <Field
            label={t("practices.form.after")}
            status={readAs(r.after)}
            error={form.error(`results.${i}.after`)}
            testId={`practice-result-${i}-after`}
          >
            {(c) => (
              <input
                {...c}
                className="input"
                inputMode="decimal"
                value={r.after}
                onChange={(e) => updateResult(i, { after: e.target.value })}
              />
            )}
          </Field>
          <Field label={t("practices.form.unit")} optionalText={t("ui.optional")}>
            {(c) => (
              <input
                {...c}
                className="input"
                value={r.unit}
                maxLength={PRACTICE_LIMITS.unit.max}
                onChange={(e) => updateResult(i, { unit: e.target.value })}
              />
            )}
          </Field>
          <Button
            variant="ghost"
            size="sm"
            className="result-row__remove"
            aria-label={t("practices.form.removeResult", { n: i + 1 })}
            onClick={() => update({ results: draft.results.filter((_, j) => j !== i) })}
          >
            ×
          </Button>
        </div>
      ))}
      {draft.results.length < PRACTICE_LIMITS.results.max && (
        <div>
          <Button
            variant="secondary"
            size="sm"
            data-testid="practice-add-result"
            onClick={() => update({ results: [...draft.results, emptyResult()] })}
          >
            {t("practices.form.addResult")}
          </Button>
        </div>
      )}
    </fieldset>
  );
}

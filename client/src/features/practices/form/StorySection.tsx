import { LIMITS, PRACTICE_LIMITS, type RoomDto } from "@rembuk/shared";
import { Field } from "../../../components/Field";
import { useLocale, useT } from "../../../lib/i18n";
import { localized } from "../../../lib/locale";
import { useFieldStatus } from "./fieldStatus";
import type { SectionProps } from "./sections";

/** A new practice opens a thread: the room it goes in, its title and the summary that starts it. */
export function OpeningSection({ draft, update, form, rooms }: SectionProps & { rooms: RoomDto[] }) {
  const t = useT();
  const locale = useLocale();
  const { count } = useFieldStatus();
  const required = t("form.requiredMark");
  return (
    <fieldset className="fieldset">
      <legend className="section-title">{t("practices.form.section.story")}</legend>
      <Field
        label={t("practices.form.room")}
        requiredText={required}
        hint={t("practices.form.roomHint")}
        error={form.error("room")}
        testId="practice-room"
      >
        {(c) => (
          <select
            {...c}
            className="input select"
            value={draft.roomSlug}
            data-testid="practice-room"
            onChange={(e) => update({ roomSlug: e.target.value })}
          >
            {rooms.map((r) => (
              <option key={r.id} value={r.slug}>
                {localized(r.name, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field
        label={t("practices.form.title")}
        requiredText={required}
        status={count(draft.title, LIMITS.threadTitle.min)}
        error={form.error("title")}
        testId="practice-title"
      >
        {(c) => (
          <input
            {...c}
            className="input"
            value={draft.title}
            maxLength={LIMITS.threadTitle.max}
            data-testid="practice-title-input"
            onChange={(e) => update({ title: e.target.value })}
          />
        )}
      </Field>
      <Field
        label={t("practices.form.summary")}
        requiredText={required}
        hint={t("practices.form.summaryHint")}
        error={form.error("summary") ?? form.error("body")}
        testId="practice-summary"
      >
        {(c) => (
          <textarea
            {...c}
            className="input textarea"
            rows={3}
            value={draft.summary}
            data-testid="practice-summary"
            onChange={(e) => update({ summary: e.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}

/** The problem and the approach; titled "the story" when there is no opening section above it. */
export function ProblemSection({ draft, update, form, titled }: SectionProps & { titled: boolean }) {
  const t = useT();
  const { count } = useFieldStatus();
  const required = t("form.requiredMark");
  return (
    <fieldset className="fieldset">
      {titled && <legend className="section-title">{t("practices.form.section.story")}</legend>}
      <Field
        label={t("practices.form.problem")}
        requiredText={required}
        status={count(draft.problem, PRACTICE_LIMITS.problem.min)}
        hint={t("practices.form.problemHint")}
        error={form.error("problem")}
        testId="practice-problem"
      >
        {(c) => (
          <textarea
            {...c}
            className="input textarea"
            rows={4}
            maxLength={PRACTICE_LIMITS.problem.max}
            value={draft.problem}
            data-testid="practice-problem"
            onChange={(e) => update({ problem: e.target.value })}
          />
        )}
      </Field>
      <Field
        label={t("practices.form.approach")}
        requiredText={required}
        status={count(draft.approach, PRACTICE_LIMITS.approach.min)}
        hint={t("practices.form.approachHint")}
        error={form.error("approach")}
        testId="practice-approach"
      >
        {(c) => (
          <textarea
            {...c}
            className="input textarea"
            rows={6}
            maxLength={PRACTICE_LIMITS.approach.max}
            value={draft.approach}
            data-testid="practice-approach"
            onChange={(e) => update({ approach: e.target.value })}
          />
        )}
      </Field>
    </fieldset>
  );
}

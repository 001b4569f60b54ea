import { Link } from "react-router";
import { PRACTICE_LIMITS } from "@rembuk/shared";
import { Button } from "../../../components/Button";
import { Field } from "../../../components/Field";
import { useT } from "../../../lib/i18n";
import { practiceIdFrom } from "../practice.form";
import { SDG_KEYS } from "../practices.format";
import type { SectionProps } from "./sections";

/**
 * The optional rest: goals it serves, links, a contact, and the practice it adapts (shown as a link
 * when that record is known: the one it was opened from, or the one the saved record names).
 */
export function MoreSection({
  draft,
  update,
  form,
  known,
}: SectionProps & { known: { id: string; title: string } | null }) {
  const t = useT();
  const linkError =
    form.error("links") ??
    Object.keys(form.issues)
      .filter((k) => k.startsWith("links."))
      .map(form.error)[0];
  return (
    <fieldset className="fieldset">
      <legend className="section-title">{t("practices.form.section.more")}</legend>
      <fieldset className="fieldset">
        <legend className="field__label">
          {t("practices.form.sdgs")} <span className="field__optional">{t("ui.optional")}</span>
        </legend>
        <div className="sdg-picker">
          {SDG_KEYS.map((key, i) => {
            const n = i + 1;
            const on = draft.sdgs.includes(n);
            return (
              <label key={key} className={on ? "sdg-pick sdg-pick--on" : "sdg-pick"} title={t(key)}>
                <input
                  type="checkbox"
                  checked={on}
                  data-testid={`practice-sdg-${n}`}
                  onChange={() =>
                    update({ sdgs: on ? draft.sdgs.filter((x) => x !== n) : [...draft.sdgs, n] })
                  }
                />
                <span className={`sdg__n sdg--${n}`}>{n}</span>
                <span className="sdg-pick__name">{t(key)}</span>
              </label>
            );
          })}
        </div>
      </fieldset>
      <Field
        label={t("practices.form.links")}
        optionalText={t("ui.optional")}
        hint={t("practices.form.linksHint")}
        error={linkError}
        testId="practice-links"
      >
        {(c) => (
          <textarea
            {...c}
            className="input textarea"
            rows={2}
            value={draft.links}
            data-testid="practice-links"
            onChange={(e) => update({ links: e.target.value })}
          />
        )}
      </Field>
      <Field
        label={t("practices.form.contact")}
        optionalText={t("ui.optional")}
        hint={t("practices.form.contactHint")}
        error={form.error("contact")}
      >
        {(c) => (
          <input
            {...c}
            className="input"
            maxLength={PRACTICE_LIMITS.contact.max}
            value={draft.contact}
            data-testid="practice-contact"
            onChange={(e) => update({ contact: e.target.value })}
          />
        )}
      </Field>
      <Field
        label={t("practices.form.derivedFrom")}
        optionalText={t("ui.optional")}
        hint={t("practices.form.derivedFromHint")}
        error={form.error("derivedFrom")}
        testId="practice-derived"
      >
        {(c) =>
          draft.derivedFrom && known?.id === draft.derivedFrom ? (
            <div className="derived-chip" id={c.id}>
              <Link to={`/practices/${draft.derivedFrom}`}>{known.title}</Link>
              <Button size="sm" variant="ghost" onClick={() => update({ derivedFrom: "" })}>
                {t("practices.form.derivedFromRemove")}
              </Button>
            </div>
          ) : (
            <input
              {...c}
              className="input"
              value={draft.derivedFrom}
              placeholder="https://…/practices/…"
              data-testid="practice-derived"
              onChange={(e) =>
                update({ derivedFrom: practiceIdFrom(e.target.value) || e.target.value.trim() })
              }
            />
          )
        }
      </Field>
    </fieldset>
  );
}

import { useState, type FormEvent } from "react";
import { LIMITS, SuspendInput } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field, FormAlert } from "../../components/Field";
import { describeError } from "../../lib/errors";
import { formatDate, formatNumber } from "../../lib/format";
import { useT, type MessageKey, type MessageParams } from "../../lib/i18n";
import { isApiError } from "../../lib/api";
import { issuesFromApi, issueText, validate, type FieldIssues } from "../../lib/validation";
import { useStore } from "../../store";

const PRESET_DAYS = [1, 7, 30] as const;
type Duration = (typeof PRESET_DAYS)[number] | "custom";

/** `YYYY-MM-DD` for a local date, as `<input type=date>` wants it. */
function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The moment a suspension ends: now + N days, or the end of the chosen local day. */
export function suspensionEnd(duration: Duration, customDay: string, now: Date = new Date()): Date | null {
  if (duration !== "custom") return new Date(now.getTime() + duration * 24 * 3600 * 1000);
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(customDay);
  if (!m) return null;
  const end = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]), 23, 59, 59);
  return Number.isNaN(end.getTime()) ? null : end;
}

/** Mount with `key={userId}` so each opening starts from a fresh form. */
export function SuspendDialog({ userId, onClose }: { userId: string; onClose: () => void }) {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const user = useStore((s) => (userId ? s.usersById[userId] : undefined));
  const suspendUser = useStore((s) => s.suspendUser);
  const pushToast = useStore((s) => s.pushToast);
  const [duration, setDuration] = useState<Duration>(7);
  const [customDay, setCustomDay] = useState("");
  const [reason, setReason] = useState("");
  const [issues, setIssues] = useState<FieldIssues>({});
  const [formError, setFormError] = useState<{ key: MessageKey; params?: MessageParams } | null>(null);
  const [saving, setSaving] = useState(false);

  if (!user) return null;

  const end = suspensionEnd(duration, customDay);
  const tomorrow = isoDay(new Date(Date.now() + 24 * 3600 * 1000));

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFormError(null);
    if (duration === "custom" && (!end || end.getTime() <= Date.now())) {
      setIssues({ until: { key: end ? "admin.suspend.untilPast" : "form.date" } });
      return;
    }
    const parsed = validate(SuspendInput, { until: end?.toISOString(), reason });
    if (!parsed.ok) {
      setIssues(parsed.issues);
      return;
    }
    setIssues({});
    setSaving(true);
    try {
      await suspendUser(userId, parsed.data);
      pushToast({
        tone: "success",
        message: "admin.toast.suspended",
        params: { name: user.name, date: formatDate(parsed.data.until, locale) },
      });
      onClose();
    } catch (err) {
      setSaving(false);
      if (isApiError(err) && err.code === "VALIDATION") setIssues(issuesFromApi(err));
      setFormError(describeError(err, locale));
    }
  };

  return (
    <Dialog
      open
      title={t("admin.suspend.title", { name: user.name })}
      description={t("admin.suspend.description")}
      onClose={onClose}
      testId="suspend-dialog"
    >
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
        {formError && <FormAlert>{t(formError.key, formError.params)}</FormAlert>}
        <fieldset className="fieldset">
          <legend className="field__label">{t("admin.suspend.duration")}</legend>
          <div className="choice-group">
            {PRESET_DAYS.map((days) => (
              <label key={days} className={duration === days ? "choice choice--checked" : "choice"}>
                <input
                  type="radio"
                  name="suspend-duration"
                  checked={duration === days}
                  onChange={() => setDuration(days)}
                  data-testid={`suspend-days-${days}`}
                />
                <span>{formatNumber(days, locale, { style: "unit", unit: "day", unitDisplay: "long" })}</span>
              </label>
            ))}
            <label className={duration === "custom" ? "choice choice--checked" : "choice"}>
              <input
                type="radio"
                name="suspend-duration"
                checked={duration === "custom"}
                onChange={() => setDuration("custom")}
                data-testid="suspend-days-custom"
              />
              <span>{t("admin.suspend.custom")}</span>
            </label>
          </div>
        </fieldset>
        {duration === "custom" && (
          <Field label={t("admin.suspend.until")} error={issueText(t, issues.until)} testId="suspend-until">
            {(a11y) => (
              <input
                {...a11y}
                type="date"
                className="input input--short"
                min={tomorrow}
                value={customDay}
                onChange={(e) => setCustomDay(e.target.value)}
                data-testid="suspend-until"
              />
            )}
          </Field>
        )}
        {end && !issues.until && (
          <p className="field__hint" data-testid="suspend-ends">
            {t("admin.suspend.endsOn", { date: formatDate(end, locale) })}
          </p>
        )}
        <Field
          label={t("admin.suspend.reason")}
          hint={t("admin.suspend.reason.hint")}
          error={issueText(t, issues.reason)}
          testId="suspend-reason"
        >
          {(a11y) => (
            <textarea
              {...a11y}
              className="input textarea"
              rows={3}
              maxLength={LIMITS.suspendReason.max}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="suspend-reason"
            />
          )}
        </Field>
        <div className="form__actions">
          <Button variant="ghost" onClick={onClose}>
            {t("ui.cancel")}
          </Button>
          <Button type="submit" variant="danger" loading={saving} data-testid="suspend-submit">
            {t("admin.suspend.submit")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

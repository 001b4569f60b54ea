import { useState } from "react";
import { LIMITS, SuspendInput } from "@rembuk/shared";
import { Field } from "../../components/Field";
import { endOfDay, useTomorrow } from "../../components/form/dayInput";
import { FormDialog } from "../../components/form/FormDialog";
import { useForm } from "../../components/form/useForm";
import { formatDate, formatNumber } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";

const PRESET_DAYS = [1, 7, 30] as const;
type Duration = (typeof PRESET_DAYS)[number] | "custom";

/** The moment a suspension ends: now + N days, or the end of the chosen local day. */
export function suspensionEnd(duration: Duration, customDay: string, now: Date = new Date()): Date | null {
  if (duration !== "custom") return new Date(now.getTime() + duration * 24 * 3600 * 1000);
  return endOfDay(customDay);
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
  const form = useForm();
  // The "ends on" line counts from when the dialog opened; what is sent counts from the click.
  const [openedAt] = useState(() => new Date());
  const tomorrow = useTomorrow();

  if (!user) return null;

  const end = suspensionEnd(duration, customDay, openedAt);

  const onSubmit = async () => {
    const end = suspensionEnd(duration, customDay);
    if (duration === "custom" && (!end || end.getTime() <= Date.now())) {
      return form.fail({ until: { key: end ? "admin.suspend.untilPast" : "form.date" } });
    }
    const input = form.check(SuspendInput, { until: end?.toISOString(), reason });
    if (!input) return;
    if (!(await form.submit(() => suspendUser(userId, input)))) return;
    pushToast({
      tone: "success",
      message: "admin.toast.suspended",
      params: { name: user.name, date: formatDate(input.until, locale) },
    });
    onClose();
  };

  return (
    <FormDialog
      title={t("admin.suspend.title", { name: user.name })}
      description={t("admin.suspend.description")}
      onClose={onClose}
      testId="suspend-dialog"
      form={form}
      onSubmit={onSubmit}
      submitLabel={t("admin.suspend.submit")}
      submitVariant="danger"
      submitTestId="suspend-submit"
    >
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
        <Field label={t("admin.suspend.until")} error={form.error("until")} testId="suspend-until">
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
      {end && !form.issues.until && (
        <p className="field__hint" data-testid="suspend-ends">
          {t("admin.suspend.endsOn", { date: formatDate(end, locale) })}
        </p>
      )}
      <Field
        label={t("admin.suspend.reason")}
        hint={t("admin.suspend.reason.hint")}
        error={form.error("reason")}
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
    </FormDialog>
  );
}

import { useState, type FormEvent } from "react";
import { MOD_LIMITS } from "@rembuk/shared";
import { Button, type ButtonVariant } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field, FormAlert } from "../../components/Field";
import { useLocale, useT, type MessageKey, type MessageParams } from "../../lib/i18n";
import { useStore } from "../../store";
import { forumError } from "../posts";

const PRESETS: MessageKey[] = [
  "moderation.preset.privacy",
  "moderation.preset.promo",
  "moderation.preset.offtopic",
  "moderation.preset.incivility",
  "moderation.preset.unverified",
];

export interface ReasonDialogProps {
  title: string;
  description?: string;
  /** Required reasons are told to the author; optional ones only go to the audit log. */
  required: boolean;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  /** The reason as a label (e.g. "Pesan untuk pelapor") when it is not a moderator's reason. */
  fieldLabel?: string;
  fieldHint?: string;
  presets?: boolean;
  /** Toasted after a successful submit. */
  doneMessage?: MessageKey;
  onSubmit: (reason: string | undefined) => Promise<void>;
  onClose: () => void;
  testId?: string;
}

/**
 * Every moderator decision that carries a reason goes through this dialog: a few common reasons to pick,
 * a text the author (or reporter) will read, the server's limits checked before sending.
 */
export function ReasonDialog({
  title,
  description,
  required,
  submitLabel,
  submitVariant = "primary",
  fieldLabel,
  fieldHint,
  presets = true,
  doneMessage,
  onSubmit,
  onClose,
  testId = "reason-dialog",
}: ReasonDialogProps) {
  const t = useT();
  const locale = useLocale();
  const [reason, setReason] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<{ key: MessageKey; params?: MessageParams } | null>(null);
  const [busy, setBusy] = useState(false);
  const toast = useStore((s) => s.pushToast);
  const trimmed = reason.trim();

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if ((required || trimmed) && trimmed.length < MOD_LIMITS.reason.min) {
      setError(t("form.tooShort", { min: MOD_LIMITS.reason.min }));
      return;
    }
    setError(null);
    setBusy(true);
    try {
      await onSubmit(trimmed || undefined);
      if (doneMessage) toast({ tone: "success", message: doneMessage });
      onClose();
    } catch (err) {
      setFormError(forumError(err, locale));
      setBusy(false);
    }
  };

  return (
    <Dialog open title={title} description={description} onClose={onClose} testId={testId}>
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {formError && <FormAlert>{t(formError.key, formError.params)}</FormAlert>}
        {presets && (
          <div className="mod-presets" role="group" aria-label={t("moderation.dialog.reason.presets")}>
            {PRESETS.map((key) => (
              <button key={key} type="button" className="mod-chip" onClick={() => setReason(t(key))}>
                {t(key)}
              </button>
            ))}
          </div>
        )}
        <Field
          label={fieldLabel ?? t("moderation.dialog.reason")}
          hint={
            fieldHint ??
            t(required ? "moderation.dialog.reason.required" : "moderation.dialog.reason.optional")
          }
          error={error}
          testId="reason"
        >
          {(a11y) => (
            <textarea
              {...a11y}
              className="input textarea"
              rows={3}
              maxLength={MOD_LIMITS.reason.max}
              value={reason}
              onChange={(e) => setReason(e.target.value)}
              data-testid="reason-input"
              data-autofocus
            />
          )}
        </Field>
        <div className="form__actions">
          <Button variant="ghost" onClick={onClose}>
            {t("moderation.dialog.cancel")}
          </Button>
          <Button type="submit" variant={submitVariant} loading={busy} data-testid="reason-submit">
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

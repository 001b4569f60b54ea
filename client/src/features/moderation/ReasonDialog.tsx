import { useState } from "react";
import { MOD_LIMITS } from "@rembuk/shared";
import type { ButtonVariant } from "../../components/Button";
import { Field } from "../../components/Field";
import { FormDialog } from "../../components/form/FormDialog";
import { useForm } from "../../components/form/useForm";
import { useT, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { forumError } from "../../lib/errors";

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
  const form = useForm({ describe: forumError });
  const [reason, setReason] = useState("");
  const toast = useStore((s) => s.pushToast);
  const trimmed = reason.trim();

  const submit = async () => {
    if ((required || trimmed) && trimmed.length < MOD_LIMITS.reason.min) {
      form.fail({ reason: { key: "form.tooShort", params: { min: MOD_LIMITS.reason.min } } });
      return;
    }
    const sent = await form.submit(() => onSubmit(trimmed || undefined));
    if (!sent) return;
    if (doneMessage) toast({ tone: "success", message: doneMessage });
    onClose();
  };

  return (
    <FormDialog
      title={title}
      description={description}
      onClose={onClose}
      testId={testId}
      form={form}
      onSubmit={submit}
      submitLabel={submitLabel}
      submitVariant={submitVariant}
      submitTestId="reason-submit"
    >
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
          fieldHint ?? t(required ? "moderation.dialog.reason.required" : "moderation.dialog.reason.optional")
        }
        error={form.error("reason")}
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
    </FormDialog>
  );
}

import { useState } from "react";
import { FlagCreateInput, FlagReason, MOD_LIMITS, type FlagTargetType } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { FormDialog } from "../../components/form/FormDialog";
import { useForm } from "../../components/form/useForm";
import { isApiError } from "../../lib/api";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { forumError } from "../../lib/errors";
import { FlagIcon } from "../../components/icons";

/** A member flags a post or a thread for the moderators, with a reason and a note. */
export function FlagDialog({
  targetType,
  targetId,
  onClose,
}: {
  targetType: FlagTargetType;
  targetId: string;
  onClose: () => void;
}) {
  const t = useT();
  const flagContent = useStore((s) => s.flagContent);
  const toast = useStore((s) => s.pushToast);
  const form = useForm({ describe: forumError });
  const [reason, setReason] = useState<FlagReason | null>(null);
  const [note, setNote] = useState("");

  const submit = async () => {
    if (!reason) return form.fail({ reason: { key: "form.required" } });
    const input = form.check(FlagCreateInput, {
      targetType,
      targetId,
      reason,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (!input) return;
    let duplicate = false;
    const sent = await form.submit(async () => {
      try {
        await flagContent(input);
      } catch (err) {
        // Flagged before (another tab, an earlier visit): nothing to fix, so no error to show.
        if (!isApiError(err) || err.code !== "CONFLICT") throw err;
        duplicate = true;
      }
    });
    if (!sent) return;
    toast(
      duplicate
        ? { tone: "info", message: "moderation.flag.duplicate" }
        : { tone: "success", message: "moderation.flag.sent" },
    );
    onClose();
  };

  return (
    <FormDialog
      title={t("moderation.flag.title")}
      description={t("moderation.flag.lead")}
      onClose={onClose}
      testId="flag-dialog"
      form={form}
      onSubmit={submit}
      submitLabel={t("moderation.flag.submit")}
      submitVariant="danger"
      submitIcon={<FlagIcon />}
      submitTestId="flag-submit"
    >
      <fieldset className="fieldset">
        <legend className="field__label">{t("moderation.flag.reason")}</legend>
        <div className="mod-reasons">
          {FlagReason.options.map((r) => (
            <label key={r} className={reason === r ? "choice choice--checked" : "choice"}>
              <input
                type="radio"
                name="flag-reason"
                checked={reason === r}
                onChange={() => setReason(r)}
                data-testid={`flag-reason-${r}`}
              />
              <span>{t(`moderation.reason.${r}`)}</span>
            </label>
          ))}
        </div>
        {form.issues.reason && <p className="field__error">{form.error("reason")}</p>}
      </fieldset>
      <Field
        label={t("moderation.flag.note")}
        hint={t("moderation.flag.note.hint")}
        error={form.error("note")}
        testId="flag-note"
      >
        {(a11y) => (
          <textarea
            {...a11y}
            className="input textarea"
            rows={3}
            maxLength={MOD_LIMITS.flagNote.max}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            data-testid="flag-note"
          />
        )}
      </Field>
    </FormDialog>
  );
}

/** The flag button for readers who may flag (signed in, not the author); says when already flagged. */
export function FlagButton({
  targetType,
  targetId,
  label,
}: {
  targetType: FlagTargetType;
  targetId: string;
  label?: string;
}) {
  const t = useT();
  const flagged = useStore((s) => Boolean(s.flaggedTargets[targetId]));
  const [open, setOpen] = useState(false);
  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        icon={<FlagIcon />}
        onClick={() => setOpen(true)}
        disabled={flagged}
        data-testid={targetType === "post" ? "post-flag" : "thread-flag"}
        title={flagged ? t("moderation.flag.flagged") : undefined}
      >
        {flagged ? t("moderation.flag.flagged") : (label ?? t("moderation.flag.button"))}
      </Button>
      {open && <FlagDialog targetType={targetType} targetId={targetId} onClose={() => setOpen(false)} />}
    </>
  );
}

import { useState, type FormEvent } from "react";
import { FlagCreateInput, FlagReason, MOD_LIMITS, type FlagTargetType } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field, FormAlert } from "../../components/Field";
import { isApiError } from "../../lib/api";
import { useLocale, useT, type MessageKey, type MessageParams } from "../../lib/i18n";
import { issueText, validate, type FieldIssues } from "../../lib/validation";
import { useStore } from "../../store";
import { forumError } from "../posts";
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
  const locale = useLocale();
  const flagContent = useStore((s) => s.flagContent);
  const toast = useStore((s) => s.pushToast);
  const [reason, setReason] = useState<FlagReason | null>(null);
  const [note, setNote] = useState("");
  const [issues, setIssues] = useState<FieldIssues>({});
  const [formError, setFormError] = useState<{ key: MessageKey; params?: MessageParams } | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!reason) {
      setIssues({ reason: { key: "form.required" } });
      return;
    }
    const parsed = validate(FlagCreateInput, {
      targetType,
      targetId,
      reason,
      ...(note.trim() ? { note: note.trim() } : {}),
    });
    if (!parsed.ok) {
      setIssues(parsed.issues);
      return;
    }
    setIssues({});
    setBusy(true);
    try {
      await flagContent(parsed.data);
      toast({ tone: "success", message: "moderation.flag.sent" });
      onClose();
    } catch (err) {
      if (isApiError(err) && err.code === "CONFLICT") {
        toast({ tone: "info", message: "moderation.flag.duplicate" });
        onClose();
        return;
      }
      setFormError(forumError(err, locale));
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      title={t("moderation.flag.title")}
      description={t("moderation.flag.lead")}
      onClose={onClose}
      testId="flag-dialog"
    >
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {formError && <FormAlert>{t(formError.key, formError.params)}</FormAlert>}
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
          {issues.reason && <p className="field__error">{issueText(t, issues.reason)}</p>}
        </fieldset>
        <Field
          label={t("moderation.flag.note")}
          hint={t("moderation.flag.note.hint")}
          error={issueText(t, issues.note)}
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
        <div className="form__actions">
          <Button variant="ghost" onClick={onClose}>
            {t("moderation.dialog.cancel")}
          </Button>
          <Button type="submit" variant="danger" loading={busy} icon={<FlagIcon />} data-testid="flag-submit">
            {t("moderation.flag.submit")}
          </Button>
        </div>
      </form>
    </Dialog>
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

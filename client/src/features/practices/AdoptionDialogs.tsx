import { useState } from "react";
import {
  AdoptionCreateInput,
  AdoptionStepInput,
  PRACTICE_LIMITS,
  todayInIndonesia,
  type AdoptionDto,
  type AdoptionStage,
} from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field, FormAlert } from "../../components/Field";
import { isApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { useLocale, useT, type MessageKey } from "../../lib/i18n";
import { validate, type FieldIssues, issueText } from "../../lib/validation";
import { useStore } from "../../store";
import { ADOPTION_STAGE_KEYS, STEP_ACTION_KEYS } from "./practices.format";

type StepTarget = Exclude<AdoptionStage, "interested">;

/** Ledger errors the UI words itself: a step that is no longer legal, an adoption that already exists. */
function ledgerError(err: unknown): MessageKey | null {
  if (!isApiError(err)) return null;
  if (err.code === "ILLEGAL_TRANSITION") return "practices.step.illegal";
  if (err.code === "CONFLICT" && err.details.reason === "already-adopting") return "practices.adopt.already";
  if (err.code === "CONFLICT" && err.details.reason === "own-practice") return "practices.adopt.own";
  return null;
}

/** Note and date, shared by "adopt" and each later step; both validated with the shared schemas. */
function StepForm({
  submitLabel,
  submitTestId,
  onSubmit,
  onCancel,
  minDate,
}: {
  submitLabel: string;
  submitTestId: string;
  onSubmit: (values: { note?: string; date: string }) => Promise<FieldIssues | null>;
  onCancel: () => void;
  minDate?: string;
}) {
  const t = useT();
  const locale = useLocale();
  const today = todayInIndonesia();
  const [note, setNote] = useState("");
  const [date, setDate] = useState(today);
  const [issues, setIssues] = useState<FieldIssues>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async () => {
    setAlert(null);
    if (minDate && date && date < minDate) {
      setIssues({ date: { key: "practices.step.earlier" } });
      return;
    }
    setBusy(true);
    try {
      const result = await onSubmit({ note: note.trim() || undefined, date });
      if (result) setIssues(result);
    } catch (err) {
      if (isApiError(err) && err.code === "VALIDATION" && err.fieldErrors.date) {
        // The server's only date rule beyond the schema: not before the previous step.
        setIssues({ date: { key: "practices.step.earlier" } });
        return;
      }
      const own = ledgerError(err);
      const { key, params } = describeError(err, locale);
      setAlert(own ? t(own) : t(key, params));
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      className="form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      {alert && <FormAlert testId="adoption-alert">{alert}</FormAlert>}
      <Field
        label={t("practices.adopt.note")}
        optionalText={t("ui.optional")}
        hint={t("practices.adopt.noteHint")}
        error={issueText(t, issues.note)}
      >
        {(c) => (
          <textarea
            {...c}
            className="input textarea"
            rows={3}
            maxLength={PRACTICE_LIMITS.adoptionNote.max}
            value={note}
            data-testid="adoption-note"
            onChange={(e) => setNote(e.target.value)}
          />
        )}
      </Field>
      <Field
        label={t("practices.adopt.date")}
        hint={t("practices.adopt.dateHint")}
        error={issueText(t, issues.date)}
        testId="adoption-date"
      >
        {(c) => (
          <input
            {...c}
            type="date"
            className="input input--short"
            value={date}
            min={minDate}
            max={today}
            data-testid="adoption-date"
            onChange={(e) => setDate(e.target.value)}
          />
        )}
      </Field>
      <div className="form__actions">
        <Button variant="ghost" onClick={onCancel}>
          {t("ui.cancel")}
        </Button>
        <Button type="submit" loading={busy} data-testid={submitTestId}>
          {submitLabel}
        </Button>
      </div>
    </form>
  );
}

const dateIssue = (issues: FieldIssues): FieldIssues =>
  issues.date ? { ...issues, date: { key: "practices.error.startDate" } } : issues;

export function AdoptDialog({
  practiceId,
  affiliationLabel,
  open,
  onClose,
}: {
  practiceId: string;
  affiliationLabel: string;
  open: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const adopt = useStore((s) => s.adoptPractice);
  const toast = useStore((s) => s.pushToast);
  return (
    <Dialog
      open={open}
      onClose={onClose}
      title={t("practices.adopt.title", { affiliation: affiliationLabel })}
      description={t("practices.adopt.lead")}
      testId="adopt-dialog"
    >
      <StepForm
        submitLabel={t("practices.adopt.submit")}
        submitTestId="adopt-submit"
        onCancel={onClose}
        onSubmit={async (values) => {
          const checked = validate(AdoptionCreateInput, { stage: "interested", ...values });
          if (!checked.ok) return dateIssue(checked.issues);
          await adopt(practiceId, { note: checked.data.note, date: checked.data.date });
          toast({ tone: "success", message: "practices.adopt.done" });
          onClose();
          return null;
        }}
      />
    </Dialog>
  );
}

export function StepDialog({
  adoption,
  to,
  affiliationLabel,
  onClose,
}: {
  adoption: AdoptionDto;
  to: StepTarget | null;
  affiliationLabel: string;
  onClose: () => void;
}) {
  const t = useT();
  const step = useStore((s) => s.stepAdoption);
  const toast = useStore((s) => s.pushToast);
  const last = adoption.steps[adoption.steps.length - 1];
  return (
    <Dialog
      open={to !== null}
      onClose={onClose}
      title={
        to
          ? t("practices.step.title", { stage: t(ADOPTION_STAGE_KEYS[to]), affiliation: affiliationLabel })
          : ""
      }
      testId="step-dialog"
    >
      {to && (
        <StepForm
          submitLabel={t(STEP_ACTION_KEYS[to])}
          submitTestId="step-submit"
          minDate={last?.date}
          onCancel={onClose}
          onSubmit={async (values) => {
            const checked = validate(AdoptionStepInput, { stage: to, ...values });
            if (!checked.ok) return dateIssue(checked.issues);
            await step(adoption.id, checked.data);
            toast({ tone: "success", message: "practices.step.done" });
            onClose();
            return null;
          }}
        />
      )}
    </Dialog>
  );
}

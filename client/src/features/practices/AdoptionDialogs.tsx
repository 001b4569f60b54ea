import { useState } from "react";
import {
  AdoptionCreateInput,
  AdoptionStepInput,
  PRACTICE_LIMITS,
  todayInIndonesia,
  type AdoptionDto,
  type AdoptionStage,
  type Locale,
} from "@rembuk/shared";
import { Field } from "../../components/Field";
import { FormDialog } from "../../components/form/FormDialog";
import { useForm } from "../../components/form/useForm";
import { isApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { useT, type MessageKey } from "../../lib/i18n";
import { validate, type FieldIssues } from "../../lib/validation";
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

/** The date is the form's own message when the server finds it before the previous step. */
const earlierDate = (err: unknown) =>
  isApiError(err) && err.code === "VALIDATION" && Boolean(err.fieldErrors.date);
// The server's only date rule beyond the schema: not before the previous step.
const stepIssues = (err: unknown): FieldIssues | null =>
  earlierDate(err) ? { date: { key: "practices.step.earlier" } } : null;
function stepError(err: unknown, locale: Locale) {
  if (earlierDate(err)) return null;
  const own = ledgerError(err);
  return own ? { key: own } : describeError(err, locale);
}

/** Note and date, shared by "adopt" and each later step; both validated with the shared schemas. */
function StepFormDialog({
  title,
  description,
  testId,
  submitLabel,
  submitTestId,
  onSubmit,
  onClose,
  minDate,
}: {
  title: string;
  description?: string;
  testId: string;
  submitLabel: string;
  submitTestId: string;
  /** Sends the step; resolves to the field issues its schema found (nothing sent), or null. */
  onSubmit: (values: { note?: string; date: string }) => Promise<FieldIssues | null>;
  onClose: () => void;
  minDate?: string;
}) {
  const t = useT();
  const today = todayInIndonesia();
  const [note, setNote] = useState("");
  const [date, setDate] = useState(today);
  const form = useForm({ describe: stepError, fieldIssues: stepIssues });

  const submit = async () => {
    if (minDate && date && date < minDate) return form.fail({ date: { key: "practices.step.earlier" } });
    let found: FieldIssues | null = null;
    await form.submit(async () => {
      found = await onSubmit({ note: note.trim() || undefined, date });
    });
    if (found) form.fail(found);
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
      submitTestId={submitTestId}
      alertTestId="adoption-alert"
    >
      <Field
        label={t("practices.adopt.note")}
        optionalText={t("ui.optional")}
        hint={t("practices.adopt.noteHint")}
        error={form.error("note")}
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
        error={form.error("date")}
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
    </FormDialog>
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
    open && (
      <StepFormDialog
        title={t("practices.adopt.title", { affiliation: affiliationLabel })}
        description={t("practices.adopt.lead")}
        testId="adopt-dialog"
        submitLabel={t("practices.adopt.submit")}
        submitTestId="adopt-submit"
        onClose={onClose}
        onSubmit={async (values) => {
          const checked = validate(AdoptionCreateInput, { stage: "interested", ...values });
          if (!checked.ok) return dateIssue(checked.issues);
          await adopt(practiceId, { note: checked.data.note, date: checked.data.date });
          toast({ tone: "success", message: "practices.adopt.done" });
          onClose();
          return null;
        }}
      />
    )
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
    to && (
      <StepFormDialog
        title={t("practices.step.title", {
          stage: t(ADOPTION_STAGE_KEYS[to]),
          affiliation: affiliationLabel,
        })}
        testId="step-dialog"
        submitLabel={t(STEP_ACTION_KEYS[to])}
        submitTestId="step-submit"
        minDate={last?.date}
        onClose={onClose}
        onSubmit={async (values) => {
          const checked = validate(AdoptionStepInput, { stage: to, ...values });
          if (!checked.ok) return dateIssue(checked.issues);
          await step(adoption.id, checked.data);
          toast({ tone: "success", message: "practices.step.done" });
          onClose();
          return null;
        }}
      />
    )
  );
}

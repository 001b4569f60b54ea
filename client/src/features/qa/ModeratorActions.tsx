import { useState } from "react";
import { QA_LIMITS, type QuestionDto, type QuestionModerateInput } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { BlockGuestButton } from "./BlockGuestButton";
import { qaErrorMessage } from "./qa.errors";

type DialogKind = "dismiss" | "answer" | "edit" | "merge" | null;

/**
 * A moderator's buttons on one question: the common step first (approve in the queue, highlight or
 * answer on stage), the rest behind dialogs that ask for what the action needs.
 */
export function ModeratorActions({
  question,
  highlighted,
  mergeTargets,
}: {
  question: QuestionDto;
  highlighted: boolean;
  mergeTargets: QuestionDto[];
}) {
  const t = useT();
  const moderate = useStore((s) => s.moderateQuestion);
  const toast = useStore((s) => s.pushToast);
  const [busy, setBusy] = useState<string | null>(null);
  const [dialog, setDialog] = useState<DialogKind>(null);

  const run = async (input: QuestionModerateInput) => {
    setBusy(input.action);
    try {
      await moderate(question.id, input);
      setDialog(null);
    } catch (err) {
      toast({ tone: "error", message: qaErrorMessage(err) });
    } finally {
      setBusy(null);
    }
  };

  const { status } = question;
  return (
    <>
      {status === "pending" && (
        <Button
          size="sm"
          onClick={() => void run({ action: "approve" })}
          loading={busy === "approve"}
          data-testid="qa-approve"
        >
          {t("qa.mod.approve")}
        </Button>
      )}
      {status === "approved" &&
        (highlighted ? (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => void run({ action: "unhighlight" })}
            loading={busy === "unhighlight"}
            data-testid="qa-unhighlight"
          >
            {t("qa.mod.unhighlight")}
          </Button>
        ) : (
          <Button
            size="sm"
            variant="accent"
            onClick={() => void run({ action: "highlight" })}
            loading={busy === "highlight"}
            data-testid="qa-highlight"
          >
            {t("qa.mod.highlight")}
          </Button>
        ))}
      {(status === "approved" || status === "pending" || status === "answered") && (
        <Button
          size="sm"
          variant={status === "answered" ? "ghost" : "secondary"}
          onClick={() => setDialog("answer")}
          data-testid="qa-answer"
        >
          {status === "answered" ? t("qa.mod.editAnswer") : t("qa.mod.answer")}
        </Button>
      )}
      {(status === "pending" || status === "approved") && (
        <>
          <Button size="sm" variant="ghost" onClick={() => setDialog("edit")} data-testid="qa-edit">
            {t("qa.mod.edit")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setDialog("merge")} data-testid="qa-merge">
            {t("qa.mod.merge")}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className="qa-danger-link"
            onClick={() => setDialog("dismiss")}
            data-testid="qa-dismiss"
          >
            {t("qa.mod.dismiss")}
          </Button>
        </>
      )}
      <BlockGuestButton question={question} />
      {dialog === "dismiss" && (
        <TextDialog
          title={t("qa.mod.dismiss.title")}
          label={t("qa.mod.dismiss.reason")}
          submit={t("qa.mod.dismiss.submit")}
          min={QA_LIMITS.dismissReason.min}
          max={QA_LIMITS.dismissReason.max}
          quote={question.text}
          busy={busy === "dismiss"}
          testId="qa-dismiss-dialog"
          onClose={() => setDialog(null)}
          onSubmit={(reason) => run({ action: "dismiss", reason })}
        />
      )}
      {dialog === "answer" && (
        <TextDialog
          title={t("qa.mod.answer.title")}
          label={t("qa.mod.answer.text")}
          hint={t("qa.mod.answer.hint")}
          submit={t("qa.mod.answer.submit")}
          min={0}
          max={QA_LIMITS.answer.max}
          initial={question.answer ?? ""}
          quote={question.text}
          busy={busy === "answer"}
          rows={5}
          testId="qa-answer-dialog"
          onClose={() => setDialog(null)}
          onSubmit={(answer) => run(answer ? { action: "answer", answer } : { action: "answer" })}
        />
      )}
      {dialog === "edit" && (
        <TextDialog
          title={t("qa.mod.edit.title")}
          label={t("qa.mod.edit.text")}
          submit={t("qa.mod.edit.submit")}
          min={QA_LIMITS.questionText.min}
          max={QA_LIMITS.questionText.max}
          initial={question.text}
          busy={busy === "edit"}
          testId="qa-edit-dialog"
          onClose={() => setDialog(null)}
          onSubmit={(text) => run({ action: "edit", text })}
        />
      )}
      {dialog === "merge" && (
        <MergeDialog
          question={question}
          targets={mergeTargets.filter((q) => q.id !== question.id)}
          busy={busy === "merge"}
          onClose={() => setDialog(null)}
          onSubmit={(intoId) => run({ action: "merge", intoId })}
        />
      )}
    </>
  );
}

function TextDialog(props: {
  title: string;
  label: string;
  hint?: string;
  submit: string;
  min: number;
  max: number;
  initial?: string;
  quote?: string;
  busy: boolean;
  rows?: number;
  testId: string;
  onClose: () => void;
  onSubmit: (value: string) => void;
}) {
  const t = useT();
  const [value, setValue] = useState(props.initial ?? "");
  const trimmed = value.trim();
  const valid = trimmed.length >= props.min && trimmed.length <= props.max;
  return (
    <Dialog
      open
      title={props.title}
      onClose={props.onClose}
      testId={props.testId}
      description={props.quote ? <q className="qa-dialog__quote">{props.quote}</q> : undefined}
      footer={
        <>
          <Button variant="ghost" onClick={props.onClose}>
            {t("qa.mod.cancel")}
          </Button>
          <Button
            type="submit"
            form={`${props.testId}-form`}
            disabled={!valid}
            loading={props.busy}
            data-testid={`${props.testId}-submit`}
          >
            {props.submit}
          </Button>
        </>
      }
    >
      <form
        id={`${props.testId}-form`}
        onSubmit={(e) => {
          e.preventDefault();
          if (valid) props.onSubmit(trimmed);
        }}
      >
        <Field label={props.label} hint={props.hint}>
          {(control) => (
            <textarea
              {...control}
              className="input qa-textarea"
              rows={props.rows ?? 3}
              maxLength={props.max}
              value={value}
              data-autofocus
              data-testid={`${props.testId}-input`}
              onChange={(e) => setValue(e.target.value)}
            />
          )}
        </Field>
      </form>
    </Dialog>
  );
}

function MergeDialog(props: {
  question: QuestionDto;
  targets: QuestionDto[];
  busy: boolean;
  onClose: () => void;
  onSubmit: (intoId: string) => void;
}) {
  const t = useT();
  const [target, setTarget] = useState(props.targets[0]?.id ?? "");
  return (
    <Dialog
      open
      title={t("qa.mod.merge.title")}
      onClose={props.onClose}
      testId="qa-merge-dialog"
      description={<q className="qa-dialog__quote">{props.question.text}</q>}
      footer={
        <>
          <Button variant="ghost" onClick={props.onClose}>
            {t("qa.mod.cancel")}
          </Button>
          <Button
            disabled={!target}
            loading={props.busy}
            onClick={() => props.onSubmit(target)}
            data-testid="qa-merge-submit"
          >
            {t("qa.mod.merge.submit")}
          </Button>
        </>
      }
    >
      {props.targets.length === 0 ? (
        <p>{t("qa.mod.merge.none")}</p>
      ) : (
        <fieldset className="qa-merge">
          <legend className="field__label">{t("qa.mod.merge.target")}</legend>
          <p className="field__hint">{t("qa.mod.merge.hint")}</p>
          {props.targets.map((q) => (
            <label key={q.id} className="qa-merge__option">
              <input
                type="radio"
                name="merge-target"
                value={q.id}
                checked={target === q.id}
                onChange={() => setTarget(q.id)}
              />
              <span>{q.text}</span>
            </label>
          ))}
        </fieldset>
      )}
    </Dialog>
  );
}

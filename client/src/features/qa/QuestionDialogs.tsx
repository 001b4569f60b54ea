import { useState } from "react";
import type { QuestionDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { useT } from "../../lib/i18n";

/** A moderator's question dialog that asks for one text: the dismissal reason, the answer, the edit. */
export function TextDialog(props: {
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

/** Merging a question into another: pick the one it repeats. */
export function MergeDialog(props: {
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

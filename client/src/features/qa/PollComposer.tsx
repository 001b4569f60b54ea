import { useState } from "react";
import { POLL_LIMITS, type PollKind } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { useAction } from "../../components/form/useAction";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { qaErrorMessage } from "./qa.errors";

const KINDS: PollKind[] = ["choice", "rating", "words"];

/** The "new poll" dialog: kind, question, and for choices the options and single/multiple. */
export function PollComposer({ sessionId, onClose }: { sessionId: string; onClose: () => void }) {
  const t = useT();
  const createPoll = useStore((s) => s.createPoll);
  const toast = useStore((s) => s.pushToast);
  const [kind, setKind] = useState<PollKind>("choice");
  const [question, setQuestion] = useState("");
  const [options, setOptions] = useState<string[]>(["", ""]);
  const [multiple, setMultiple] = useState(false);
  const saving = useAction();
  const [touched, setTouched] = useState(false);

  const q = question.trim();
  const filled = options.map((o) => o.trim()).filter(Boolean);
  const valid =
    q.length >= POLL_LIMITS.question.min &&
    q.length <= POLL_LIMITS.question.max &&
    (kind !== "choice" || filled.length >= POLL_LIMITS.options.min);

  const save = async () => {
    setTouched(true);
    if (!valid) return;
    await saving.run(
      async () => {
        await createPoll(
          sessionId,
          kind === "choice" ? { kind, question: q, options: filled, multiple } : { kind, question: q },
        );
        onClose();
      },
      (err) => toast({ tone: "error", message: qaErrorMessage(err) }),
    );
  };

  return (
    <Dialog
      open
      title={t("qa.poll.new")}
      onClose={onClose}
      testId="poll-composer"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t("qa.mod.cancel")}
          </Button>
          <Button loading={saving.busy} onClick={() => void save()} data-testid="poll-composer-submit">
            {t("qa.poll.create")}
          </Button>
        </>
      }
    >
      <div className="poll-composer">
        <fieldset className="poll-composer__kinds">
          <legend className="field__label">{t("qa.poll.kind")}</legend>
          {KINDS.map((k) => (
            <label key={k} className={kind === k ? "poll-option poll-option--on" : "poll-option"}>
              <input
                type="radio"
                name="poll-kind"
                checked={kind === k}
                onChange={() => setKind(k)}
                data-testid={`poll-kind-${k}`}
              />
              <span>{t(`qa.poll.kind.${k}`)}</span>
            </label>
          ))}
        </fieldset>
        <Field
          label={t("qa.poll.question")}
          error={
            touched && !valid
              ? t("qa.poll.invalid", {
                  min: POLL_LIMITS.question.min,
                  max: POLL_LIMITS.question.max,
                  options: POLL_LIMITS.options.min,
                })
              : null
          }
        >
          {(control) => (
            <input
              {...control}
              className="input"
              value={question}
              maxLength={POLL_LIMITS.question.max}
              onChange={(e) => setQuestion(e.target.value)}
              data-testid="poll-composer-question"
            />
          )}
        </Field>
        {kind === "choice" && (
          <fieldset className="poll-composer__options">
            <legend className="field__label">{t("qa.poll.options")}</legend>
            {options.map((o, i) => (
              <div key={i} className="poll-composer__option">
                <input
                  className="input"
                  value={o}
                  maxLength={POLL_LIMITS.option.max}
                  aria-label={t("qa.poll.option", { n: i + 1 })}
                  placeholder={t("qa.poll.option", { n: i + 1 })}
                  onChange={(e) => setOptions((list) => list.map((x, j) => (j === i ? e.target.value : x)))}
                  data-testid="poll-composer-option"
                />
                {options.length > POLL_LIMITS.options.min && (
                  <Button
                    size="sm"
                    variant="ghost"
                    aria-label={t("qa.poll.removeOption", { n: i + 1 })}
                    onClick={() => setOptions((list) => list.filter((_, j) => j !== i))}
                  >
                    ×
                  </Button>
                )}
              </div>
            ))}
            {options.length < POLL_LIMITS.options.max && (
              <Button
                size="sm"
                variant="ghost"
                onClick={() => setOptions((list) => [...list, ""])}
                data-testid="poll-composer-add"
              >
                {t("qa.poll.addOption")}
              </Button>
            )}
            <label className="qa-check">
              <input
                type="checkbox"
                checked={multiple}
                onChange={(e) => setMultiple(e.target.checked)}
                data-testid="poll-composer-multiple"
              />
              <span>{t("qa.poll.multiple")}</span>
            </label>
          </fieldset>
        )}
      </div>
    </Dialog>
  );
}

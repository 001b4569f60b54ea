import { useRef, useState } from "react";
import { QA_LIMITS, type QaSessionDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { useAction } from "../../components/form/useAction";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { qaErrorMessage } from "./qa.errors";

const newClientId = () => `q-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10)}`;

/**
 * Ask a question: a one-line bar that expands (anonymous choice, counter, send) once touched, so on a
 * phone it stays out of the way of the questions to vote on. The clientId is kept until the server acknowledges, so a retry after a timeout on a
 * weak connection returns the same question instead of asking twice.
 */
export function AskForm({ session, moderator }: { session: QaSessionDto; moderator: boolean }) {
  const t = useT();
  const f = useFormat();
  const ask = useStore((s) => s.askQuestion);
  const toast = useStore((s) => s.pushToast);
  const [text, setText] = useState("");
  const [anonymous, setAnonymous] = useState(false);
  const [clientId, setClientId] = useState(newClientId);
  const sending = useAction();
  const [touched, setTouched] = useState(false);
  const [expanded, setExpanded] = useState(false);
  const formRef = useRef<HTMLFormElement>(null);
  const { min, max } = QA_LIMITS.questionText;
  const length = text.trim().length;
  const tooShort = length < min;

  const submit = async () => {
    setTouched(true);
    if (tooShort || sending.busy) return;
    await sending.run(
      async () => {
        const q = await ask(session.id, {
          text: text.trim(),
          anonymous: session.allowAnonymous && anonymous,
          clientId,
        });
        setText("");
        setTouched(false);
        setClientId(newClientId());
        setExpanded(false);
        toast({ tone: "success", message: q.status === "pending" ? "qa.ask.sentPending" : "qa.ask.sent" });
      },
      (err) => toast({ tone: "error", message: qaErrorMessage(err) }),
    );
  };

  return (
    <form
      ref={formRef}
      className={expanded ? "qa-ask qa-ask--open" : "qa-ask"}
      data-testid="qa-ask-form"
      onFocus={() => setExpanded(true)}
      onBlur={(e) => {
        // Folds back to the bar when focus leaves the form with nothing written.
        if (!text.trim() && !formRef.current?.contains(e.relatedTarget)) setExpanded(false);
      }}
      onSubmit={(e) => {
        e.preventDefault();
        void submit();
      }}
    >
      <Field
        label={<span className={expanded ? undefined : "sr-only"}>{t("qa.ask.label")}</span>}
        error={touched && tooShort ? t("qa.ask.tooShort", { min }) : null}
      >
        {(control) => (
          <textarea
            {...control}
            className="input qa-textarea"
            rows={expanded ? 3 : 1}
            maxLength={max}
            placeholder={expanded ? t("qa.ask.placeholder") : t("qa.ask.open")}
            value={text}
            data-testid="qa-ask-input"
            onChange={(e) => setText(e.target.value)}
            onKeyDown={(e) => {
              // Ctrl/⌘+Enter sends, as in chat tools; plain Enter keeps writing.
              if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
                e.preventDefault();
                void submit();
              }
            }}
          />
        )}
      </Field>
      <div className="qa-ask__row" hidden={!expanded}>
        {session.allowAnonymous && (
          <label className="qa-check" title={t("qa.ask.anonymousHint")}>
            <input
              type="checkbox"
              checked={anonymous}
              onChange={(e) => setAnonymous(e.target.checked)}
              data-testid="qa-ask-anonymous"
            />
            <span>
              {t("qa.ask.anonymous")}
              <span className="qa-check__hint">{t("qa.ask.anonymousHint")}</span>
            </span>
          </label>
        )}
        <span className="qa-ask__counter" aria-live="polite">
          {t("qa.ask.counter", { used: f.number(length), max: f.number(max) })}
        </span>
        <Button type="submit" loading={sending.busy} data-testid="qa-ask-submit">
          {t("qa.ask.submit")}
        </Button>
      </div>
      {expanded && session.moderated && !moderator && (
        <p className="qa-ask__note">{t("qa.create.moderatedHint")}</p>
      )}
    </form>
  );
}

import { useState } from "react";
import { POLL_LIMITS, type PollDto, type PollKind } from "@rembuk/shared";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { qaErrorMessage } from "./qa.errors";
import { PollResults } from "./PollResults";

const KINDS: PollKind[] = ["choice", "rating", "words"];

/** The "new poll" dialog: kind, question, and for choices the options and single/multiple. */
function PollComposer({ sessionId, onClose }: { sessionId: string; onClose: () => void }) {
  const t = useT();
  const createPoll = useStore((s) => s.createPoll);
  const toast = useStore((s) => s.pushToast);
  const [kind, setKind] = useState<PollKind>("choice");
  const [question, setQuestion] = useState("");
  const [options, setOptions] = useState<string[]>(["", ""]);
  const [multiple, setMultiple] = useState(false);
  const [busy, setBusy] = useState(false);
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
    setBusy(true);
    try {
      await createPoll(
        sessionId,
        kind === "choice" ? { kind, question: q, options: filled, multiple } : { kind, question: q },
      );
      onClose();
    } catch (err) {
      toast({ tone: "error", message: qaErrorMessage(err) });
    } finally {
      setBusy(false);
    }
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
          <Button loading={busy} onClick={() => void save()} data-testid="poll-composer-submit">
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

/** One poll as its host sees it: status, results always, and the open / close / show controls. */
function HostPollRow({ poll, live }: { poll: PollDto; live: boolean }) {
  const t = useT();
  const setPollStatus = useStore((s) => s.setPollStatus);
  const toast = useStore((s) => s.pushToast);
  const [busy, setBusy] = useState<string | null>(null);
  const run = async (key: string, input: { status: "open" | "closed"; showResults?: boolean }) => {
    setBusy(key);
    try {
      await setPollStatus(poll, input);
    } catch (err) {
      toast({ tone: "error", message: qaErrorMessage(err) });
    } finally {
      setBusy(null);
    }
  };
  const current = poll.status === "open" ? "open" : "closed";
  return (
    <li className={`poll-card poll-card--${poll.status}`} data-testid="host-poll" data-poll-id={poll.id}>
      <header className="poll-card__head">
        <Badge tone={poll.status === "open" ? "warning" : "neutral"}>
          {t(`qa.poll.status.${poll.status}`)}
        </Badge>
        <span className="poll-card__kind">{t(`qa.poll.kind.${poll.kind}`)}</span>
        <h3 className="poll-card__question">{poll.question}</h3>
      </header>
      {poll.results && <PollResults poll={poll} results={poll.results} />}
      {live && (
        <div className="poll-card__actions">
          {poll.status === "open" ? (
            <Button
              size="sm"
              variant="secondary"
              loading={busy === "close"}
              onClick={() => void run("close", { status: "closed" })}
              data-testid="poll-close"
            >
              {t("qa.poll.close")}
            </Button>
          ) : (
            <Button
              size="sm"
              loading={busy === "open"}
              onClick={() => void run("open", { status: "open" })}
              data-testid="poll-open"
            >
              {t(poll.status === "draft" ? "qa.poll.open" : "qa.poll.reopen")}
            </Button>
          )}
          {poll.status !== "draft" && (
            <Button
              size="sm"
              variant={poll.showResults ? "ghost" : "accent"}
              loading={busy === "results"}
              aria-pressed={poll.showResults}
              onClick={() => void run("results", { status: current, showResults: !poll.showResults })}
              data-testid="poll-show-results"
            >
              {t(poll.showResults ? "qa.poll.hideResults" : "qa.poll.showResults")}
            </Button>
          )}
        </div>
      )}
    </li>
  );
}

/** The host's poll panel: create polls before or during the session, run them, show their results. */
export function HostPolls({
  sessionId,
  polls,
  live,
}: {
  sessionId: string;
  polls: PollDto[];
  live: boolean;
}) {
  const t = useT();
  const [composing, setComposing] = useState(false);
  return (
    <section className="qa-polls" aria-labelledby="qa-polls-title" data-testid="host-polls">
      <div className="qa-polls__head">
        <h2 id="qa-polls-title" className="qa-section-title">
          {t("qa.poll.section")}
        </h2>
        {live && (
          <Button size="sm" variant="secondary" onClick={() => setComposing(true)} data-testid="poll-new">
            {t("qa.poll.new")}
          </Button>
        )}
      </div>
      {polls.length === 0 ? (
        <p className="qa-empty">{t("qa.poll.empty")}</p>
      ) : (
        <ul className="qa-polls__list">
          {polls.map((p) => (
            <HostPollRow key={p.id} poll={p} live={live} />
          ))}
        </ul>
      )}
      {composing && <PollComposer sessionId={sessionId} onClose={() => setComposing(false)} />}
    </section>
  );
}

import { useState } from "react";
import { mailCommands, type Locale, type OutboxMessageDto } from "@rembuk/shared";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { FormError } from "../../components/form/FormError";
import { useForm } from "../../components/form/useForm";
import { describeError } from "../../lib/errors";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { send } from "../../lib/send";
import { STATUS_KEY, STATUS_TONE } from "./outboxStatus";

/** The failure by its message alone, without parameters (a wait time), as the outbox has always shown it. */
const retryError = (err: unknown, locale: Locale) => ({ key: describeError(err, locale).key });

/** One message in the outbox: to whom, its state and attempts, read it as text or HTML, retry a failed one. */
export function OutboxItem({
  message: m,
  onChanged,
}: {
  message: OutboxMessageDto;
  onChanged: (m: OutboxMessageDto) => void;
}) {
  const t = useT();
  const f = useFormat();
  const [open, setOpen] = useState(false);
  const [showHtml, setShowHtml] = useState(false);
  // "Retry" is a one-button form: its failure shows above the buttons.
  const retrying = useForm({ describe: retryError });

  const retry = () =>
    retrying.submit(async () => onChanged((await send(mailCommands.retry, { id: m.id })).message));

  return (
    <li className="card outbox-item" data-testid="outbox-item" data-status={m.status}>
      <div className="outbox-item__top">
        <Badge tone={STATUS_TONE[m.status]} testId="outbox-status">
          {t(STATUS_KEY[m.status])}
        </Badge>
        <span className="outbox-item__to" data-testid="outbox-to">
          {t("outbox.to", { to: m.to })}
        </span>
        <time className="outbox-item__when" dateTime={m.createdAt} title={f.dateTime(m.createdAt)}>
          {f.relative(m.createdAt)}
        </time>
      </div>
      <h2 className="outbox-item__subject" data-testid="outbox-subject">
        {m.subject}
      </h2>
      <p className="outbox-item__meta">
        {t("outbox.attempts", { count: f.number(m.attempts) })}
        {m.sentAt && <> · {t("outbox.sentAt", { when: f.dateTime(m.sentAt) })}</>}
        {m.nextAttemptAt && m.status === "pending" && (
          <> · {t("outbox.nextAttempt", { when: f.dateTime(m.nextAttemptAt) })}</>
        )}
      </p>
      {m.lastError && (
        <p className="outbox-item__error" data-testid="outbox-error">
          {t("outbox.lastError", { error: m.lastError })}
        </p>
      )}
      <FormError form={retrying} />
      <div className="outbox-item__actions">
        <Button
          size="sm"
          variant="ghost"
          aria-expanded={open}
          onClick={() => setOpen((o) => !o)}
          data-testid="outbox-toggle"
        >
          {t(open ? "outbox.hide" : "outbox.read")}
        </Button>
        {m.status === "failed" && (
          <Button
            size="sm"
            variant="secondary"
            loading={retrying.busy}
            onClick={() => void retry()}
            data-testid="outbox-retry"
          >
            {t("outbox.retry")}
          </Button>
        )}
      </div>
      {open && (
        <div className="outbox-item__body">
          <div className="outbox-item__tabs" role="group">
            <button
              type="button"
              className={`outbox-chip${showHtml ? "" : " outbox-chip--on"}`}
              aria-pressed={!showHtml}
              onClick={() => setShowHtml(false)}
            >
              {t("outbox.text")}
            </button>
            <button
              type="button"
              className={`outbox-chip${showHtml ? " outbox-chip--on" : ""}`}
              aria-pressed={showHtml}
              onClick={() => setShowHtml(true)}
            >
              {t("outbox.html")}
            </button>
          </div>
          {showHtml ? (
            // A sandbox without permissions: the mail's HTML is shown, never run, and cannot reach the app.
            <iframe className="outbox-item__html" title={m.subject} sandbox="" srcDoc={m.html} />
          ) : (
            <pre className="outbox-item__text" data-testid="outbox-text">
              {m.text}
            </pre>
          )}
        </div>
      )}
    </li>
  );
}

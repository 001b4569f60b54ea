import { useCallback, useEffect, useState } from "react";
import { mailCommands, type MailDelivery, type OutboxMessageDto, type OutboxStatus } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Badge, type BadgeTone } from "../../components/Badge";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/Field";
import { InboxIcon } from "../../components/icons";
import { Skeleton } from "../../components/Skeleton";
import { describeError } from "../../lib/errors";
import { useFormat } from "../../lib/format";
import { useLocale, useT, type MessageKey } from "../../lib/i18n";
import { useSiteCan } from "../../lib/abilities";
import { send } from "../../lib/send";
import "./outbox.css";

const FILTERS: Array<OutboxStatus | "all"> = ["all", "pending", "sent", "failed", "held"];
const STATUS_TONE: Record<OutboxStatus, BadgeTone> = {
  pending: "warning",
  sent: "verified",
  failed: "danger",
  held: "neutral",
};
const STATUS_KEY: Record<OutboxStatus | "all", MessageKey> = {
  all: "outbox.filter.all",
  pending: "outbox.status.pending",
  sent: "outbox.status.sent",
  failed: "outbox.status.failed",
  held: "outbox.status.held",
};

/**
 * `/admin/outbox` ("Kotak keluar"): every message the server sent or tried to send, newest first. Without
 * SMTP_URL mail stays here and this is where an admin reads a confirmation or reset link.
 */
export function OutboxPage() {
  const t = useT();
  const allowed = useSiteCan().viewOutbox;
  const [filter, setFilter] = useState<OutboxStatus | "all">("all");
  const [messages, setMessages] = useState<OutboxMessageDto[]>([]);
  const [nextCursor, setNextCursor] = useState<string | null>(null);
  const [delivery, setDelivery] = useState<MailDelivery | null>(null);
  const [load, setLoad] = useState<"loading" | "ready" | "error" | "more">("loading");
  usePageTitle(t("outbox.pageTitle"));

  const read = useCallback(
    async (cursor: string | null, signal?: AbortSignal) => {
      setLoad(cursor ? "more" : "loading");
      try {
        const page = await send(
          mailCommands.outbox,
          { status: filter === "all" ? undefined : filter, cursor: cursor ?? undefined, limit: 30 },
          { signal },
        );
        setMessages((prev) => (cursor ? [...prev, ...page.messages] : page.messages));
        setNextCursor(page.nextCursor);
        setDelivery(page.delivery);
        setLoad("ready");
      } catch {
        if (!signal?.aborted) setLoad("error");
      }
    },
    [filter],
  );

  useEffect(() => {
    if (!allowed) return;
    const controller = new AbortController();
    // eslint-disable-next-line react-hooks/set-state-in-effect -- reads the outbox on mount and on each filter change; `read` marks it loading first
    void read(null, controller.signal);
    return () => controller.abort();
  }, [read, allowed]);

  if (!allowed) {
    return (
      <div className="page page--narrow">
        <EmptyState as="h1" title={t("outbox.noAccess")} />
      </div>
    );
  }

  return (
    <div className="page page--wide outbox" data-testid="outbox-page">
      <header className="page-header">
        <h1 className="page-title">{t("outbox.title")}</h1>
        <p className="page-lead">{t("outbox.lead")}</p>
        {delivery && (
          <p className={`outbox__delivery outbox__delivery--${delivery}`} data-testid="outbox-delivery">
            {t(delivery === "smtp" ? "outbox.delivery.smtp" : "outbox.delivery.outbox")}
          </p>
        )}
      </header>
      <div className="outbox__filters" role="group" aria-label={t("outbox.filter.label")}>
        {FILTERS.map((f) => (
          <button
            key={f}
            type="button"
            className={`outbox-chip${filter === f ? " outbox-chip--on" : ""}`}
            aria-pressed={filter === f}
            onClick={() => setFilter(f)}
            data-testid={`outbox-filter-${f}`}
          >
            {t(STATUS_KEY[f])}
          </button>
        ))}
      </div>
      {load === "loading" && messages.length === 0 ? (
        <div aria-busy="true">
          <Skeleton width="80%" />
          <Skeleton width="60%" />
        </div>
      ) : load === "error" && messages.length === 0 ? (
        <EmptyState
          title={t("outbox.error")}
          action={
            <Button variant="secondary" onClick={() => void read(null)}>
              {t("ui.retry")}
            </Button>
          }
        />
      ) : messages.length === 0 ? (
        <EmptyState title={t("outbox.empty")} icon={<InboxIcon />} />
      ) : (
        <ul className="outbox__list" data-testid="outbox-list">
          {messages.map((m) => (
            <OutboxItem
              key={m.id}
              message={m}
              onChanged={(next) => setMessages((all) => all.map((x) => (x.id === next.id ? next : x)))}
            />
          ))}
        </ul>
      )}
      {nextCursor && (
        <div className="outbox__more">
          <Button variant="secondary" loading={load === "more"} onClick={() => void read(nextCursor)}>
            {t("outbox.more")}
          </Button>
        </div>
      )}
    </div>
  );
}

function OutboxItem({
  message: m,
  onChanged,
}: {
  message: OutboxMessageDto;
  onChanged: (m: OutboxMessageDto) => void;
}) {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const [open, setOpen] = useState(false);
  const [showHtml, setShowHtml] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<MessageKey | null>(null);

  const retry = async () => {
    setBusy(true);
    setError(null);
    try {
      onChanged((await send(mailCommands.retry, { id: m.id })).message);
    } catch (err) {
      setError(describeError(err, locale).key);
    } finally {
      setBusy(false);
    }
  };

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
      {error && <FormAlert>{t(error)}</FormAlert>}
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
            loading={busy}
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

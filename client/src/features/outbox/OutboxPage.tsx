import { useCallback, useEffect, useState } from "react";
import { mailCommands, type MailDelivery, type OutboxMessageDto, type OutboxStatus } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { InboxIcon } from "../../components/icons";
import { Skeleton } from "../../components/Skeleton";
import { useT } from "../../lib/i18n";
import { useSiteCan } from "../../lib/abilities";
import { send } from "../../lib/send";
import { OutboxItem } from "./OutboxItem";
import { STATUS_KEY } from "./outboxStatus";
import "./outbox.css";

const FILTERS: Array<OutboxStatus | "all"> = ["all", "pending", "sent", "failed", "held"];
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

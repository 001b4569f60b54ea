import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Link } from "react-router";
import { ModActionKind, type ModActionDto } from "@rembuk/shared";
import { Button, buttonClass } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Skeleton } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useLocale, useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { localized } from "../../lib/locale";
import { DownloadIcon, ListIcon } from "../../components/icons";
import { useRoomList } from "./useRoomList";
import { auditChanges, type AuditContext } from "./auditChange";
import { logCsvHref, NO_LOG_FILTERS, type LogFilters } from "./moderation.logFilters";

function Change({ entry, ctx }: { entry: ModActionDto; ctx: AuditContext }) {
  const rows = auditChanges(entry.before, entry.after, ctx);
  if (rows.length === 0) return <span className="muted">—</span>;
  return (
    <dl className="mod-change">
      {rows.map((r) => (
        <div key={r.field} className="mod-change__row" data-field={r.field}>
          <dt>{r.label}</dt>
          <dd>
            <span className="mod-change__before">{r.before}</span>
            <span aria-hidden="true"> → </span>
            <span className="mod-change__after">{r.after}</span>
          </dd>
        </div>
      ))}
    </dl>
  );
}

/** Where a row's target lives, when the dashboard can link to it. */
function targetHref(e: ModActionDto): string | null {
  if (e.targetType === "thread") return `/threads/${e.targetId}`;
  if ((e.targetType === "post" || e.targetType === "flag") && e.threadId) return `/threads/${e.threadId}`;
  if (e.targetType === "user") return `/users/${e.targetId}`;
  if (e.targetType === "room" && e.roomSlug) return `/rooms/${e.roomSlug}`;
  return null;
}

/** The audit log: filter by moderator, action, room and dates; export the same selection as CSV. */
export function LogTab() {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const log = useStore((s) => s.modLog);
  const loadModLog = useStore((s) => s.loadModLog);
  const loadModerators = useStore((s) => s.loadModerators);
  const moderators = useStore((s) => s.moderators);
  const rooms = useRoomList();
  const [draft, setDraft] = useState<LogFilters>(log.filters);
  const ctx = useMemo<AuditContext>(
    () => ({
      t,
      locale,
      roomName: (key) => {
        const room = rooms.find((r) => r.id === key || r.slug === key);
        return room ? localized(room.name, locale) : null;
      },
      personName: (pid) => moderators.find((m) => m.id === pid)?.name ?? null,
    }),
    [t, locale, rooms, moderators],
  );

  useEffect(() => {
    void loadModLog();
    void loadModerators();
  }, [loadModLog, loadModerators]);

  const apply = (e: FormEvent) => {
    e.preventDefault();
    void loadModLog(draft);
  };
  const reset = () => {
    setDraft(NO_LOG_FILTERS);
    void loadModLog(NO_LOG_FILTERS);
  };
  const field = (key: keyof LogFilters) => ({
    value: draft[key],
    onChange: (e: { target: { value: string } }) => setDraft((d) => ({ ...d, [key]: e.target.value })),
  });

  return (
    <div className="mod-section">
      <div className="section-head">
        <h2 className="section-title">{t("moderation.log.title")}</h2>
        <a
          className={buttonClass("secondary", "sm")}
          href={logCsvHref(log.filters)}
          download
          data-testid="log-export"
        >
          <DownloadIcon />
          <span className="btn__label">{t("moderation.log.export")}</span>
        </a>
      </div>
      <p className="section-lead mod-lead">{t("moderation.log.lead")}</p>
      <form className="mod-log-filters" onSubmit={apply} data-testid="log-filters">
        <label className="mod-inline-field">
          <span>{t("moderation.log.filter.actor")}</span>
          <select className="input input--compact" {...field("actorId")} data-testid="log-filter-actor">
            <option value="">{t("moderation.log.filter.any")}</option>
            {moderators.map((m) => (
              <option key={m.id} value={m.id}>
                {m.name}
              </option>
            ))}
          </select>
        </label>
        <label className="mod-inline-field">
          <span>{t("moderation.log.filter.action")}</span>
          <select className="input input--compact" {...field("action")} data-testid="log-filter-action">
            <option value="">{t("moderation.log.filter.any")}</option>
            {ModActionKind.options.map((a) => (
              <option key={a} value={a}>
                {t(`moderation.action.${a}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="mod-inline-field">
          <span>{t("moderation.log.filter.room")}</span>
          <select className="input input--compact" {...field("roomSlug")} data-testid="log-filter-room">
            <option value="">{t("moderation.log.filter.any")}</option>
            {rooms.map((r) => (
              <option key={r.id} value={r.slug}>
                {localized(r.name, locale)}
              </option>
            ))}
          </select>
        </label>
        <label className="mod-inline-field">
          <span>{t("moderation.log.filter.from")}</span>
          <input
            type="date"
            className="input input--compact"
            {...field("from")}
            data-testid="log-filter-from"
          />
        </label>
        <label className="mod-inline-field">
          <span>{t("moderation.log.filter.to")}</span>
          <input type="date" className="input input--compact" {...field("to")} data-testid="log-filter-to" />
        </label>
        <div className="mod-log-filters__actions">
          <Button type="submit" size="sm" data-testid="log-filter-apply">
            {t("moderation.log.filter.apply")}
          </Button>
          <Button size="sm" variant="ghost" onClick={reset}>
            {t("moderation.log.filter.reset")}
          </Button>
        </div>
      </form>

      {log.fresh > 0 && (
        <button type="button" className="mod-fresh" onClick={() => void loadModLog()}>
          {t("moderation.log.fresh", { count: f.number(log.fresh) })}
        </button>
      )}

      {log.status === "loading" && log.entries.length === 0 ? (
        <div aria-busy="true">
          {[0, 1, 2, 3].map((i) => (
            <Skeleton key={i} width="100%" height="2.2rem" />
          ))}
        </div>
      ) : log.status === "error" && log.entries.length === 0 ? (
        <EmptyState
          title={t("moderation.log.error")}
          action={
            <Button variant="secondary" onClick={() => void loadModLog()}>
              {t("ui.retry")}
            </Button>
          }
        />
      ) : log.entries.length === 0 ? (
        <EmptyState title={t("moderation.log.empty.title")} icon={<ListIcon />}>
          {t("moderation.log.empty.body")}
        </EmptyState>
      ) : (
        <div className="mod-log" role="table" aria-label={t("moderation.log.title")} data-testid="log-table">
          <div className="mod-log__row mod-log__row--head" role="row">
            <span role="columnheader">
              {t("moderation.log.col.when")} · {t("moderation.log.col.actor")}
            </span>
            <span role="columnheader">
              {t("moderation.log.col.action")} · {t("moderation.log.col.target")}
            </span>
            <span role="columnheader">{t("moderation.log.col.reason")}</span>
            <span role="columnheader">{t("moderation.log.col.change")}</span>
          </div>
          {log.entries.map((e) => {
            const href = targetHref(e);
            return (
              <div
                key={e.id}
                className="mod-log__row"
                role="row"
                data-testid="log-entry"
                data-action={e.action}
              >
                <span role="cell" className="mod-log__who">
                  <time dateTime={e.createdAt} className="mod-log__when">
                    {f.dateTime(e.createdAt)}
                  </time>
                  <span className="mod-log__actor">{e.actor?.name ?? t("moderation.log.system")}</span>
                </span>
                <span role="cell" className="mod-log__what">
                  <span className={`mod-pill mod-pill--${e.targetType}`}>
                    {t(`moderation.action.${e.action}`)}
                  </span>
                  <span className="mod-log__target">
                    {href ? <Link to={href}>{e.targetLabel || e.targetId}</Link> : e.targetLabel}
                    {e.roomSlug && (
                      <span className="muted"> · {ctx.roomName(e.roomSlug) ?? `#${e.roomSlug}`}</span>
                    )}
                  </span>
                </span>
                <span role="cell" className="mod-log__reason">
                  {e.reason ?? t("moderation.log.noReason")}
                </span>
                <span role="cell" className="mod-log__change">
                  <Change entry={e} ctx={ctx} />
                </span>
              </div>
            );
          })}
        </div>
      )}
      {log.nextCursor && (
        <div className="mod-more">
          <Button
            variant="secondary"
            loading={log.status === "loadingMore"}
            onClick={() => void loadModLog(undefined, { more: true })}
          >
            {t("moderation.log.more")}
          </Button>
        </div>
      )}
    </div>
  );
}

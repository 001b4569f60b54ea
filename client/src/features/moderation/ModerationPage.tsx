import { useEffect, useRef, type KeyboardEvent } from "react";
import { useSearchParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { EmptyState } from "../../components/EmptyState";
import { Spinner } from "../../components/Spinner";
import { useFormat } from "../../lib/format";
import { useT, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { localized } from "../../lib/locale";
import { FlagsTab } from "./FlagsTab";
import { LogTab } from "./LogTab";
import { PeopleTab } from "./PeopleTab";
import { QueueTab } from "./QueueTab";
import { VerificationsTab, verificationSelectors } from "../verification";
import "../posts/posts.css";
import "./moderation.css";

const TABS = ["queue", "verifications", "flags", "log", "people"] as const;
type Tab = (typeof TABS)[number];
const LABELS: Record<Tab, MessageKey> = {
  queue: "moderation.tab.queue",
  verifications: "moderation.tab.verifications",
  flags: "moderation.tab.flags",
  log: "moderation.tab.log",
  people: "moderation.tab.people",
};
const isTab = (v: string | null): v is Tab => TABS.some((t) => t === v);

/**
 * `/moderation`: the moderators' dashboard (queue, flags, audit log, people and room settings), for
 * global moderators and admins over every room and for room moderators over theirs. Everything on it
 * updates live; the tab lives in the address so it survives a reload and can be shared.
 */
export function ModerationPage() {
  const t = useT();
  const f = useFormat();
  const [params, setParams] = useSearchParams();
  const requested = params.get("tab");
  const tab: Tab = isTab(requested) ? requested : "queue";
  const scope = useStore((s) => s.modScope);
  const signedIn = useStore((s) => s.currentUserId !== null);
  const loadModScope = useStore((s) => s.loadModScope);
  const locale = useStore((s) => s.locale);
  const roomsById = useStore((s) => s.roomsById);
  const tabRefs = useRef<Array<HTMLButtonElement | null>>([]);
  const pendingVerifications = useStore(verificationSelectors.pendingCount);
  const loadVerifications = useStore((s) => s.loadVerifications);
  const global = scope?.global ?? false;

  // The tab's count is live from the first visit: the pending list is read once and then kept by events.
  useEffect(() => {
    if (global) void loadVerifications("pending");
  }, [global, loadVerifications]);
  usePageTitle(t("moderation.pageTitle"));

  useEffect(() => {
    if (signedIn) void loadModScope();
  }, [signedIn, loadModScope]);

  if (!scope) {
    return (
      <div className="page page--wide" aria-busy="true">
        <Spinner size="lg" label={t("ui.loading")} />
      </div>
    );
  }
  if (!scope.global && scope.roomIds.length === 0) {
    return (
      <div className="page page--narrow">
        <EmptyState as="h1" title={t("moderation.noAccess.title")}>
          {t("moderation.noAccess.body")}
        </EmptyState>
      </div>
    );
  }

  // Verifying people is for global moderators and admins; room moderators do not see the tab.
  const tabs = TABS.filter((key) => key !== "verifications" || scope.global);
  const shown: Tab = tabs.includes(tab) ? tab : "queue";
  const select = (next: Tab) => setParams(next === "queue" ? {} : { tab: next }, { replace: true });
  const onKey = (e: KeyboardEvent<HTMLButtonElement>, index: number) => {
    if (e.key !== "ArrowRight" && e.key !== "ArrowLeft") return;
    const next = (index + (e.key === "ArrowRight" ? 1 : tabs.length - 1)) % tabs.length;
    select(tabs[next]);
    tabRefs.current[next]?.focus();
    e.preventDefault();
  };
  const roomNames = scope.roomIds.flatMap((id) =>
    roomsById[id] ? [localized(roomsById[id].name, locale)] : [],
  );
  const counts: Partial<Record<Tab, number>> = {
    queue: scope.queueCount,
    flags: scope.openFlagCount,
    verifications: pendingVerifications,
  };

  return (
    <div className="page page--wide mod-page" data-testid="moderation-page">
      <header className="page-header">
        <h1 className="page-title">{t("moderation.title")}</h1>
        <p className="page-lead">
          {scope.global
            ? t("moderation.lead.global")
            : t("moderation.lead.rooms", {
                rooms: new Intl.ListFormat(locale === "id" ? "id-ID" : "en-GB").format(roomNames),
              })}
        </p>
      </header>
      <div className="mod-tabs" role="tablist" aria-label={t("moderation.tabs.label")}>
        {tabs.map((key, i) => (
          <button
            key={key}
            ref={(el) => {
              tabRefs.current[i] = el;
            }}
            type="button"
            role="tab"
            id={`mod-tab-${key}`}
            aria-selected={shown === key}
            aria-controls={`mod-panel-${key}`}
            tabIndex={shown === key ? 0 : -1}
            className={`mod-tab${shown === key ? " mod-tab--on" : ""}`}
            onClick={() => select(key)}
            onKeyDown={(e) => onKey(e, i)}
            data-testid={`mod-tab-${key}`}
          >
            {t(LABELS[key])}
            {counts[key] ? (
              <span className="mod-count" data-testid={`mod-count-${key}`}>
                {f.number(counts[key] ?? 0)}
              </span>
            ) : null}
          </button>
        ))}
      </div>
      <section
        className="mod-panel"
        role="tabpanel"
        id={`mod-panel-${shown}`}
        aria-labelledby={`mod-tab-${shown}`}
      >
        {shown === "queue" && <QueueTab />}
        {shown === "verifications" && <VerificationsTab />}
        {shown === "flags" && <FlagsTab />}
        {shown === "log" && <LogTab />}
        {shown === "people" && <PeopleTab global={scope.global} />}
      </section>
    </div>
  );
}

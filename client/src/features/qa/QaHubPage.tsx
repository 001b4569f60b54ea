import { useEffect, useState } from "react";
import { Link } from "react-router";
import { qaCommands, type QaSessionDto } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button } from "../../components/Button";
import { Skeleton } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useLocale, useT, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { localized } from "../../lib/locale";
import { JoinCodeForm } from "./JoinCodeForm";
import { send } from "../../lib/send";
import { StatusBadge } from "./StatusBadge";
import "./qa.css";

/** Ended sessions are history: the few most recent are enough here; the rest live in their rooms. */
const RECENT_ENDED = 5;

const GROUPS: { status: QaSessionDto["status"]; title: MessageKey; empty: MessageKey }[] = [
  { status: "live", title: "qa.hub.live", empty: "qa.hub.live.empty" },
  { status: "scheduled", title: "qa.hub.upcoming", empty: "qa.hub.upcoming.empty" },
  { status: "ended", title: "qa.hub.ended", empty: "qa.hub.ended.empty" },
];

/** `/qa`: the Q&A sessions across rooms (live, upcoming, recently ended) and the join-code box. */
export function QaHubPage() {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const roomsById = useStore((s) => s.roomsById);
  const roomIdBySlug = useStore((s) => s.roomIdBySlug);
  const [sessions, setSessions] = useState<QaSessionDto[] | null>(null);
  const [failed, setFailed] = useState(false);
  const [attempt, setAttempt] = useState(0);
  usePageTitle(t("qa.hub.title"));

  useEffect(() => {
    const abort = new AbortController();
    send(qaCommands.list, { limit: 30 }, { signal: abort.signal }).then(
      (b) => setSessions(b.sessions),
      () => {
        if (!abort.signal.aborted) setFailed(true);
      },
    );
    return () => abort.abort();
  }, [attempt]);

  const roomName = (slug: string) => {
    const id = roomIdBySlug[slug];
    const room = id ? roomsById[id] : undefined;
    return room ? localized(room.name, locale) : slug;
  };

  return (
    <div className="page qa-hub">
      <header className="page-header">
        <h1 className="page-title">{t("qa.hub.title")}</h1>
        <p className="page-lead">{t("qa.hub.lead")}</p>
      </header>
      <div className="qa-hub__layout">
        <section className="card qa-hub__join" aria-labelledby="qa-hub-join">
          <h2 id="qa-hub-join" className="card-title">
            {t("qa.join.title")}
          </h2>
          <JoinCodeForm />
        </section>
        <div className="qa-hub__lists" aria-busy={sessions === null && !failed}>
          {failed ? (
            <p className="qa-empty" role="alert">
              {t("qa.hub.error")}{" "}
              <Button
                size="sm"
                variant="secondary"
                onClick={() => {
                  setFailed(false);
                  setAttempt((n) => n + 1);
                }}
              >
                {t("ui.retry")}
              </Button>
            </p>
          ) : sessions === null ? (
            [0, 1, 2].map((i) => <Skeleton key={i} width="100%" height="3.4rem" />)
          ) : (
            GROUPS.map((g) => {
              const list = sessions
                .filter((s) => s.status === g.status)
                .slice(0, g.status === "ended" ? RECENT_ENDED : undefined);
              return (
                <section key={g.status} className="qa-hub__group" aria-labelledby={`qa-hub-${g.status}`}>
                  <h2 id={`qa-hub-${g.status}`} className="section-title">
                    {t(g.title)}
                  </h2>
                  {list.length === 0 ? (
                    <p className="qa-empty">{t(g.empty)}</p>
                  ) : (
                    <ul className="qa-room__list" data-testid={`qa-hub-${g.status}`}>
                      {list.map((s) => (
                        <li key={s.id}>
                          <Link to={`/qa/${s.id}`} className="qa-room__item" data-testid="qa-hub-session">
                            <span className="qa-room__title">{s.title}</span>
                            <span className="qa-room__meta">
                              <StatusBadge status={s.status} />
                              <span>{t("qa.hub.room", { room: roomName(s.roomSlug) })}</span>
                              {s.status === "scheduled" && s.startsAt && (
                                <span>{t("qa.section.startsAt", { when: f.dateTime(s.startsAt) })}</span>
                              )}
                              {s.status === "ended" && s.endedAt && (
                                <span>{t("qa.hub.endedAt", { when: f.date(s.endedAt) })}</span>
                              )}
                              <span>
                                {t("qa.section.questions", {
                                  count: f.number(s.questionCount),
                                  answered: f.number(s.answeredCount),
                                })}
                              </span>
                            </span>
                          </Link>
                        </li>
                      ))}
                    </ul>
                  )}
                </section>
              );
            })
          )}
        </div>
      </div>
    </div>
  );
}

import { useEffect, useMemo, useState } from "react";
import { Link, useParams } from "react-router";
import { qaCommands, type QaAnalyticsDto } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button, buttonClass } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Skeleton } from "../../components/Skeleton";
import { isApiError } from "../../lib/api";
import { useFormat } from "../../lib/format";
import { useLocale, useT } from "../../lib/i18n";
import { PollResults } from "./PollResults";
import { commandUrl, send } from "../../lib/send";
import "./qa.css";
import "./polls.css";
import "./analytics.css";

type Load =
  { state: "loading" } | { state: "ready"; data: QaAnalyticsDto } | { state: "error"; forbidden: boolean };

/** Participants joining per time bucket as bars, each labelled with its time and count. */
function JoinedChart({ joined }: { joined: QaAnalyticsDto["participants"]["joined"] }) {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const time = useMemo(
    () =>
      new Intl.DateTimeFormat(locale === "en" ? "en-GB" : "id-ID", { hour: "2-digit", minute: "2-digit" }),
    [locale],
  );
  const max = Math.max(1, ...joined.map((b) => b.count));
  if (joined.length === 0) return <p className="qa-empty">{t("qa.analytics.empty")}</p>;
  return (
    <ol className="qa-chart" data-testid="qa-analytics-joined">
      {joined.map((b) => {
        const label = t("qa.analytics.joinedBar", {
          time: time.format(new Date(b.at)),
          count: f.number(b.count),
        });
        return (
          <li key={b.at} className="qa-chart__bar" title={label} aria-label={label}>
            <span className="qa-chart__col">
              <span className="qa-chart__fill" style={{ height: `${Math.round((b.count / max) * 100)}%` }} />
            </span>
            <span className="qa-chart__tick" aria-hidden="true">
              {time.format(new Date(b.at))}
            </span>
          </li>
        );
      })}
    </ol>
  );
}

function Figure({
  label,
  value,
  detail,
  testId,
}: {
  label: string;
  value: string;
  detail?: string;
  testId: string;
}) {
  return (
    <div className="qa-figure" data-testid={testId}>
      <span className="qa-figure__value">{value}</span>
      <span className="qa-figure__label">{label}</span>
      {detail && <span className="qa-figure__detail">{detail}</span>}
    </div>
  );
}

/**
 * `/qa/:id/analytics` (hosts and moderators): who joined over time, what was asked, approved and
 * answered, votes, the top questions and every poll's results, during the session and after; the
 * CSV export has the same figures with headings in the session's language.
 */
export function QaAnalyticsPage() {
  const { id } = useParams();
  const t = useT();
  const f = useFormat();
  const [load, setLoad] = useState<Load>({ state: "loading" });
  // Bumped by "Refresh": during a live session the figures move, so the host can fetch them again.
  const [round, setRound] = useState(0);
  usePageTitle(
    load.state === "ready" ? `${t("qa.analytics.title")} · ${load.data.title}` : t("qa.analytics.title"),
  );

  useEffect(() => {
    if (!id) return;
    const ctrl = new AbortController();
    send(qaCommands.analytics, { sessionId: id }, { signal: ctrl.signal })
      .then(({ analytics: data }) => setLoad({ state: "ready", data }))
      .catch((err: unknown) => {
        if (!ctrl.signal.aborted)
          setLoad({
            state: "error",
            forbidden: isApiError(err) && (err.status === 403 || err.status === 401),
          });
      });
    return () => ctrl.abort();
  }, [id, round]);

  if (!id || load.state === "error") {
    const forbidden = load.state === "error" && load.forbidden;
    return (
      <div className="page page--narrow">
        <h1 className="sr-only">{t("qa.analytics.title")}</h1>
        <EmptyState title={forbidden ? t("qa.analytics.title") : t("qa.page.notFound.title")}>
          {forbidden ? t("qa.analytics.forbidden") : t("qa.page.notFound.body")}
        </EmptyState>
      </div>
    );
  }
  if (load.state === "loading") {
    return (
      <div className="page" aria-busy="true">
        <Skeleton width="50%" height="2rem" />
        <Skeleton width="100%" height="8rem" />
      </div>
    );
  }
  const a = load.data;
  return (
    <div className="page qa-analytics" data-testid="qa-analytics">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to={`/qa/${a.sessionId}`}>{t("qa.analytics.back")}</Link>
      </nav>
      <header className="page-header qa-analytics__head">
        <div>
          <p className="qa-analytics__kicker">{t("qa.analytics.title")}</p>
          <h1 className="page-title">{a.title}</h1>
        </div>
        <div className="qa-analytics__actions">
          <span className="qa-analytics__when">
            {t("qa.analytics.generated", { when: f.dateTime(a.generatedAt) })}
          </span>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setRound((r) => r + 1)}
            data-testid="qa-analytics-refresh"
          >
            {t("qa.analytics.refresh")}
          </Button>
          <a
            className={buttonClass("secondary", "sm")}
            href={commandUrl(qaCommands.analyticsCsv, { sessionId: a.sessionId })}
            download
            data-testid="qa-analytics-export"
          >
            {t("qa.analytics.export")}
          </a>
        </div>
      </header>
      <div className="qa-figures">
        <Figure
          testId="qa-analytics-participants"
          label={t("qa.analytics.participants")}
          value={f.number(a.participants.total)}
          detail={t("qa.analytics.participantsDetail", {
            members: f.number(a.participants.members),
            guests: f.number(a.participants.guests),
          })}
        />
        <Figure
          testId="qa-analytics-asked"
          label={t("qa.analytics.asked")}
          value={f.number(a.questions.asked)}
        />
        <Figure
          testId="qa-analytics-approved"
          label={t("qa.analytics.approved")}
          value={f.number(a.questions.approved)}
        />
        <Figure
          testId="qa-analytics-answered"
          label={t("qa.analytics.answered")}
          value={f.number(a.questions.answered)}
        />
        <Figure
          testId="qa-analytics-dismissed"
          label={t("qa.analytics.dismissed")}
          value={f.number(a.questions.dismissed)}
        />
        <Figure
          testId="qa-analytics-votes"
          label={t("qa.analytics.votes")}
          value={f.number(a.votes.total)}
          detail={t("qa.analytics.voters", { count: f.number(a.votes.voters) })}
        />
      </div>
      <section className="qa-analytics__section">
        <h2 className="qa-section-title">{t("qa.analytics.joined")}</h2>
        <JoinedChart joined={a.participants.joined} />
      </section>
      <section className="qa-analytics__section">
        <h2 className="qa-section-title">{t("qa.analytics.top")}</h2>
        {a.topQuestions.length === 0 ? (
          <p className="qa-empty">{t("qa.analytics.empty")}</p>
        ) : (
          <ol className="qa-analytics__top" data-testid="qa-analytics-top">
            {a.topQuestions.map((q) => (
              <li key={q.id}>
                <span className="qa-analytics__votes">{f.number(q.votes)}</span>
                <span>{q.text}</span>
              </li>
            ))}
          </ol>
        )}
      </section>
      <section className="qa-analytics__section">
        <h2 className="qa-section-title">{t("qa.analytics.polls")}</h2>
        {a.polls.length === 0 ? (
          <p className="qa-empty">{t("qa.analytics.empty")}</p>
        ) : (
          <div className="qa-polls__list">
            {a.polls.map((p) => (
              <article key={p.id} className="poll-card" data-testid="qa-analytics-poll">
                <h3 className="poll-card__question">{p.question}</h3>
                {p.results && <PollResults poll={{ ...p, myAnswer: null }} results={p.results} />}
              </article>
            ))}
          </div>
        )}
      </section>
    </div>
  );
}

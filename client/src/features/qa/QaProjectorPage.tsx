import { useEffect, useMemo } from "react";
import { useParams } from "react-router";
import { useShallow } from "zustand/react/shallow";
import type { PollDto, QuestionDto } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { LogoMark } from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { PollResults } from "./PollResults";
import { pollsOf } from "./polls.slice";
import { qaSelectors, questionsOf, sortQuestions } from "./qa.slice";
import { QrCode } from "./QrCode";
import { sessionLink, StatusBadge } from "./StatusBadge";
import "./qa.css";
import "./polls.css";
import "./projector.css";

const TOP = 4;

/** The poll the hall should see: the open one, else the latest whose results the host shows. */
export function projectedPoll(polls: readonly PollDto[]): PollDto | undefined {
  return polls.find((p) => p.status === "open") ?? polls.find((p) => p.status === "closed" && p.showResults);
}

/**
 * `/qa/:id/projector`: what the room sees on the big screen. The QR code and the join code in large
 * type, the highlighted question, the running poll (its results once the host shows them) and the top
 * questions. Anonymous askers stay anonymous here even when a moderator's laptop drives the projector.
 */
export function QaProjectorPage() {
  const { id } = useParams();
  const t = useT();
  const f = useFormat();
  const session = useStore(qaSelectors.session(id));
  const map = useStore(qaSelectors.questionMap(id));
  const load = useStore(qaSelectors.load(id));
  const polls = useStore(pollsOf(id));
  const { joinQa, leaveQa } = useStore(useShallow((s) => ({ joinQa: s.joinQa, leaveQa: s.leaveQa })));
  usePageTitle(session ? `${t("qa.projector.title")} · ${session.title}` : null);

  useEffect(() => {
    if (!id) return;
    void joinQa(id);
    return () => leaveQa(id);
  }, [id, joinQa, leaveQa]);

  const top = useMemo(() => sortQuestions(questionsOf(map, ["approved"]), "popular"), [map]);
  const highlighted = session?.highlightedQuestionId ? map?.[session.highlightedQuestionId] : undefined;
  const rest = top.filter((q) => q.id !== highlighted?.id).slice(0, TOP);
  const poll = projectedPoll(polls);
  const who = (q: QuestionDto) =>
    q.anonymous || !q.author ? t("qa.q.anonymous") : q.author.name || t("qa.guest.label");
  const host = typeof window === "undefined" ? "" : window.location.host;

  if (!session) {
    return (
      <main className="projector projector--empty" data-testid="qa-projector">
        <p>{load === "error" ? t("qa.page.notFound.title") : "…"}</p>
      </main>
    );
  }
  const ended = session.status === "ended";
  const archivePath = session.archiveThreadId ? `/threads/${session.archiveThreadId}` : null;
  return (
    <main className="projector" data-testid="qa-projector">
      <header className="projector__head">
        <div className="projector__brand">
          <LogoMark size={36} />
          <div>
            <p className="projector__session">{session.title}</p>
            <StatusBadge status={session.status} />
          </div>
        </div>
        <button
          type="button"
          className="projector__fs"
          onClick={() => {
            if (document.fullscreenElement) void document.exitFullscreen();
            else void document.documentElement.requestFullscreen?.();
          }}
        >
          {t("qa.projector.fullscreen")}
        </button>
      </header>
      {ended ? (
        // An ended session takes no one new: no QR code, no code, no invitation to join it.
        <section
          className="projector__stage projector__ended"
          aria-live="polite"
          data-testid="qa-projector-ended"
        >
          <p className="projector__question">{t("qa.projector.ended")}</p>
          {archivePath ? (
            <p className="projector__meta">
              {t("qa.projector.archive")}{" "}
              <a href={archivePath} className="projector__archive" data-testid="qa-projector-archive">
                {`${host}${archivePath}`}
              </a>
            </p>
          ) : (
            <p className="projector__meta">{t("qa.projector.archivePending")}</p>
          )}
        </section>
      ) : (
        <div className={poll && highlighted ? "projector__body projector__body--both" : "projector__body"}>
          <div className="projector__main">
            <section className="projector__stage" aria-live="polite" data-testid="qa-projector-stage">
              {highlighted ? (
                <>
                  <p className="projector__label">{t("qa.page.nowAnswering")}</p>
                  <p className="projector__question">{highlighted.text}</p>
                  <p className="projector__meta">
                    {who(highlighted)} · {t("qa.q.votes", { count: f.number(highlighted.votes) })}
                  </p>
                </>
              ) : (
                !poll && <p className="projector__waiting">{t("qa.projector.waiting")}</p>
              )}
            </section>
            {poll && (
              <section className="projector__poll" aria-live="polite" data-testid="qa-projector-poll">
                <p className="projector__label">{t("qa.projector.poll")}</p>
                <p className="projector__poll-question">{poll.question}</p>
                {poll.showResults && poll.results ? (
                  <PollResults poll={{ ...poll, myAnswer: null }} results={poll.results} />
                ) : (
                  <p className="projector__meta">
                    {poll.results
                      ? t("qa.poll.total", { count: f.number(poll.results.total) })
                      : t("qa.poll.waitingResults")}
                  </p>
                )}
              </section>
            )}
            {rest.length > 0 && (
              <section className="projector__top">
                <h2 className="projector__label">{t("qa.projector.top")}</h2>
                <ol className="projector__list">
                  {rest.map((q) => (
                    <li key={q.id} className="projector__item" data-testid="qa-projector-item">
                      <span className="projector__votes">{f.number(q.votes)}</span>
                      <span className="projector__text">
                        {q.text}
                        <span className="projector__who">{who(q)}</span>
                      </span>
                    </li>
                  ))}
                </ol>
              </section>
            )}
          </div>
          <aside className="projector__joinpanel" data-testid="qa-projector-join">
            <QrCode
              className="projector__qr"
              text={sessionLink(session.joinCode)}
              label={t("qa.projector.qrLabel", { code: session.joinCode })}
            />
            <p className="projector__scan">{t("qa.projector.scan")}</p>
            <p className="projector__or">{t("qa.projector.orGo", { host: `${host}/qa` })}</p>
            <strong className="projector__code" data-testid="qa-projector-code">
              {session.joinCode}
            </strong>
          </aside>
        </div>
      )}
    </main>
  );
}

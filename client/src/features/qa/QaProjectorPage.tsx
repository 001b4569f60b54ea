import { useEffect, useMemo } from "react";
import { useParams } from "react-router";
import { useShallow } from "zustand/react/shallow";
import type { QuestionDto } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { LogoMark } from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { qaSelectors, questionsOf, sortQuestions } from "./qa.slice";
import { StatusBadge } from "./StatusBadge";
import "./qa.css";

const TOP = 4;

/**
 * `/qa/:id/projector`: what the room sees on the big screen. The highlighted question in large type,
 * the top questions by votes, and how to join. Anonymous askers stay anonymous here even when a
 * moderator's laptop drives the projector.
 */
export function QaProjectorPage() {
  const { id } = useParams();
  const t = useT();
  const f = useFormat();
  const session = useStore(qaSelectors.session(id));
  const map = useStore(qaSelectors.questionMap(id));
  const load = useStore(qaSelectors.load(id));
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
  const who = (q: QuestionDto) => (q.anonymous || !q.author ? t("qa.q.anonymous") : q.author.name);
  const host = typeof window === "undefined" ? "" : window.location.host;

  const ended = session?.status === "ended";
  const archivePath = session?.archiveThreadId ? `/threads/${session.archiveThreadId}` : null;

  if (!session) {
    return (
      <main className="projector projector--empty" data-testid="qa-projector">
        <p>{load === "error" ? t("qa.page.notFound.title") : "…"}</p>
      </main>
    );
  }
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
        {/* An ended session takes no one new: no invitation to join it. */}
        {!ended && (
          <p className="projector__join">
            {t("qa.projector.join", { host: `${host}/qa` })}{" "}
            <strong className="projector__code">{session.joinCode}</strong>
          </p>
        )}
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
      <section className="projector__stage" aria-live="polite" data-testid="qa-projector-stage">
        {ended ? (
          <div className="projector__ended" data-testid="qa-projector-ended">
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
          </div>
        ) : highlighted ? (
          <>
            <p className="projector__label">{t("qa.page.nowAnswering")}</p>
            <p className="projector__question">{highlighted.text}</p>
            <p className="projector__meta">
              {who(highlighted)} · {t("qa.q.votes", { count: f.number(highlighted.votes) })}
            </p>
          </>
        ) : (
          <p className="projector__waiting">{t("qa.projector.waiting")}</p>
        )}
      </section>
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
    </main>
  );
}

import { lazy, Suspense, useMemo, useState } from "react";
import { Link } from "react-router";
import type { PollDto, QaSessionDto, QaViewerDto, QuestionDto } from "@rembuk/shared";
import { buttonClass } from "../../components/Button";
import { MicIcon } from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { AskForm } from "./AskForm";
import { GuestBanner } from "./GuestControls";
import { ModeratorActions } from "./ModeratorActions";
import { PollCard } from "./PollCard";
import { pollsOf } from "./polls.slice";
import { questionsOf, qaSelectors, sortQuestions } from "./qa.slice";
import { QuestionCard } from "./QuestionCard";
import { SessionHeader } from "./SessionHeader";

// The host's poll panel is a chunk of its own: participants on a phone never download it.
const HostPolls = lazy(() => import("./HostPolls").then((m) => ({ default: m.HostPolls })));

type Tab = "questions" | "queue" | "answered" | "dismissed";

/**
 * A loaded session: the stage, the ask form, polls, the viewer's own questions and the tabbed question
 * lists (with the moderator's queue and actions for hosts and moderators).
 */
export function SessionView({ session, viewer }: { session: QaSessionDto; viewer: QaViewerDto }) {
  const moderator = viewer.canModerate;
  const canAsk = viewer.canAsk;
  const t = useT();
  const f = useFormat();
  const map = useStore(qaSelectors.questionMap(session.id));
  const sort = useStore((s) => s.qaSort);
  const setSort = useStore((s) => s.setQaSort);
  const mineIds = useStore((s) => s.qaMine);
  const [tab, setTab] = useState<Tab>("questions");

  const open = useMemo(() => sortQuestions(questionsOf(map, ["approved"]), sort), [map, sort]);
  const queue = useMemo(() => sortQuestions(questionsOf(map, ["pending"]), "recent").reverse(), [map]);
  const answered = useMemo(() => sortQuestions(questionsOf(map, ["answered"]), "recent"), [map]);
  const dismissed = useMemo(() => sortQuestions(questionsOf(map, ["dismissed"]), "recent"), [map]);
  const myOwn = useMemo(
    () =>
      moderator ? [] : questionsOf(map, ["pending", "dismissed", "merged"]).filter((q) => mineIds[q.id]),
    [map, moderator, mineIds],
  );
  const highlighted: QuestionDto | undefined = session.highlightedQuestionId
    ? map?.[session.highlightedQuestionId]
    : undefined;
  const live = session.status !== "ended";
  const canVote = viewer.canVote && live;
  const polls = useStore(pollsOf(session.id));
  // Participants see what the host has opened (or closed with results); drafts stay with the host.
  // The running poll comes before the questions, finished ones after them.
  // Once the session has ended nothing is running any more: a poll left open counts as closed.
  const openPolls = useMemo(() => (live ? polls.filter((p) => p.status === "open") : []), [polls, live]);
  const closedPolls = useMemo(
    () =>
      polls
        .filter((p) => (p.status === "closed" || (!live && p.status === "open")) && p.showResults)
        .map((p) => ({ ...p, status: "closed" as const })),
    [polls, live],
  );
  // Only a guest in a watch-only session is told why they cannot answer.
  const watchOnly = Boolean(viewer.guest) && session.guests === "watch";

  const card = (q: QuestionDto) => (
    <QuestionCard
      key={q.id}
      question={q}
      highlighted={q.id === session.highlightedQuestionId}
      canVote={canVote}
      actions={
        moderator && live ? (
          <ModeratorActions
            question={q}
            highlighted={q.id === session.highlightedQuestionId}
            mergeTargets={[...open, ...answered]}
          />
        ) : undefined
      }
    />
  );

  const tabs: Array<{ key: Tab; label: string; show: boolean }> = [
    { key: "questions", label: t("qa.page.tabs.questions", { count: f.number(open.length) }), show: true },
    { key: "queue", label: t("qa.page.tabs.queue", { count: f.number(queue.length) }), show: moderator },
    { key: "answered", label: t("qa.page.tabs.answered", { count: f.number(answered.length) }), show: true },
    {
      key: "dismissed",
      label: t("qa.page.tabs.dismissed", { count: f.number(dismissed.length) }),
      show: moderator,
    },
  ];
  const lists: Record<Tab, { items: QuestionDto[]; empty: string }> = {
    questions: { items: open, empty: t("qa.page.empty") },
    queue: { items: queue, empty: t("qa.page.queueEmpty") },
    answered: { items: answered, empty: t("qa.page.answeredEmpty") },
    dismissed: { items: dismissed, empty: t("qa.page.dismissedEmpty") },
  };
  const current = lists[tab];

  return (
    <div className="page qa-page" data-testid="qa-page">
      <nav className="breadcrumb" aria-label="Breadcrumb">
        <Link to={`/rooms/${encodeURIComponent(session.roomSlug)}`}>{t("qa.page.breadcrumb")}</Link>
      </nav>
      <SessionHeader session={session} moderator={moderator} />

      {highlighted && (
        <section className="qa-stage" aria-live="polite" data-testid="qa-now-answering">
          <p className="qa-stage__label">
            <MicIcon /> {t("qa.page.nowAnswering")}
          </p>
          <p className="qa-stage__text">{highlighted.text}</p>
          <p className="qa-stage__meta">
            {highlighted.author?.name ?? t("qa.q.anonymous")} ·{" "}
            {t("qa.q.votes", { count: f.number(highlighted.votes) })}
          </p>
        </section>
      )}

      {!live && (
        <div className="qa-ended" role="status">
          <p>{t("qa.page.ended")}</p>
          {session.archiveThreadId && (
            <Link
              className={buttonClass("secondary", "sm")}
              to={`/threads/${session.archiveThreadId}`}
              data-testid="qa-archive-link"
            >
              {t("qa.page.archive")}
            </Link>
          )}
        </div>
      )}

      <GuestBanner session={session} viewer={viewer} />
      {live && canAsk && (
        <div className="qa-askdock">
          <AskForm session={session} moderator={moderator} />
        </div>
      )}

      {moderator ? (
        <Suspense fallback={null}>
          <HostPolls sessionId={session.id} polls={polls} live={live} />
        </Suspense>
      ) : (
        <PollSection polls={openPolls} canAnswer={canVote} watchOnly={watchOnly} testId="qa-polls" />
      )}

      {myOwn.length > 0 && (
        <section className="qa-mine" aria-labelledby="qa-mine-title" data-testid="qa-mine">
          <h2 id="qa-mine-title" className="qa-section-title">
            {t("qa.page.mine")}
          </h2>
          <ul className="qa-list">{myOwn.map(card)}</ul>
        </section>
      )}

      <div className="qa-toolbar">
        <div className="qa-tabs" role="tablist" aria-label={t("qa.page.tabs.label")}>
          {tabs
            .filter((x) => x.show)
            .map((x) => (
              <button
                key={x.key}
                type="button"
                role="tab"
                aria-selected={tab === x.key}
                className={tab === x.key ? "qa-tab qa-tab--on" : "qa-tab"}
                data-testid={`qa-tab-${x.key}`}
                onClick={() => setTab(x.key)}
              >
                {x.label}
              </button>
            ))}
        </div>
        {tab === "questions" && (
          <div className="qa-sort" role="group" aria-label={t("qa.page.sort.label")}>
            {(["popular", "recent"] as const).map((s) => (
              <button
                key={s}
                type="button"
                aria-pressed={sort === s}
                className={sort === s ? "qa-sort__btn qa-sort__btn--on" : "qa-sort__btn"}
                data-testid={`qa-sort-${s}`}
                onClick={() => setSort(s)}
              >
                {t(s === "popular" ? "qa.page.sort.popular" : "qa.page.sort.recent")}
              </button>
            ))}
          </div>
        )}
      </div>
      <div role="tabpanel" data-testid={`qa-panel-${tab}`}>
        {current.items.length === 0 ? (
          <p className="qa-empty">{current.empty}</p>
        ) : (
          <ul className="qa-list">{current.items.map(card)}</ul>
        )}
      </div>
      {!moderator && <PollSection polls={closedPolls} canAnswer={false} testId="qa-polls-closed" done />}
    </div>
  );
}

function PollSection({
  polls,
  canAnswer,
  watchOnly = false,
  testId,
  done = false,
}: {
  polls: PollDto[];
  canAnswer: boolean;
  watchOnly?: boolean;
  testId: string;
  done?: boolean;
}) {
  const t = useT();
  if (polls.length === 0) return null;
  return (
    <section
      className={done ? "qa-polls qa-polls--done" : "qa-polls"}
      aria-label={t("qa.poll.section")}
      data-testid={testId}
    >
      <h2 className="qa-section-title">{t("qa.poll.section")}</h2>
      {polls.map((p) => (
        <PollCard key={p.id} poll={p} canAnswer={canAnswer} watchOnly={watchOnly} />
      ))}
    </section>
  );
}

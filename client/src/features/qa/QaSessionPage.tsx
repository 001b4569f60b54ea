import { lazy, Suspense, useEffect, useMemo, useState } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { useShallow } from "zustand/react/shallow";
import {
  qaCommands,
  type PollDto,
  type QaSessionDto,
  type QaViewerDto,
  type QuestionDto,
} from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button, buttonClass } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { EmptyState } from "../../components/EmptyState";
import { MicIcon } from "../../components/icons";
import { Skeleton } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { AskForm } from "./AskForm";
import { GuestBanner, GuestsSetting } from "./GuestControls";
import { ModeratorActions } from "./ModeratorActions";
import { PollCard } from "./PollCard";
import { pollsOf } from "./polls.slice";
import { commandUrl, send } from "../../lib/send";
import { qaErrorMessage } from "./qa.errors";
import { qaSelectors, questionsOf, sortQuestions } from "./qa.slice";
import { QuestionCard } from "./QuestionCard";
import { sessionLink, StatusBadge } from "./StatusBadge";
import "./qa.css";
import "./polls.css";
import { OfficeMark } from "../users";

// Hosts' tools are separate chunks: participants on a phone never download them.
const HostPolls = lazy(() => import("./HostPolls").then((m) => ({ default: m.HostPolls })));
const ParticipantsDialog = lazy(() =>
  import("./ParticipantsDialog").then((m) => ({ default: m.ParticipantsDialog })),
);

type Tab = "questions" | "queue" | "answered" | "dismissed";

/** `/qa/:id`: the live session for participants, with the moderator panel for hosts and moderators. */
export function QaSessionPage() {
  const { id } = useParams();
  const t = useT();
  const session = useStore(qaSelectors.session(id));
  const viewer = useStore(qaSelectors.viewer(id));
  const load = useStore(qaSelectors.load(id));
  const { joinQa, leaveQa } = useStore(useShallow((s) => ({ joinQa: s.joinQa, leaveQa: s.leaveQa })));
  const signedIn = useStore((s) => s.currentUserId !== null);
  const toast = useStore((s) => s.pushToast);
  const [params, setParams] = useSearchParams();
  const claim = signedIn && params.get("claim") === "1";
  usePageTitle(session?.title);

  useEffect(() => {
    if (!id || claim) return;
    void joinQa(id);
    return () => leaveQa(id);
    // Who is signed in changes what the snapshot holds (own questions, moderator view): join again.
  }, [id, joinQa, leaveQa, signedIn, claim]);

  // Back from signing in as a guest: the guest's questions become the member's, then the page joins.
  useEffect(() => {
    if (!id || !claim) return;
    void send(qaCommands.claim, { sessionId: id })
      .then(({ claimed: count }) =>
        toast({ tone: "success", message: "qa.guest.claimed", params: { count } }),
      )
      .catch(() => undefined)
      .finally(() => setParams({}, { replace: true }));
  }, [id, claim, toast, setParams]);

  if (!id || load === "error") {
    return (
      <div className="page page--narrow">
        <h1 className="sr-only">{t("qa.page.notFound.title")}</h1>
        <EmptyState title={t("qa.page.notFound.title")}>{t("qa.page.notFound.body")}</EmptyState>
      </div>
    );
  }
  if (!session || !viewer) {
    return (
      <div className="page" aria-busy="true">
        <Skeleton width="50%" height="2rem" />
        <Skeleton width="80%" height="1rem" />
        <Skeleton width="100%" height="6rem" />
      </div>
    );
  }
  return <SessionView session={session} viewer={viewer} />;
}

function SessionView({ session, viewer }: { session: QaSessionDto; viewer: QaViewerDto }) {
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

function SessionHeader({ session, moderator }: { session: QaSessionDto; moderator: boolean }) {
  const t = useT();
  const f = useFormat();
  const setStatus = useStore((s) => s.setQaStatus);
  const toast = useStore((s) => s.pushToast);
  const [busy, setBusy] = useState(false);
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [showParticipants, setShowParticipants] = useState(false);

  const change = async (status: "live" | "ended") => {
    setBusy(true);
    try {
      await setStatus(session.id, status);
      setConfirmEnd(false);
    } catch (err) {
      toast({ tone: "error", message: qaErrorMessage(err) });
    } finally {
      setBusy(false);
    }
  };
  const copy = () => {
    void navigator.clipboard
      ?.writeText(sessionLink(session.joinCode))
      .then(() => toast({ tone: "success", message: "qa.page.copied" }));
  };

  return (
    <header className="page-header qa-header">
      <div className="qa-header__top">
        <StatusBadge status={session.status} />
        {session.startsAt && session.status === "scheduled" && (
          <span className="qa-header__when">
            {t("qa.section.startsAt", { when: f.dateTime(session.startsAt) })}
          </span>
        )}
      </div>
      <h1 className="page-title" data-testid="qa-title">
        {session.title}
      </h1>
      {session.hosts.length > 0 && (
        <p className="qa-header__hosts" data-testid="qa-hosts">
          {t("qa.page.hostsLabel")}{" "}
          {session.hosts.map((h, i) => (
            <span key={h.id} className="qa-header__host">
              {i > 0 && ", "}
              {h.title ? `${h.name} (${h.title})` : h.name} <OfficeMark person={h} />
            </span>
          ))}
        </p>
      )}
      {session.description && <p className="page-lead">{session.description}</p>}
      <div className="qa-header__bar">
        <div className="qa-code" data-testid="qa-join-code">
          <span className="qa-code__label">{t("qa.page.code")}</span>
          <span className="qa-code__value">{session.joinCode}</span>
        </div>
        <Button size="sm" variant="ghost" onClick={copy} data-testid="qa-copy-link">
          {t("qa.page.copyLink")}
        </Button>
        {moderator && (
          <div className="qa-header__mod">
            {session.status === "scheduled" && (
              <Button size="sm" onClick={() => void change("live")} loading={busy} data-testid="qa-go-live">
                {t("qa.page.goLive")}
              </Button>
            )}
            {session.status !== "ended" && (
              <Button size="sm" variant="danger" onClick={() => setConfirmEnd(true)} data-testid="qa-end">
                {t("qa.page.end")}
              </Button>
            )}
            <a
              className={buttonClass("secondary", "sm")}
              href={`/qa/${session.id}/projector`}
              target="_blank"
              rel="noopener"
              data-testid="qa-projector-link"
            >
              {t("qa.page.projector")}
            </a>
            <a
              className={buttonClass("ghost", "sm")}
              href={commandUrl(qaCommands.exportCsv, { sessionId: session.id })}
              download
              data-testid="qa-export"
            >
              {t("qa.page.export")}
            </a>
            <Link
              className={buttonClass("ghost", "sm")}
              to={`/qa/${session.id}/analytics`}
              data-testid="qa-analytics-link"
            >
              {t("qa.analytics.open")}
            </Link>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setShowParticipants(true)}
              data-testid="qa-participants-open"
            >
              {t("qa.participants.open")}
            </Button>
          </div>
        )}
        {moderator && <GuestsSetting session={session} />}
      </div>
      {showParticipants && (
        <Suspense fallback={null}>
          <ParticipantsDialog sessionId={session.id} onClose={() => setShowParticipants(false)} />
        </Suspense>
      )}
      <Dialog
        open={confirmEnd}
        title={t("qa.page.endConfirm.title")}
        onClose={() => setConfirmEnd(false)}
        testId="qa-end-dialog"
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirmEnd(false)}>
              {t("qa.mod.cancel")}
            </Button>
            <Button
              variant="danger"
              loading={busy}
              onClick={() => void change("ended")}
              data-testid="qa-end-confirm"
            >
              {t("qa.page.end")}
            </Button>
          </>
        }
      >
        <p>{t("qa.page.endConfirm.body", { host: session.hosts[0]?.name ?? "" })}</p>
      </Dialog>
    </header>
  );
}

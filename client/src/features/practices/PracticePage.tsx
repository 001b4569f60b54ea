import { useEffect, useRef, useState } from "react";
import { Link, useParams } from "react-router";
import { usePageTitle } from "../../app/usePageTitle";
import { focusReplyBox, usePageSkipLink } from "../../components/pageSkipLink";
import { Button, buttonClass } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { FormAlert } from "../../components/Field";
import { Skeleton, SkeletonText } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { threadCan } from "../../lib/abilities";
import { useStore } from "../../store";
import { Composer, ConnectionBanner, PostList } from "../posts";
import type { QuoteRef } from "../posts";
import { roomSelectors } from "../rooms";
import { localized } from "../../lib/locale";
import { AdoptionLedger } from "./AdoptionLedger";
import { HistoryDialog } from "./HistoryDialog";
import { LineagePanel } from "./LineagePanel";
import { FeaturedBadge, StageBadge } from "./PracticeBits";
import { PracticeFacts, PracticeStory } from "./PracticeRecord";
import { watchPractice } from "./practices.live";
import { practiceSelectors } from "./practices.slice";
import { Badge } from "../../components/Badge";
import "../posts/posts.css";
import "../threads/threads.css";
import "./practices.css";
import "./practice.print.css";
import { ThreadModerationBar } from "../moderation";
import { OfficeMark } from "../users";

/**
 * `/practices/:id`: the practice record, its lineage, the replication ledger (live) and the
 * discussion. The page joins the practice's thread through the posts slice, which brings both the
 * discussion's posts and `adoption:changed` for this practice.
 */
export function PracticePage() {
  const { id = "" } = useParams();
  const t = useT();
  const f = useFormat();
  const practice = useStore(practiceSelectors.byId(id));
  const page = useStore(practiceSelectors.page(id));
  const loadPage = useStore((s) => s.loadPracticePage);
  const loadRegions = useStore((s) => s.loadRegions);
  const loadSectors = useStore((s) => s.loadSectors);
  const openThread = useStore((s) => s.openThread);
  const closeThread = useStore((s) => s.closeThread);
  const loadRoom = useStore((s) => s.loadRoom);
  const room = useStore(roomSelectors.byId(practice?.roomId));
  const locale = useStore((s) => s.locale);
  const me = useStore((s) => (s.currentUserId ? s.usersById[s.currentUserId] : undefined));
  // The forum's copy of the thread is fetched again on every rejoin (a sign-in, a sign-out): its
  // abilities are the freshest.
  const forumCopy = useStore((s) => s.threadsById[id]);
  const setDraft = useStore((s) => s.setDraft);
  const [historyOpen, setHistoryOpen] = useState(false);
  const textareaRef = useRef<HTMLTextAreaElement | null>(null);
  usePageTitle(practice?.title ?? null);
  // The discussion's reply box sits under the record and the ledger: a skip link reaches it at once.
  const replyBoxRef = useRef<HTMLDivElement | null>(null);
  usePageSkipLink(practice ? t("posts.thread.skipToReply") : null, "reply-box", () => {
    focusReplyBox(textareaRef.current, replyBoxRef.current);
  });

  useEffect(() => {
    void loadRegions();
    void loadSectors();
  }, [loadRegions, loadSectors]);

  useEffect(() => {
    if (!id) return;
    void loadPage(id);
    openThread(id);
    const unwatch = watchPractice(id);
    return () => {
      unwatch();
      closeThread(id);
    };
  }, [id, loadPage, openThread, closeThread]);

  const roomSlug = practice?.roomSlug;
  useEffect(() => {
    if (roomSlug && !room) void loadRoom(roomSlug).catch(() => undefined);
  }, [roomSlug, room, loadRoom]);

  if (
    page?.status === "error" &&
    (page.errorCode === "NOT_FOUND" ||
      page.errorCode === "VALIDATION" ||
      page.errorCode === "UNAUTHENTICATED")
  ) {
    return (
      <div className="page page--narrow">
        <EmptyState as="h1" title={t("practices.page.notFound.title")}>
          {t("practices.page.notFound.body")}
        </EmptyState>
      </div>
    );
  }
  if (!practice || !page || (page.status !== "ready" && page.status !== "error")) {
    return (
      <div className="page page--wide practice-page" aria-busy="true">
        <Skeleton width="25%" />
        <Skeleton width="70%" height="2.2rem" />
        <SkeletonText lines={6} />
        <span className="sr-only">{t("ui.loading")}</span>
      </div>
    );
  }

  const record = practice.practice;
  const can = threadCan(forumCopy?.can ? forumCopy : practice);
  const moderator = can.moderate;
  const canEdit = can.editPractice;
  // A lock is state, not a permission: the thread's moderators still write in it.
  const canWrite = can.reply && (!practice.locked || moderator);
  const pageUrl = typeof window === "undefined" ? "" : `${window.location.origin}/practices/${practice.id}`;

  return (
    <div className="page page--wide practice-page" data-testid="practice-page">
      <ConnectionBanner />
      {page.status === "error" && (
        <FormAlert>
          {t("practices.page.error")}{" "}
          <button type="button" className="link-button" onClick={() => void loadPage(id)}>
            {t("ui.retry")}
          </button>
        </FormAlert>
      )}
      <nav className="breadcrumb no-print" aria-label="Breadcrumb">
        <Link to="/practices">{t("practices.page.breadcrumb")}</Link>
        <span aria-hidden="true"> / </span>
        <Link to={`/rooms/${encodeURIComponent(practice.roomSlug)}`}>
          {room ? localized(room.name, locale) : practice.roomSlug}
        </Link>
      </nav>

      <header className="practice-head">
        <div className="practice-head__badges">
          <StageBadge stage={record.stage} />
          {practice.featured && <FeaturedBadge />}
          {practice.status === "queued" && <Badge tone="warning">{t("practices.card.queued")}</Badge>}
        </div>
        <h1 className="page-title practice-head__title" data-testid="practice-title">
          {practice.title}
        </h1>
        <p className="practice-head__meta">
          {practice.author && (
            <>
              <Link to={`/users/${practice.author.id}`}>
                {t("practices.page.by", { name: practice.author.name })}
              </Link>
              {practice.author.title && <span className="muted">, {practice.author.title}</span>}{" "}
              <OfficeMark person={practice.author} />
              <span aria-hidden="true"> · </span>
            </>
          )}
          <time dateTime={practice.createdAt}>{f.date(practice.createdAt)}</time>
          <span aria-hidden="true"> · </span>
          <span className="muted">
            {t("practices.page.revision", { n: record.revision, date: f.date(record.updatedAt) })}
          </span>
        </p>
        <div className="practice-head__actions no-print">
          <Button size="sm" variant="secondary" onClick={() => window.print()} data-testid="practice-print">
            {t("practices.page.print")}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => setHistoryOpen(true)}
            data-testid="practice-history-open"
          >
            {t("practices.page.history")}
          </Button>
          {canEdit && (
            <Link
              to={`/practices/${practice.id}/edit`}
              className={buttonClass("ghost", "sm")}
              data-testid="practice-edit"
            >
              {t("practices.page.edit")}
            </Link>
          )}
          {me && (
            <Link
              to={`/practices/new?from=${practice.id}`}
              className={buttonClass("ghost", "sm")}
              data-testid="practice-adapt"
            >
              {t("practices.page.adapt")}
            </Link>
          )}
        </div>
        <p className="print-only practice-head__printed">
          {t("practices.page.printedFrom", { url: pageUrl, date: f.date(new Date()) })}
        </p>
        {practice.status === "queued" && <FormAlert tone="info">{t("practices.page.queued")}</FormAlert>}
        <ThreadModerationBar thread={practice} canModerate={moderator} hideQueuedNote />
      </header>

      <div className="practice-layout">
        <div className="practice-layout__main">
          <PracticeStory practice={record} threadId={practice.id} />
          <LineagePanel lineage={page.lineage} title={practice.title} />
        </div>
        <aside className="practice-layout__side">
          <PracticeFacts practice={record} />
          <AdoptionLedger practice={practice} />
        </aside>
      </div>

      <section className="practice-discussion no-print" aria-labelledby="practice-discussion-title">
        <div className="section-head">
          <h2 id="practice-discussion-title" className="section-title">
            {t("practices.discussion.title")}
          </h2>
          <p className="section-lead">{t("practices.discussion.lead")}</p>
        </div>
        <PostList
          threadId={practice.id}
          canWrite={canWrite}
          onReply={(quote: QuoteRef) => {
            const draft = useStore.getState().drafts[practice.id];
            setDraft(practice.id, { body: draft?.body ?? "", replyTo: quote });
            textareaRef.current?.focus();
            textareaRef.current?.scrollIntoView({ block: "center", behavior: "smooth" });
          }}
        />
        <div id="reply-box" ref={replyBoxRef} tabIndex={-1} className="reply-box">
          <Composer
            threadId={practice.id}
            locked={practice.locked && !moderator}
            lockReason={practice.lockReason ?? null}
            slowModeSeconds={moderator ? 0 : (room?.slowModeSeconds ?? 0)}
            textareaRef={textareaRef}
          />
        </div>
      </section>
      <HistoryDialog practiceId={practice.id} open={historyOpen} onClose={() => setHistoryOpen(false)} />
    </div>
  );
}

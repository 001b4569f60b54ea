import { useState } from "react";
import { Link } from "react-router";
import type { FollowUpDto } from "@rembuk/shared";
import { useFormat } from "../../../lib/format";
import { useT } from "../../../lib/i18n";
import { useStore } from "../../../store";
import { readAllDrafts, readAllOutboxes } from "../../posts";
import { HomeSection } from "./HomeSection";

const excerpt = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max - 1)}…` : text);

/**
 * What the reader still owes: Q&A questions left unanswered when their session ended, and what
 * they wrote on this device but did not send (reply drafts, posts waiting in the outbox).
 */
export function FollowUpsSection({ followUps, now }: { followUps: FollowUpDto[]; now: number }) {
  const t = useT();
  const f = useFormat();
  const me = useStore((s) => s.currentUserId);
  const threadsById = useStore((s) => s.threadsById);
  // Read once when the page opens: the composer writes these as the person types elsewhere.
  const [drafts] = useState(readAllDrafts);
  const [unsent] = useState(() => readAllOutboxes().filter((e) => e.userId === me));
  const threadTitle = (id: string) => threadsById[id]?.title ?? t("home.followUps.aThread");

  const empty = followUps.length === 0 && drafts.length === 0 && unsent.length === 0;
  return (
    <HomeSection id="home-followups" title={t("home.followUps.title")}>
      {empty ? (
        <p className="home-section__empty">{t("home.followUps.empty")}</p>
      ) : (
        <ul className="home-list" data-testid="home-followups-list">
          {followUps.map((q) => {
            const overdue = Date.parse(q.dueAt) < now;
            return (
              <li key={q.questionId} className="home-list__item" data-testid="home-followup">
                <Link to={`/qa/${q.sessionId}`} className="home-list__title">
                  {excerpt(q.body)}
                </Link>
                <span className={`home-list__meta${overdue ? " home-list__meta--late" : ""}`}>
                  {t(overdue ? "home.followUps.overdue" : "home.followUps.due", { when: f.date(q.dueAt) })} ·{" "}
                  {q.sessionTitle}
                </span>
              </li>
            );
          })}
          {unsent.map((e) => (
            <li key={e.clientId} className="home-list__item" data-testid="home-unsent">
              <Link to={`/threads/${e.threadId}`} className="home-list__title">
                {excerpt(e.body)}
              </Link>
              <span className="home-list__meta home-list__meta--late">
                {t("home.followUps.unsent", { thread: threadTitle(e.threadId) })}
              </span>
            </li>
          ))}
          {drafts.map(({ threadId, draft }) => (
            <li key={threadId} className="home-list__item" data-testid="home-draft">
              <Link to={`/threads/${threadId}#reply-box`} className="home-list__title">
                {excerpt(draft.body)}
              </Link>
              <span className="home-list__meta">
                {t("home.followUps.draft", { thread: threadTitle(threadId) })}
              </span>
            </li>
          ))}
        </ul>
      )}
    </HomeSection>
  );
}

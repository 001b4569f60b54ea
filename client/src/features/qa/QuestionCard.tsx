import type { ReactNode } from "react";
import type { QuestionDto } from "@rembuk/shared";
import { Avatar } from "../../components/Avatar";
import { Badge } from "../../components/Badge";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { OfficeMark } from "../users";
import { qaErrorMessage } from "./qa.errors";

/** The upvote control: one press votes, a second takes the vote back; the count is the server's. */
function VoteButton({ question, disabled }: { question: QuestionDto; disabled: boolean }) {
  const t = useT();
  const f = useFormat();
  const voted = useStore((s) => s.qaVoted[question.id] ?? false);
  const vote = useStore((s) => s.voteQuestion);
  const toast = useStore((s) => s.pushToast);
  const label = voted ? t("qa.q.unvote") : t("qa.q.vote");
  return (
    <button
      type="button"
      className={voted ? "qa-vote qa-vote--on" : "qa-vote"}
      aria-pressed={voted}
      // The name starts with what is visible (the count), so voice users can say what they see.
      aria-label={`${t("qa.q.votes", { count: f.number(question.votes) })}: ${label}`}
      title={label}
      disabled={disabled}
      data-testid="qa-vote"
      onClick={() =>
        vote(question.id, !voted).catch((err: unknown) =>
          toast({ tone: "error", message: qaErrorMessage(err) }),
        )
      }
    >
      <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
        <path
          d="M8 2.5l5.5 6.5H10v4.5H6V9H2.5z"
          fill={voted ? "currentColor" : "none"}
          stroke="currentColor"
          strokeWidth="1.5"
          strokeLinejoin="round"
        />
      </svg>
      <span className="qa-vote__count" data-testid="qa-vote-count">
        {f.number(question.votes)}
      </span>
    </button>
  );
}

export interface QuestionCardProps {
  question: QuestionDto;
  highlighted?: boolean;
  canVote: boolean;
  /** Moderator controls, rendered under the text. */
  actions?: ReactNode;
}

export function QuestionCard({ question, highlighted = false, canVote, actions }: QuestionCardProps) {
  const t = useT();
  const f = useFormat();
  const mine = useStore((s) => s.qaMine[question.id] ?? false);
  const author = question.author;
  // A guest who joined without a name has an empty name: show "Guest".
  const who = author
    ? author.name || t("qa.guest.label")
    : mine
      ? `${t("qa.q.anonymous")} (${t("qa.q.you")})`
      : t("qa.q.anonymous");
  const votable = question.status === "approved";
  return (
    <li
      className={["qa-card", highlighted ? "qa-card--highlighted" : "", `qa-card--${question.status}`]
        .filter(Boolean)
        .join(" ")}
      data-testid="qa-question"
      data-status={question.status}
      data-question-id={question.id}
    >
      {votable || question.status === "answered" ? (
        <VoteButton question={question} disabled={!canVote || !votable} />
      ) : (
        <span className="qa-vote qa-vote--static" aria-hidden="true">
          <span className="qa-vote__count">{f.number(question.votes)}</span>
        </span>
      )}
      <div className="qa-card__main">
        <div className="qa-card__meta">
          {author ? (
            <Avatar name={author.name || t("qa.guest.label")} seed={author.id} size="sm" />
          ) : (
            <span className="qa-card__anon" aria-hidden="true">
              ?
            </span>
          )}
          <span className="qa-card__author">{who}</span>
          {author?.title && <span className="qa-card__title">{author.title}</span>}
          {author && <OfficeMark person={author} />}
          {author?.guest && author.name && <Badge testId="qa-guest-badge">{t("qa.guest.label")}</Badge>}
          {author && question.anonymous && <Badge testId="qa-anonymous-badge">{t("qa.q.anonymous")}</Badge>}
          <time
            className="qa-card__time"
            dateTime={question.createdAt}
            title={f.dateTime(question.createdAt)}
          >
            {f.relative(question.createdAt)}
          </time>
          {highlighted && <Badge tone="warning">{t("qa.q.highlighted")}</Badge>}
          {question.status === "pending" && <Badge testId="qa-pending-badge">{t("qa.q.pending")}</Badge>}
          {question.status === "answered" && <Badge tone="verified">{t("qa.q.answered")}</Badge>}
          {question.status === "dismissed" && <Badge tone="danger">{t("qa.q.dismissed")}</Badge>}
          {question.status === "merged" && <Badge>{t("qa.q.merged")}</Badge>}
        </div>
        <p className="qa-card__text" data-testid="qa-question-text">
          {question.text}
          {question.edited && <span className="qa-card__edited"> · {t("qa.q.edited")}</span>}
        </p>
        {question.status === "dismissed" && question.dismissReason && (
          <p className="qa-card__reason" data-testid="qa-dismiss-reason">
            {t("qa.q.dismissedReason", { reason: question.dismissReason })}
          </p>
        )}
        {question.followUp && question.status === "approved" && (
          <p className="qa-card__followup" data-testid="qa-followup">
            {t("qa.q.followUp", {
              name: question.followUp.assignee.name,
              date: f.date(question.followUp.dueAt),
            })}
          </p>
        )}
        {question.status === "answered" && (
          <div className="qa-card__answer">
            <span className="qa-card__answer-label">{t("qa.q.answer")}</span>
            <p>{question.answer ?? t("qa.q.answeredLive")}</p>
          </div>
        )}
        {actions && <div className="qa-card__actions">{actions}</div>}
      </div>
    </li>
  );
}

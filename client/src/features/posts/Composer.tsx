import { useId, useMemo, useState, type RefObject } from "react";
import type { UserSummaryDto } from "@rembuk/shared";
import { Link, useLocation } from "react-router";
import { LIMITS } from "@rembuk/shared";
import { Button, buttonClass } from "../../components/Button";
import { CloseIcon, LockIcon, ReplyIcon, SendIcon } from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { MarkdownEditor } from "./MarkdownEditor";
import { MentionList, useThreadPeople } from "./MentionList";
import type { Draft } from "./outbox";
import { insertMention, mentionCandidates, mentionQuery } from "./mentions";
import { postSelectors } from "./posts.slice";

const EMPTY_DRAFT: Draft = { body: "", replyTo: null };

/**
 * The reply box. What is typed is the thread's draft (kept in localStorage on every change), and a
 * send moves it into the outbox before anything goes on the wire, so neither a failed send nor a
 * reload loses a word. Ctrl/Cmd+Enter sends.
 */
export function Composer({
  threadId,
  locked,
  lockReason = null,
  slowModeSeconds,
  textareaRef,
}: {
  threadId: string;
  locked: boolean;
  /** The moderator's reason for the lock, told to the people it stops. */
  lockReason?: string | null;
  slowModeSeconds: number;
  textareaRef: RefObject<HTMLTextAreaElement | null>;
}) {
  const t = useT();
  const f = useFormat();
  const location = useLocation();
  const signedIn = useStore((s) => s.currentUserId !== null);
  const sessionKnown = useStore((s) => s.sessionStatus !== "unknown");
  const draft = useStore(postSelectors.draft(threadId)) ?? EMPTY_DRAFT;
  const setDraft = useStore((s) => s.setDraft);
  const sendPost = useStore((s) => s.sendPost);
  const sendTyping = useStore((s) => s.sendTyping);
  const hintId = useId();
  const labelId = useId();
  const people = useThreadPeople(threadId);
  const [mention, setMention] = useState<{ start: number; query: string } | null>(null);
  const [active, setActive] = useState(0);
  const candidates = useMemo(
    () => (mention ? mentionCandidates(people, mention.query) : []),
    [people, mention],
  );

  if (locked) {
    return (
      <p className="composer composer--notice" data-testid="composer-locked">
        <LockIcon />
        {/* One text block, so the reason reads on after the notice instead of in a second column. */}
        <span>
          {t("posts.thread.locked")}
          {lockReason && (
            <span className="composer__lock-reason" data-testid="composer-lock-reason">
              {" "}
              {t("posts.thread.lockReason", { reason: lockReason })}
            </span>
          )}
        </span>
      </p>
    );
  }
  if (!sessionKnown) return null;
  if (!signedIn) {
    return (
      <div className="composer composer--notice">
        <Link
          to={`/login?next=${encodeURIComponent(location.pathname)}`}
          className={buttonClass("primary")}
          data-testid="composer-signin"
        >
          {t("posts.composer.signIn")}
        </Link>
      </div>
    );
  }

  const body = draft.body;
  const tooLong = body.length > LIMITS.postBody.max;
  const canSend = body.trim().length > 0 && !tooLong;
  const trackMention = (value: string) => {
    const el = textareaRef.current;
    const found = el ? mentionQuery(value, el.selectionStart) : null;
    setMention(found);
    if (found?.query !== mention?.query) setActive(0);
  };
  const pick = (person: UserSummaryDto) => {
    if (!mention) return;
    const next = insertMention(body, mention, person);
    setDraft(threadId, { ...draft, body: next.text });
    setMention(null);
    requestAnimationFrame(() => {
      textareaRef.current?.focus();
      textareaRef.current?.setSelectionRange(next.caret, next.caret);
    });
  };

  const send = () => {
    if (!canSend) return;
    sendPost(threadId, body, draft.replyTo);
    textareaRef.current?.focus();
  };

  return (
    <form
      className="composer"
      aria-labelledby={labelId}
      onSubmit={(e) => {
        e.preventDefault();
        send();
      }}
    >
      <h2 id={labelId} className="composer__title">
        {t("posts.composer.label")}
      </h2>
      {draft.replyTo && (
        <div className="composer__reply" data-testid="composer-reply">
          <ReplyIcon />
          <span className="composer__reply-text">
            {t("posts.composer.replyingTo", {
              name: draft.replyTo.authorName,
              excerpt: draft.replyTo.excerpt,
            })}
          </span>
          <button
            type="button"
            className="composer__reply-cancel"
            aria-label={t("posts.composer.cancelReply")}
            data-testid="composer-reply-cancel"
            onClick={() => setDraft(threadId, { ...draft, replyTo: null })}
          >
            <CloseIcon />
          </button>
        </div>
      )}
      <MarkdownEditor
        value={body}
        onChange={(value) => {
          setDraft(threadId, { ...draft, body: value });
          trackMention(value);
          if (value.trim()) sendTyping(threadId);
        }}
        aria-label={t("posts.composer.label")}
        aria-describedby={hintId}
        aria-invalid={tooLong || undefined}
        placeholder={t("posts.composer.placeholder")}
        testId="composer-input"
        textareaRef={textareaRef}
        rows={3}
        onKeyDown={(e) => {
          if (mention && candidates.length > 0) {
            if (e.key === "ArrowDown" || e.key === "ArrowUp") {
              e.preventDefault();
              setActive((i) => (i + (e.key === "ArrowDown" ? 1 : candidates.length - 1)) % candidates.length);
              return;
            }
            if ((e.key === "Enter" && !e.ctrlKey && !e.metaKey) || e.key === "Tab") {
              e.preventDefault();
              const person = candidates[active] ?? candidates[0];
              if (person) pick(person);
              return;
            }
            if (e.key === "Escape") {
              e.preventDefault();
              setMention(null);
              return;
            }
          }
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            send();
          }
        }}
      />
      {mention && candidates.length > 0 && (
        <MentionList candidates={candidates} active={active} onPick={pick} />
      )}
      <div className="composer__foot">
        <p className="composer__hint" id={hintId}>
          {tooLong ? (
            <span className="field__error">
              {t("posts.composer.tooLong", { max: f.number(LIMITS.postBody.max) })}
            </span>
          ) : (
            <>
              <span className="composer__md">{t("posts.composer.hint")}</span>
              <span className="composer__shortcut">{t("posts.composer.shortcut")}</span>
              {slowModeSeconds > 0 && (
                <span>{t("posts.composer.slowMode", { duration: f.duration(slowModeSeconds) })}</span>
              )}
              {body && <span className="composer__saved">{t("posts.composer.draftSaved")}</span>}
            </>
          )}
        </p>
        {body.length > LIMITS.postBody.max * 0.8 && (
          <span className={`composer__count${tooLong ? " composer__count--over" : ""}`}>
            {t("posts.composer.count", { count: f.number(body.length), max: f.number(LIMITS.postBody.max) })}
          </span>
        )}
        <Button type="submit" icon={<SendIcon />} disabled={!canSend} data-testid="composer-send">
          {t("posts.composer.send")}
        </Button>
      </div>
    </form>
  );
}

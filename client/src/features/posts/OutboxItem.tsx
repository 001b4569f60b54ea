import { Avatar } from "../../components/Avatar";
import { Button } from "../../components/Button";
import { Spinner } from "../../components/Spinner";
import { useLocale, useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { AlertIcon, ReplyIcon } from "../../components/icons";
import type { OutboxEntry } from "./outbox";
import { outboxMessage } from "./posts.errors";
import { isRetryable } from "./posts.slice";
import { useNow } from "./useNow";

/**
 * A post on its way: shown where it will land, with "Mengirim…", or why it is waiting and a button
 * that sends it again with the same clientId (so a send that did arrive is never posted twice).
 */
export function OutboxItem({ entry }: { entry: OutboxEntry }) {
  const t = useT();
  const locale = useLocale();
  const me = useStore((s) => (s.currentUserId ? s.usersById[s.currentUserId] : undefined));
  const retry = useStore((s) => s.retryPost);
  const edit = useStore((s) => s.editFailedPost);
  const discard = useStore((s) => s.discardPost);
  // Ticks while a retry time is set, so the countdown and the retry button follow the clock.
  const now = useNow(entry.status === "failed" && entry.error?.retryAt != null);
  const failed = entry.status === "failed";
  const message = failed ? outboxMessage(entry.error, locale, now) : null;
  const canRetryNow = failed && !(entry.error?.retryAt != null && entry.error.retryAt > now);
  const automatic =
    failed && entry.error !== null && isRetryable(entry.error.code) && entry.error.retryAt === null;

  return (
    <article
      className={`post post--mine post--outbox post--${entry.status}`}
      data-testid="outbox-item"
      data-status={entry.status}
    >
      <header className="post__head">
        <div className="post-author">
          <Avatar name={me?.name ?? "?"} seed={entry.userId} />
          <div className="post-author__text">
            <span className="post-author__name">{me?.name}</span>
            <span className="post__meta" role="status" aria-label={t("posts.outbox.status")}>
              {failed ? (
                <span className="outbox__state outbox__state--failed" data-testid="outbox-error">
                  <AlertIcon /> {message ? t(message.key, message.params) : null}
                </span>
              ) : (
                <span className="outbox__state">
                  <Spinner size="sm" /> {t("posts.outbox.sending")}
                </span>
              )}
            </span>
          </div>
        </div>
      </header>
      {entry.replyTo && (
        <p className="post__quote post__quote--static">
          <span className="post__quote-who">
            <ReplyIcon /> {t("posts.post.replyingTo", { name: entry.replyTo.authorName })}
          </span>
          <span className="post__quote-text">{entry.replyTo.excerpt}</span>
        </p>
      )}
      <p className="post__body post__body--plain">{entry.body}</p>
      {failed && (
        <footer className="post__foot post__foot--outbox">
          <Button
            size="sm"
            variant={automatic ? "secondary" : "primary"}
            disabled={!canRetryNow}
            onClick={() => retry(entry.clientId)}
            data-testid="outbox-retry"
          >
            {t("posts.outbox.retry")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => edit(entry.clientId)} data-testid="outbox-edit">
            {t("posts.outbox.edit")}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            onClick={() => discard(entry.clientId)}
            data-testid="outbox-discard"
          >
            {t("posts.outbox.discard")}
          </Button>
        </footer>
      )}
    </article>
  );
}

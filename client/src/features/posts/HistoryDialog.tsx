import { useEffect, useState } from "react";
import { postCommands, type PostDto, type PostRevisionDto } from "@rembuk/shared";
import { Dialog } from "../../components/Dialog";
import { Spinner } from "../../components/Spinner";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { send } from "../../lib/send";

/** "diedit": every earlier version of a post, oldest first, then the current text. */
export function HistoryDialog({ post, onClose }: { post: PostDto; onClose: () => void }) {
  const t = useT();
  const f = useFormat();
  const [revisions, setRevisions] = useState<PostRevisionDto[] | null>(null);
  const [failed, setFailed] = useState(false);

  useEffect(() => {
    const abort = new AbortController();
    send(postCommands.history, { id: post.id }, { signal: abort.signal }).then(
      (r) => setRevisions(r.revisions),
      () => {
        if (!abort.signal.aborted) setFailed(true);
      },
    );
    return () => abort.abort();
  }, [post.id, post.editedAt]);

  return (
    <Dialog open title={t("posts.history.title")} onClose={onClose} testId="history-dialog">
      {failed ? (
        <p>{t("posts.history.error")}</p>
      ) : !revisions ? (
        <Spinner label={t("ui.loading")} />
      ) : (
        <ol className="history">
          {revisions.length === 0 && <li className="muted">{t("posts.history.empty")}</li>}
          {revisions.map((r) => (
            <li key={r.version} className="history__item" data-testid="history-version">
              <p className="history__label">
                <strong>
                  {r.version === 1
                    ? t("posts.history.original")
                    : t("posts.history.version", { version: r.version })}
                </strong>
                <span className="muted"> · {f.dateTime(r.createdAt)}</span>
              </p>
              <div className="md history__body" dangerouslySetInnerHTML={{ __html: r.html }} />
            </li>
          ))}
          {post.html && (
            <li className="history__item history__item--current">
              <p className="history__label">
                <strong>{t("posts.history.current")}</strong>
                {post.editedAt && <span className="muted"> · {f.dateTime(post.editedAt)}</span>}
              </p>
              <div className="md history__body" dangerouslySetInnerHTML={{ __html: post.html }} />
            </li>
          )}
        </ol>
      )}
    </Dialog>
  );
}

import { memo, useState } from "react";
import { type PostDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { PencilIcon, ReplyIcon, TrashIcon } from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { postCan } from "../../lib/abilities";
import { useStore } from "../../store";
import { DeletePostDialog } from "./DeletePostDialog";
import { HistoryDialog } from "./HistoryDialog";
import type { QuoteRef } from "./outbox";
import { PostAuthor } from "./PostAuthor";
import { Toolbar } from "../../components/Toolbar";
import { PostModerationNote, PostModTools } from "../moderation";
import { PostEditor } from "./PostEditor";
import { ReactionBar } from "./ReactionBar";

export interface PostItemProps {
  postId: string;
  opening?: boolean;
  /** The viewer may write here (the thread's `can.reply`, and not locked unless they moderate it). */
  canWrite: boolean;
  onReply: (quote: QuoteRef) => void;
  onJumpTo: (postId: string) => void;
}

/** Plain text of a post for a reply's quote (the server keeps its own excerpt for the saved reply). */
export function quoteOf(post: PostDto): QuoteRef {
  const text = (post.body ?? "")
    .replace(/[`*_>#[\]()]/g, "")
    .replace(/\s+/g, " ")
    .trim();
  return {
    id: post.id,
    seq: post.seq,
    authorName: post.author?.name ?? "",
    excerpt: text.length > 140 ? `${text.slice(0, 139)}…` : text,
  };
}

/** One post: author, time, quote, sanitised body, reactions and the author's or moderator's actions. */
export const PostItem = memo(function PostItem({
  postId,
  opening = false,
  canWrite,
  onReply,
  onJumpTo,
}: PostItemProps) {
  const t = useT();
  const f = useFormat();
  const post = useStore((s) => s.postsById[postId]);
  const thread = useStore((s) => (post ? s.threadsById[post.threadId] : undefined));
  const me = useStore((s) => s.currentUserId);
  const [editing, setEditing] = useState(false);
  const [historyOpen, setHistoryOpen] = useState(false);
  const [deleting, setDeleting] = useState(false);
  if (!post) return null;

  const mine = me !== null && post.author?.id === me;
  // Hidden posts reach others as placeholders, queued ones only their author and moderators.
  const live = post.status === "published";
  const anchor = post.seq > 0 ? `post-${post.seq}` : `post-${post.id}`;
  const can = postCan(post, thread);
  const canEdit = can.edit && canWrite && !post.deleted;
  const canDelete = can.delete && !post.deleted;

  return (
    <article
      className={`post${opening ? " post--opening" : ""}${post.deleted ? " post--deleted" : ""}${mine ? " post--mine" : ""}`}
      id={anchor}
      data-testid="post"
      data-seq={post.seq}
      data-post-id={post.id}
      aria-label={t("posts.post.permalink", { seq: post.seq })}
    >
      <header className="post__head">
        <PostAuthor author={post.author}>
          <span className="post__meta">
            <a href={`#${anchor}`} className="post__time" title={f.dateTime(post.createdAt)}>
              <time dateTime={post.createdAt}>{f.relative(post.createdAt)}</time>
            </a>
            {post.seq > 0 && (
              <>
                <span aria-hidden="true">·</span>
                <span className="post__seq">#{post.seq}</span>
              </>
            )}
            {post.editedAt && !post.deleted && (
              <>
                <span aria-hidden="true">·</span>
                <button
                  type="button"
                  className="link-button post__edited"
                  title={t("posts.post.editedTitle", { when: f.dateTime(post.editedAt) })}
                  onClick={() => setHistoryOpen(true)}
                  data-testid="post-edited"
                >
                  {t("posts.post.edited")}
                </button>
              </>
            )}
          </span>
        </PostAuthor>
        {opening && <span className="post__opening-label">{t("posts.post.opening")}</span>}
        <PostModTools post={post} opening={opening} />
      </header>

      {post.replyTo && !post.deleted && (
        <button
          type="button"
          className="post__quote"
          onClick={() => onJumpTo(post.replyTo?.id ?? "")}
          data-testid="reply-quote"
        >
          <span className="post__quote-who">
            <ReplyIcon />{" "}
            {t("posts.post.replyingTo", { name: post.replyTo.author?.name ?? t("posts.post.unknownAuthor") })}
          </span>
          <span className="post__quote-text">
            {post.replyTo.deleted ? t("posts.post.quoteDeleted") : post.replyTo.excerpt}
          </span>
        </button>
      )}

      {/* Its author and moderators learn why (and read it); everyone else sees the placeholder line. */}
      {post.moderation ? (
        <PostModerationNote post={post} />
      ) : (
        post.status === "hidden" && (
          <p className="post__notice" data-testid="post-hidden">
            {t("posts.post.hidden")}
          </p>
        )
      )}

      {post.deleted ? (
        <p className="post__deleted" data-testid="post-deleted">
          {t("posts.post.deleted")}
        </p>
      ) : editing ? (
        <PostEditor post={post} onDone={() => setEditing(false)} />
      ) : (
        // `html` comes sanitised from the server's renderer (raw HTML off, links checked, no images).
        <div
          className="md post__body"
          data-testid="post-body"
          dangerouslySetInnerHTML={{ __html: post.html ?? "" }}
        />
      )}

      {!post.deleted && !editing && (me !== null || Object.values(post.reactions).some((n) => n > 0)) && (
        <footer className="post__foot">
          {live ? <ReactionBar post={post} signedIn={me !== null} /> : <span />}
          <Toolbar className="post__actions" label={t("posts.post.actions", { seq: post.seq })}>
            {/* A reply quotes a numbered post whose text the viewer reads (not a placeholder, not a waiting post). */}
            {canWrite && post.seq > 0 && post.html !== null && (
              <Button
                size="sm"
                variant="ghost"
                icon={<ReplyIcon />}
                onClick={() => onReply(quoteOf(post))}
                data-testid="post-reply"
              >
                {t("posts.post.reply")}
              </Button>
            )}
            {canEdit && (
              <Button
                size="sm"
                variant="ghost"
                icon={<PencilIcon />}
                onClick={() => setEditing(true)}
                data-testid="post-edit"
              >
                {t("posts.post.edit")}
              </Button>
            )}
            {canDelete && !opening && (
              <Button
                size="sm"
                variant="ghost"
                icon={<TrashIcon />}
                onClick={() => setDeleting(true)}
                data-testid="post-delete"
              >
                {t("posts.post.delete")}
              </Button>
            )}
          </Toolbar>
        </footer>
      )}
      {historyOpen && <HistoryDialog post={post} onClose={() => setHistoryOpen(false)} />}
      {deleting && <DeletePostDialog postId={post.id} onClose={() => setDeleting(false)} />}
    </article>
  );
});

import { useEffect, useState } from "react";
import { Link } from "react-router";
import { useShallow } from "zustand/react/shallow";
import type { QueueItemDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { Skeleton } from "../../components/Skeleton";
import { useFormat } from "../../lib/format";
import { useLocale, useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { InboxIcon } from "../../components/icons";
import { PostAuthor } from "../posts";
import { localized } from "../../lib/locale";
import { TagList } from "../../components/ThreadBadges";
import { DecisionButtons } from "./DecisionButtons";
import { ReasonDialog } from "./ReasonDialog";
import { EditApproveDialog } from "./EditApproveDialog";
import { ModCard } from "./ModCard";
import { usePendingModAction } from "./useModAction";

/** The approval queue, oldest first; new items slide in live, decided ones leave at once. */
export function QueueTab() {
  const t = useT();
  const { order, status } = useStore(useShallow((s) => ({ order: s.queueOrder, status: s.queueStatus })));
  const loadQueue = useStore((s) => s.loadQueue);
  useEffect(() => {
    void loadQueue();
  }, [loadQueue]);

  return (
    <div className="mod-section">
      <div className="section-head">
        <h2 className="section-title">{t("moderation.queue.title")}</h2>
        <span className="mod-live" aria-hidden="true">
          {t("moderation.live")}
        </span>
      </div>
      <p className="section-lead mod-lead">{t("moderation.queue.lead")}</p>
      {status === "loading" && order.length === 0 ? (
        <ul className="mod-list" aria-busy="true">
          {[0, 1].map((i) => (
            <li key={i} className="mod-card">
              <Skeleton width="40%" />
              <Skeleton width="90%" />
              <Skeleton width="70%" />
            </li>
          ))}
        </ul>
      ) : status === "error" && order.length === 0 ? (
        <EmptyState
          title={t("moderation.queue.error")}
          action={
            <Button variant="secondary" onClick={() => void loadQueue()}>
              {t("ui.retry")}
            </Button>
          }
        />
      ) : order.length === 0 ? (
        <EmptyState title={t("moderation.queue.empty.title")} icon={<InboxIcon />}>
          {t("moderation.queue.empty.body")}
        </EmptyState>
      ) : (
        <ul className="mod-list" data-testid="queue-list">
          {order.map((key) => (
            <QueueCard key={key} itemKey={key} />
          ))}
        </ul>
      )}
    </div>
  );
}

function QueueCard({ itemKey }: { itemKey: string }) {
  const t = useT();
  const f = useFormat();
  const locale = useLocale();
  const item: QueueItemDto | undefined = useStore((s) => s.queueById[itemKey]);
  const moderatePost = useStore((s) => s.moderatePost);
  const moderateThread = useStore((s) => s.moderateThread);
  const [busy, run] = usePendingModAction();
  const [open, setOpen] = useState<null | "edit" | "reject">(null);
  if (!item) return null;
  const isThread = item.targetType === "thread";
  const kind = isThread
    ? item.thread.kind === "practice"
      ? "moderation.queue.kind.practice"
      : "moderation.queue.kind.thread"
    : "moderation.queue.kind.post";
  const href = isThread ? `/threads/${item.thread.id}` : `/threads/${item.thread.id}#post-${item.post.id}`;

  const approve = () =>
    run(
      () =>
        isThread
          ? moderateThread(item.thread.id, { action: "approve" })
          : moderatePost(item.post.id, { action: "approve" }),
      isThread ? "moderation.tools.done.thread.approve" : "moderation.tools.done.post.approve",
    );

  return (
    <ModCard
      data-testid="queue-item"
      data-kind={item.targetType}
      top={
        <>
          <span className={`mod-pill mod-pill--${isThread ? "thread" : "post"}`}>{t(kind)}</span>
          <span className="mod-card__room">{localized(item.roomName, locale)}</span>
          <span className="mod-card__when">
            {t("moderation.queue.waiting", { when: f.relative(item.createdAt) })}
          </span>
        </>
      }
      actions={
        <DecisionButtons
          approve={{
            label: t("moderation.queue.approve"),
            onClick: () => void approve(),
            loading: busy,
            testId: "queue-approve",
          }}
          editApprove={{
            label: t("moderation.queue.editApprove"),
            onClick: () => setOpen("edit"),
            testId: "queue-edit",
          }}
          reject={{
            label: t("moderation.queue.reject"),
            onClick: () => setOpen("reject"),
            testId: "queue-reject",
          }}
        />
      }
      after={
        <>
          {open === "edit" && (
            <EditApproveDialog
              post={item.post}
              thread={isThread ? item.thread : undefined}
              onClose={() => setOpen(null)}
            />
          )}
          {open === "reject" && (
            <ReasonDialog
              title={t("moderation.dialog.reject.title", {
                what: t(isThread ? "moderation.dialog.what.thread" : "moderation.dialog.what.post"),
              })}
              required
              submitLabel={t("moderation.dialog.submit.reject")}
              submitVariant="danger"
              doneMessage={
                isThread ? "moderation.tools.done.thread.reject" : "moderation.tools.done.post.reject"
              }
              onSubmit={async (reason) => {
                if (isThread) await moderateThread(item.thread.id, { action: "reject", reason });
                else await moderatePost(item.post.id, { action: "reject", reason });
              }}
              onClose={() => setOpen(null)}
            />
          )}
        </>
      }
    >
      <h3 className="mod-card__title">
        <Link to={href}>
          {isThread ? item.thread.title : t("moderation.queue.inThread", { title: item.thread.title })}
        </Link>
      </h3>
      {isThread && <TagList tags={item.thread.tags} />}
      <PostAuthor author={item.post.author} />
      {/* Sanitised by the server's renderer, like every post. */}
      <div className="md mod-card__body" dangerouslySetInnerHTML={{ __html: item.post.html ?? "" }} />
    </ModCard>
  );
}

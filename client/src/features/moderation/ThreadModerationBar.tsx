import { useEffect, useState, type ReactNode } from "react";
import type { ThreadDto } from "@rembuk/shared";
import {
  EyeIcon,
  EyeOffIcon,
  GavelIcon,
  LockIcon,
  MoveIcon,
  PencilIcon,
  PinIcon,
  StarIcon,
} from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useT, type MessageKey } from "../../lib/i18n";
import { threadCan } from "../../lib/abilities";
import { useStore } from "../../store";
import { postSelectors } from "../posts";
import { DecisionButtons } from "./DecisionButtons";
import { FlagButton } from "./FlagDialog";
import { ReasonDialog } from "./ReasonDialog";
import { EditApproveDialog } from "./EditApproveDialog";
import { EditThreadDialog, MoveDialog, PinDialog } from "./ThreadDialogs";
import { ToolMenu, type ToolItem } from "./ToolMenu";
import { useModAction } from "./useModAction";
import "./moderation.css";

type Open = null | "pin" | "move" | "edit" | "hide" | "unhide" | "lock" | "reject" | "approveEdit";

const STATE_TEXT: Record<"queued" | "rejected" | "hidden", MessageKey> = {
  queued: "moderation.state.threadQueued",
  rejected: "moderation.state.threadRejected",
  hidden: "moderation.state.threadHidden",
};

/**
 * Under a thread's title: why it is not published (to its author and moderators), the moderators'
 * thread tools in place, or the flag button for readers. Also brings the viewer's waiting replies
 * (moderators: every waiting reply) into the thread once its posts are shown.
 */
export function ThreadModerationBar({
  thread,
  canModerate,
  hideQueuedNote = false,
}: {
  thread: ThreadDto;
  canModerate: boolean;
  /** The page already says the thread waits for review (the practice page does). */
  hideQueuedNote?: boolean;
}) {
  const t = useT();
  const f = useFormat();
  const me = useStore((s) => s.currentUserId);
  const ready = useStore((s) => postSelectors.view(thread.id)(s)?.status === "ready");
  const opening = useStore((s) => {
    const first = s.postIdsByThread[thread.id]?.[0];
    const post = first ? s.postsById[first] : undefined;
    return post?.seq === 1 ? post : undefined;
  });
  const loadThreadQueued = useStore((s) => s.loadThreadQueued);
  const moderateThread = useStore((s) => s.moderateThread);
  const run = useModAction();
  const [open, setOpen] = useState<Open>(null);

  useEffect(() => {
    if (ready && me) void loadThreadQueued(thread.id);
  }, [ready, me, thread.id, loadThreadQueued]);

  const state = thread.moderation;
  const mine = me !== null && thread.author?.id === me;
  const act = (action: "unpin" | "feature" | "unfeature" | "unlock" | "approve", done: MessageKey) => () =>
    void run(() => moderateThread(thread.id, { action }), done);

  const items: ToolItem[] = [];
  const add = (key: string, label: string, onSelect: () => void, icon: ReactNode, danger = false) =>
    items.push({ key, label, onSelect, icon, danger, testId: `mod-thread-${key}` });
  if (canModerate && thread.status !== "queued") {
    if (thread.pinned)
      add(
        "unpin",
        t("moderation.tools.unpin"),
        act("unpin", "moderation.tools.done.thread.unpin"),
        <PinIcon />,
      );
    else add("pin", t("moderation.tools.pin"), () => setOpen("pin"), <PinIcon />);
    if (thread.status === "published") {
      if (thread.featured)
        add(
          "unfeature",
          t("moderation.tools.unfeature"),
          act("unfeature", "moderation.tools.done.thread.unfeature"),
          <StarIcon />,
        );
      else
        add(
          "feature",
          t("moderation.tools.feature"),
          act("feature", "moderation.tools.done.thread.feature"),
          <StarIcon />,
        );
    }
    if (thread.locked)
      add(
        "unlock",
        t("moderation.tools.unlock"),
        act("unlock", "moderation.tools.done.thread.unlock"),
        <LockIcon />,
      );
    else add("lock", t("moderation.tools.lock"), () => setOpen("lock"), <LockIcon />);
    add("move", t("moderation.tools.move"), () => setOpen("move"), <MoveIcon />);
    add("edit", t("moderation.tools.edit"), () => setOpen("edit"), <PencilIcon />);
    if (thread.status === "published")
      add("hide", t("moderation.tools.hide"), () => setOpen("hide"), <EyeOffIcon />, true);
    else if (state?.state === "hidden")
      add("unhide", t("moderation.tools.unhide"), () => setOpen("unhide"), <EyeIcon />);
  }

  const what = t("moderation.dialog.what.thread");
  return (
    <div className="mod-thread-bar" data-testid="thread-moderation">
      {state && (canModerate || mine) && !(hideQueuedNote && state.state === "queued") && (
        <p className={`mod-note mod-note--${state.state}`} role="note" data-testid="thread-moderation-state">
          <strong>{t(STATE_TEXT[state.state])}</strong>
          {state.reason && <span> {t("moderation.state.reason", { reason: state.reason })}</span>}
        </p>
      )}
      {thread.pinnedUntil && (
        <p className="mod-thread-bar__meta">
          {t("moderation.state.pinnedUntil", { date: f.dateTime(thread.pinnedUntil) })}
        </p>
      )}
      <div className="mod-thread-bar__tools" role="group" aria-label={t("moderation.tools.label")}>
        {canModerate && thread.status === "queued" && (
          <DecisionButtons
            approve={{
              label: t("moderation.tools.approve"),
              onClick: act("approve", "moderation.tools.done.thread.approve"),
              testId: "mod-thread-approve",
            }}
            editApprove={
              opening && {
                label: t("moderation.queue.editApprove"),
                onClick: () => setOpen("approveEdit"),
                testId: "mod-thread-approve-edit",
              }
            }
            reject={{
              label: t("moderation.tools.reject"),
              onClick: () => setOpen("reject"),
              testId: "mod-thread-reject",
            }}
          />
        )}
        {items.length > 0 && (
          <ToolMenu
            label={t("moderation.tools.menu")}
            icon={<GavelIcon />}
            items={items}
            testId="thread-mod-menu"
            align="start"
          />
        )}
        {!canModerate && threadCan(thread).flag && thread.status === "published" && (
          <FlagButton targetType="thread" targetId={thread.id} label={t("moderation.flag.buttonThread")} />
        )}
      </div>
      {open === "pin" && <PinDialog thread={thread} onClose={() => setOpen(null)} />}
      {open === "move" && <MoveDialog thread={thread} onClose={() => setOpen(null)} />}
      {open === "edit" && <EditThreadDialog thread={thread} onClose={() => setOpen(null)} />}
      {open === "approveEdit" && opening && (
        <EditApproveDialog post={opening} thread={thread} onClose={() => setOpen(null)} />
      )}
      {open === "lock" && (
        <ReasonDialog
          title={t("moderation.dialog.lock.title")}
          required={false}
          submitLabel={t("moderation.dialog.submit.lock")}
          doneMessage="moderation.tools.done.thread.lock"
          onSubmit={async (reason) => {
            await moderateThread(thread.id, { action: "lock", reason });
          }}
          onClose={() => setOpen(null)}
        />
      )}
      {(open === "hide" || open === "reject") && (
        <ReasonDialog
          title={t(open === "hide" ? "moderation.dialog.hide.title" : "moderation.dialog.reject.title", {
            what,
          })}
          required
          submitLabel={t(
            open === "hide" ? "moderation.dialog.submit.hide" : "moderation.dialog.submit.reject",
          )}
          doneMessage={
            open === "hide" ? "moderation.tools.done.thread.hide" : "moderation.tools.done.thread.reject"
          }
          submitVariant="danger"
          onSubmit={async (reason) => {
            await moderateThread(thread.id, { action: open, reason });
          }}
          onClose={() => setOpen(null)}
        />
      )}
      {open === "unhide" && (
        <ReasonDialog
          title={t("moderation.dialog.unhide.title")}
          required={false}
          presets={false}
          submitLabel={t("moderation.dialog.submit.confirm")}
          doneMessage="moderation.tools.done.thread.unhide"
          onSubmit={async (reason) => {
            await moderateThread(thread.id, { action: "unhide", reason });
          }}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}

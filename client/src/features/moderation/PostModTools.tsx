import { useState, type ReactNode } from "react";
import type { PostDto } from "@rembuk/shared";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { postCan } from "../../lib/abilities";
import { useStore } from "../../store";
import { SuspendDialog } from "../admin";
import {
  CheckIcon,
  CloseIcon,
  EyeIcon,
  EyeOffIcon,
  GavelIcon,
  PencilIcon,
  TrashIcon,
} from "../../components/icons";
import { FlagButton } from "./FlagDialog";
import { ReasonDialog } from "./ReasonDialog";
import { EditApproveDialog } from "./EditApproveDialog";
import { ToolMenu, type ToolItem } from "./ToolMenu";
import { useModAction } from "./useModAction";
import "./moderation.css";

type Open = null | "reject" | "hide" | "unhide" | "delete" | "restore" | "approveEdit" | "edit" | "suspend";

/**
 * Tools on one post, in place: moderators of the room get a menu (approve, reject, hide, show again,
 * delete, restore, correct the text, suspend the author), readers who may flag get the flag button.
 */
export function PostModTools({ post, opening }: { post: PostDto; opening: boolean }) {
  const t = useT();
  const me = useStore((s) => s.currentUserId);
  const thread = useStore((s) => s.threadsById[post.threadId]);
  const moderatePost = useStore((s) => s.moderatePost);
  const fetchUser = useStore((s) => s.fetchUser);
  const run = useModAction();
  const [open, setOpen] = useState<Open>(null);
  if (!me) return null;
  const can = postCan(post, thread);
  // Not a permission: the author deletes their own post with the post's own button, not this menu.
  const mine = post.author?.id === me;
  const waiting = post.status === "queued" && post.seq === 0;
  // A queued thread's opening post is decided with its thread (the bar above the posts).
  const threadDecides = opening && thread?.status === "queued";

  if (!can.moderate) {
    if (!can.flag || post.deleted || post.status !== "published") return null;
    return <FlagButton targetType="post" targetId={post.id} />;
  }

  const items: ToolItem[] = [];
  const add = (key: string, label: string, onSelect: () => void, icon?: ReactNode, danger = false) =>
    items.push({ key, label, onSelect, icon, danger, testId: `mod-post-${key}` });
  if (post.deleted) {
    add("restore", t("moderation.tools.restore"), () => setOpen("restore"), <EyeIcon />);
  } else if (waiting) {
    add(
      "approve",
      t("moderation.tools.approve"),
      () =>
        void run(() => moderatePost(post.id, { action: "approve" }), "moderation.tools.done.post.approve"),
      <CheckIcon />,
    );
    add("approveEdit", t("moderation.queue.editApprove"), () => setOpen("approveEdit"), <PencilIcon />);
    add("reject", t("moderation.tools.reject"), () => setOpen("reject"), <CloseIcon />, true);
  } else if (!threadDecides) {
    if (post.status === "published")
      add("hide", t("moderation.tools.hide"), () => setOpen("hide"), <EyeOffIcon />, true);
    if (post.status === "hidden" && post.seq > 0)
      add("unhide", t("moderation.tools.unhide"), () => setOpen("unhide"), <EyeIcon />);
    if (post.html !== null)
      add("edit", t("moderation.tools.editPost"), () => setOpen("edit"), <PencilIcon />);
    if (!opening && !mine)
      add("delete", t("moderation.tools.delete"), () => setOpen("delete"), <TrashIcon />, true);
  }
  const author = post.author;
  if (can.suspendAuthor && author) {
    add(
      "suspend",
      t("moderation.tools.suspendAuthor"),
      () =>
        void fetchUser(author.id).then(
          () => setOpen("suspend"),
          () => undefined,
        ),
      <GavelIcon />,
      true,
    );
  }

  const what = t("moderation.dialog.what.post");
  return (
    <>
      <ToolMenu
        label={t("moderation.tools.menu")}
        icon={<GavelIcon />}
        items={items}
        testId="post-mod-menu"
      />
      {open === "reject" && (
        <ReasonDialog
          title={t("moderation.dialog.reject.title", { what })}
          required
          submitLabel={t("moderation.dialog.submit.reject")}
          submitVariant="danger"
          doneMessage="moderation.tools.done.post.reject"
          onSubmit={async (reason) => void (await moderatePost(post.id, { action: "reject", reason }))}
          onClose={() => setOpen(null)}
        />
      )}
      {open === "hide" && (
        <ReasonDialog
          title={t("moderation.dialog.hide.title", { what })}
          required
          submitLabel={t("moderation.dialog.submit.hide")}
          submitVariant="danger"
          doneMessage="moderation.tools.done.post.hide"
          onSubmit={async (reason) => void (await moderatePost(post.id, { action: "hide", reason }))}
          onClose={() => setOpen(null)}
        />
      )}
      {open === "delete" && (
        <ReasonDialog
          title={t("moderation.dialog.delete.title")}
          required
          submitLabel={t("moderation.dialog.submit.delete")}
          submitVariant="danger"
          doneMessage="moderation.tools.done.post.delete"
          onSubmit={async (reason) => void (await moderatePost(post.id, { action: "delete", reason }))}
          onClose={() => setOpen(null)}
        />
      )}
      {(open === "unhide" || open === "restore") && (
        <ReasonDialog
          title={t(open === "unhide" ? "moderation.dialog.unhide.title" : "moderation.dialog.restore.title")}
          required={false}
          presets={false}
          submitLabel={t("moderation.dialog.submit.confirm")}
          doneMessage={
            open === "unhide" ? "moderation.tools.done.post.unhide" : "moderation.tools.done.post.restore"
          }
          onSubmit={async (reason) => void (await moderatePost(post.id, { action: open, reason }))}
          onClose={() => setOpen(null)}
        />
      )}
      {(open === "approveEdit" || open === "edit") && (
        <EditApproveDialog post={post} approve={open === "approveEdit"} onClose={() => setOpen(null)} />
      )}
      {open === "suspend" && author && (
        <SuspendDialog key={author.id} userId={author.id} onClose={() => setOpen(null)} />
      )}
    </>
  );
}

/** Why a post is waiting, rejected or hidden, for its author and moderators (the only ones who get the reason). */
export function PostModerationNote({ post }: { post: PostDto }) {
  const t = useT();
  const f = useFormat();
  const state = post.moderation;
  if (!state || post.deleted) return null;
  const text =
    state.state === "queued"
      ? "moderation.state.queued"
      : state.state === "rejected"
        ? "moderation.state.rejected"
        : "moderation.state.hidden";
  return (
    <p className={`mod-note mod-note--${state.state}`} data-testid="post-moderation-state" role="note">
      <strong>{t(text)}</strong>
      {state.reason && <span> {t("moderation.state.reason", { reason: state.reason })}</span>}
      {state.at && state.state !== "queued" && <time dateTime={state.at}> · {f.relative(state.at)}</time>}
    </p>
  );
}

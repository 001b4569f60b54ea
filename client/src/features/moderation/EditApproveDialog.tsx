import { useState } from "react";
import { LIMITS, type PostDto, type ThreadDto } from "@rembuk/shared";
import { Field } from "../../components/Field";
import { FormDialog } from "../../components/form/FormDialog";
import { useForm } from "../../components/form/useForm";
import { useLocale, useT, type MessageKey } from "../../lib/i18n";
import { useStore } from "../../store";
import { forumError } from "../../lib/errors";
import { localized } from "../../lib/locale";
import { parseEdits } from "./threadEdits";
import { TitleTagsFields, useMoveTargets } from "./ThreadDialogs";

/**
 * Fix a waiting item before it goes out: a reply's text, or a new thread's title, tags, text and room.
 * With `approve` false it only saves the text (a moderator's correction of a published post).
 */
export function EditApproveDialog({
  post,
  thread,
  approve = true,
  onClose,
}: {
  post: PostDto;
  /** Given for a whole waiting thread (its opening post is `post`). */
  thread?: ThreadDto;
  approve?: boolean;
  onClose: () => void;
}) {
  const t = useT();
  const locale = useLocale();
  const moderatePost = useStore((s) => s.moderatePost);
  const moderateThread = useStore((s) => s.moderateThread);
  const toast = useStore((s) => s.pushToast);
  const form = useForm({ describe: forumError });
  const targets = useMoveTargets(thread?.roomId ?? "");
  const currentRoom = useStore((s) => (thread ? s.roomsById[thread.roomId] : undefined));
  const [title, setTitle] = useState(thread?.title ?? "");
  const [tags, setTags] = useState(thread?.tags.join(", ") ?? "");
  const [body, setBody] = useState(post.body ?? "");
  const [roomSlug, setRoomSlug] = useState(thread?.roomSlug ?? "");

  const submit = async () => {
    const parsed = parseEdits(thread ? { title, tags, body } : { body });
    if (!parsed.ok) return form.fail(parsed.issues);
    let done: MessageKey = "moderation.tools.done.post.approve";
    const sent = await form.submit(async () => {
      const changedBody = parsed.body !== post.body ? parsed.body : undefined;
      if (!approve) {
        await moderatePost(post.id, { action: "edit", body: changedBody ?? parsed.body });
        done = "moderation.tools.done.post.edit";
      } else if (thread) {
        if (changedBody) await moderatePost(post.id, { action: "edit", body: changedBody });
        const moved = roomSlug && roomSlug !== thread.roomSlug ? { roomSlug } : {};
        await moderateThread(thread.id, {
          action: "approve",
          title: parsed.title,
          tags: parsed.tags,
          ...moved,
        });
        done = "moderation.tools.done.thread.approve";
      } else {
        await moderatePost(post.id, { action: "approve", ...(changedBody ? { body: changedBody } : {}) });
      }
    });
    if (!sent) return;
    toast({ tone: "success", message: done });
    onClose();
  };

  return (
    <FormDialog
      title={t(approve ? "moderation.dialog.approve.title" : "moderation.dialog.editPost.title")}
      description={t("moderation.dialog.approve.hint")}
      onClose={onClose}
      testId="edit-approve-dialog"
      form={form}
      onSubmit={submit}
      submitLabel={t(approve ? "moderation.dialog.submit.approve" : "moderation.dialog.submit.save")}
      submitTestId="approve-submit"
    >
      {thread && (
        <>
          <TitleTagsFields
            title={title}
            tags={tags}
            error={form.error}
            onTitle={setTitle}
            onTags={setTags}
            testIds={{ title: "approve-title", tags: "approve-tags" }}
          />
          {targets.length > 0 && (
            <Field label={t("moderation.dialog.approve.room")}>
              {(a11y) => (
                <select
                  {...a11y}
                  className="input"
                  value={roomSlug}
                  onChange={(e) => setRoomSlug(e.target.value)}
                >
                  <option value={thread.roomSlug}>
                    {currentRoom ? localized(currentRoom.name, locale) : thread.roomSlug}
                  </option>
                  {targets.map((r) => (
                    <option key={r.id} value={r.slug}>
                      {localized(r.name, locale)}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          )}
        </>
      )}
      <Field label={t("moderation.dialog.approve.body")} error={form.error("body")}>
        {(a11y) => (
          <textarea
            {...a11y}
            className="input textarea"
            rows={8}
            maxLength={LIMITS.postBody.max}
            value={body}
            onChange={(e) => setBody(e.target.value)}
            data-testid="approve-body"
          />
        )}
      </Field>
    </FormDialog>
  );
}

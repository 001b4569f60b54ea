import { useState } from "react";
import { LIMITS, type ThreadDto } from "@rembuk/shared";
import { Field } from "../../components/Field";
import { endOfDay, useTomorrow } from "../../components/form/dayInput";
import { FormDialog } from "../../components/form/FormDialog";
import { useForm } from "../../components/form/useForm";
import { useLocale, useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { forumError } from "../../lib/errors";
import { localized } from "../../lib/locale";
import { parseEdits } from "./threadEdits";
import { useRoomList } from "./useRoomList";

/** A thread's title and tags, as the edit and the edit-then-approve dialogs both ask for them. */
export function TitleTagsFields(props: {
  title: string;
  tags: string;
  error: (path: string) => string | undefined;
  onTitle: (title: string) => void;
  onTags: (tags: string) => void;
  testIds: { title: string; tags: string };
}) {
  const t = useT();
  return (
    <>
      <Field label={t("moderation.dialog.edit.threadTitle")} error={props.error("title")}>
        {(a11y) => (
          <input
            {...a11y}
            className="input"
            maxLength={LIMITS.threadTitle.max}
            value={props.title}
            onChange={(e) => props.onTitle(e.target.value)}
            data-testid={props.testIds.title}
          />
        )}
      </Field>
      <Field
        label={t("moderation.dialog.edit.tags")}
        hint={t("moderation.dialog.edit.tags.hint")}
        error={props.error("tags")}
      >
        {(a11y) => (
          <input
            {...a11y}
            className="input"
            value={props.tags}
            onChange={(e) => props.onTags(e.target.value)}
            data-testid={props.testIds.tags}
          />
        )}
      </Field>
    </>
  );
}

/** Pin, optionally until the end of a chosen day. */
export function PinDialog({ thread, onClose }: { thread: ThreadDto; onClose: () => void }) {
  const t = useT();
  const moderateThread = useStore((s) => s.moderateThread);
  const toast = useStore((s) => s.pushToast);
  const form = useForm({ describe: forumError });
  const [day, setDay] = useState("");
  const tomorrow = useTomorrow();

  const submit = async () => {
    let until: string | undefined;
    if (day) {
      const end = endOfDay(day);
      if (!end || end.getTime() <= Date.now())
        return form.fail({ until: { key: "moderation.dialog.pin.past" } });
      until = end.toISOString();
    }
    if (!(await form.submit(() => moderateThread(thread.id, { action: "pin", ...(until ? { until } : {}) }))))
      return;
    toast({ tone: "success", message: "moderation.tools.done.thread.pin" });
    onClose();
  };

  return (
    <FormDialog
      title={t("moderation.dialog.pin.title")}
      onClose={onClose}
      testId="pin-dialog"
      form={form}
      onSubmit={submit}
      submitLabel={t("moderation.dialog.submit.pin")}
      submitTestId="pin-submit"
    >
      <Field
        label={t("moderation.dialog.pin.until")}
        hint={t("moderation.dialog.pin.until.hint")}
        error={form.error("until")}
      >
        {(a11y) => (
          <input
            {...a11y}
            type="date"
            className="input input--short"
            min={tomorrow}
            value={day}
            onChange={(e) => setDay(e.target.value)}
            data-testid="pin-until"
          />
        )}
      </Field>
    </FormDialog>
  );
}

/** Rooms the moderator may move a thread into: ones they can see and moderate, other than its own. */
export function useMoveTargets(currentRoomId: string) {
  const rooms = useRoomList();
  return rooms.filter((r) => r.id !== currentRoomId && r.can?.moderate);
}

/** Move to another room: every reply goes with it. */
export function MoveDialog({ thread, onClose }: { thread: ThreadDto; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const moderateThread = useStore((s) => s.moderateThread);
  const toast = useStore((s) => s.pushToast);
  const form = useForm({ describe: forumError });
  const targets = useMoveTargets(thread.roomId);
  const [slug, setSlug] = useState(targets[0]?.slug ?? "");
  const [reason, setReason] = useState("");

  const submit = async () => {
    if (!slug) return;
    const sent = await form.submit(() =>
      moderateThread(thread.id, {
        action: "move",
        roomSlug: slug,
        ...(reason.trim().length >= 3 ? { reason: reason.trim() } : {}),
      }),
    );
    if (!sent) return;
    toast({ tone: "success", message: "moderation.tools.done.thread.move" });
    onClose();
  };

  return (
    <FormDialog
      title={t("moderation.dialog.move.title")}
      description={t("moderation.dialog.move.hint")}
      onClose={onClose}
      testId="move-dialog"
      form={form}
      onSubmit={submit}
      submitLabel={t("moderation.dialog.submit.move")}
      submitDisabled={!slug}
      submitTestId="move-submit"
    >
      <Field label={t("moderation.dialog.move.room")}>
        {(a11y) => (
          <select
            {...a11y}
            className="input"
            value={slug}
            onChange={(e) => setSlug(e.target.value)}
            data-testid="move-room"
          >
            {targets.map((r) => (
              <option key={r.id} value={r.slug}>
                {localized(r.name, locale)}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field label={t("moderation.dialog.reason")} hint={t("moderation.dialog.reason.optional")}>
        {(a11y) => (
          <textarea
            {...a11y}
            className="input textarea"
            rows={2}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            data-testid="move-reason"
          />
        )}
      </Field>
    </FormDialog>
  );
}

/** Correct a thread's title and tags. */
export function EditThreadDialog({ thread, onClose }: { thread: ThreadDto; onClose: () => void }) {
  const t = useT();
  const moderateThread = useStore((s) => s.moderateThread);
  const toast = useStore((s) => s.pushToast);
  const form = useForm({ describe: forumError });
  const [title, setTitle] = useState(thread.title);
  const [tags, setTags] = useState(thread.tags.join(", "));

  const submit = async () => {
    const parsed = parseEdits({ title, tags });
    if (!parsed.ok) return form.fail(parsed.issues);
    const sent = await form.submit(() =>
      moderateThread(thread.id, { action: "edit", title: parsed.title, tags: parsed.tags }),
    );
    if (!sent) return;
    toast({ tone: "success", message: "moderation.tools.done.thread.edit" });
    onClose();
  };

  return (
    <FormDialog
      title={t("moderation.dialog.edit.title")}
      onClose={onClose}
      testId="edit-thread-dialog"
      form={form}
      onSubmit={submit}
      submitLabel={t("moderation.dialog.submit.save")}
      submitTestId="edit-thread-submit"
    >
      <TitleTagsFields
        title={title}
        tags={tags}
        error={form.error}
        onTitle={setTitle}
        onTags={setTags}
        testIds={{ title: "edit-thread-title", tags: "edit-thread-tags" }}
      />
    </FormDialog>
  );
}

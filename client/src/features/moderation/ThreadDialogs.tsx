import { useState, type FormEvent } from "react";
import type { z } from "zod";
import { LIMITS, ThreadTags, ThreadTitle, PostBody, type PostDto, type ThreadDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field, FormAlert } from "../../components/Field";
import { useLocale, useT, type MessageKey, type MessageParams } from "../../lib/i18n";
import { issueText, issuesFromZod, type FieldIssue, type FieldIssues } from "../../lib/validation";
import { useStore } from "../../store";
import { forumError } from "../posts";
import { localized } from "../rooms";
import { useRoomList } from "./useRoomList";

type FormError = { key: MessageKey; params?: MessageParams } | null;

/** `YYYY-MM-DD` of a local date. */
function isoDay(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A thread's title and tags, as the edit and the edit-then-approve dialogs both ask for them. */
function TitleTagsFields(props: {
  title: string;
  tags: string;
  issues: FieldIssues;
  onTitle: (title: string) => void;
  onTags: (tags: string) => void;
  testIds: { title: string; tags: string };
}) {
  const t = useT();
  return (
    <>
      <Field label={t("moderation.dialog.edit.threadTitle")} error={issueText(t, props.issues.title)}>
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
        error={issueText(t, props.issues.tags)}
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
  const locale = useLocale();
  const moderateThread = useStore((s) => s.moderateThread);
  const toast = useStore((s) => s.pushToast);
  const [day, setDay] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [formError, setFormError] = useState<FormError>(null);
  const [busy, setBusy] = useState(false);
  const tomorrow = isoDay(new Date(Date.now() + 24 * 3600 * 1000));

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    let until: string | undefined;
    if (day) {
      const [y, m, d] = day.split("-").map(Number);
      const end = new Date(y, m - 1, d, 23, 59, 59);
      if (Number.isNaN(end.getTime()) || end.getTime() <= Date.now()) {
        setError(t("moderation.dialog.pin.past"));
        return;
      }
      until = end.toISOString();
    }
    setBusy(true);
    try {
      await moderateThread(thread.id, { action: "pin", ...(until ? { until } : {}) });
      toast({ tone: "success", message: "moderation.tools.done.thread.pin" });
      onClose();
    } catch (err) {
      setFormError(forumError(err, locale));
      setBusy(false);
    }
  };

  return (
    <Dialog open title={t("moderation.dialog.pin.title")} onClose={onClose} testId="pin-dialog">
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {formError && <FormAlert>{t(formError.key, formError.params)}</FormAlert>}
        <Field
          label={t("moderation.dialog.pin.until")}
          hint={t("moderation.dialog.pin.until.hint")}
          error={error}
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
        <div className="form__actions">
          <Button variant="ghost" onClick={onClose}>
            {t("moderation.dialog.cancel")}
          </Button>
          <Button type="submit" loading={busy} data-testid="pin-submit">
            {t("moderation.dialog.submit.pin")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** Rooms the moderator may move a thread into: ones they can see and moderate, other than its own. */
function useMoveTargets(currentRoomId: string) {
  const rooms = useRoomList();
  return rooms.filter((r) => r.id !== currentRoomId && r.can?.moderate);
}

/** Move to another room: every reply goes with it. */
export function MoveDialog({ thread, onClose }: { thread: ThreadDto; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const moderateThread = useStore((s) => s.moderateThread);
  const toast = useStore((s) => s.pushToast);
  const targets = useMoveTargets(thread.roomId);
  const [slug, setSlug] = useState(targets[0]?.slug ?? "");
  const [reason, setReason] = useState("");
  const [formError, setFormError] = useState<FormError>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (!slug) return;
    setBusy(true);
    try {
      await moderateThread(thread.id, {
        action: "move",
        roomSlug: slug,
        ...(reason.trim().length >= 3 ? { reason: reason.trim() } : {}),
      });
      toast({ tone: "success", message: "moderation.tools.done.thread.move" });
      onClose();
    } catch (err) {
      setFormError(forumError(err, locale));
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      title={t("moderation.dialog.move.title")}
      description={t("moderation.dialog.move.hint")}
      onClose={onClose}
      testId="move-dialog"
    >
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {formError && <FormAlert>{t(formError.key, formError.params)}</FormAlert>}
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
        <div className="form__actions">
          <Button variant="ghost" onClick={onClose}>
            {t("moderation.dialog.cancel")}
          </Button>
          <Button type="submit" loading={busy} disabled={!slug} data-testid="move-submit">
            {t("moderation.dialog.submit.move")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

const splitTags = (text: string) =>
  text
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);

/** The first problem a shared schema finds with one value, for its field. */
function firstIssue(schema: z.ZodType, value: unknown): FieldIssue | null {
  const r = schema.safeParse(value);
  return r.success ? null : (Object.values(issuesFromZod(r.error, value))[0] ?? null);
}

/** Title and tags (and, for a waiting item, its text) checked with the shared schemas. */
function parseEdits(values: {
  title?: string;
  tags?: string;
  body?: string;
}): { ok: true; title?: string; tags?: string[]; body?: string } | { ok: false; issues: FieldIssues } {
  const issues: FieldIssues = {};
  const tags = values.tags !== undefined ? splitTags(values.tags) : undefined;
  for (const [field, schema, value] of [
    ["title", ThreadTitle, values.title],
    ["tags", ThreadTags, tags],
    ["body", PostBody, values.body],
  ] as const) {
    if (value === undefined) continue;
    const issue = firstIssue(schema, value);
    if (issue) issues[field] = issue;
  }
  if (Object.keys(issues).length) return { ok: false, issues };
  return {
    ok: true,
    title: values.title?.trim(),
    tags: tags ? ThreadTags.parse(tags) : undefined,
    body: values.body,
  };
}

/** Correct a thread's title and tags. */
export function EditThreadDialog({ thread, onClose }: { thread: ThreadDto; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const moderateThread = useStore((s) => s.moderateThread);
  const toast = useStore((s) => s.pushToast);
  const [title, setTitle] = useState(thread.title);
  const [tags, setTags] = useState(thread.tags.join(", "));
  const [issues, setIssues] = useState<FieldIssues>({});
  const [formError, setFormError] = useState<FormError>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseEdits({ title, tags });
    if (!parsed.ok) return setIssues(parsed.issues);
    setIssues({});
    setBusy(true);
    try {
      await moderateThread(thread.id, { action: "edit", title: parsed.title, tags: parsed.tags });
      toast({ tone: "success", message: "moderation.tools.done.thread.edit" });
      onClose();
    } catch (err) {
      setFormError(forumError(err, locale));
      setBusy(false);
    }
  };

  return (
    <Dialog open title={t("moderation.dialog.edit.title")} onClose={onClose} testId="edit-thread-dialog">
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {formError && <FormAlert>{t(formError.key, formError.params)}</FormAlert>}
        <TitleTagsFields
          title={title}
          tags={tags}
          issues={issues}
          onTitle={setTitle}
          onTags={setTags}
          testIds={{ title: "edit-thread-title", tags: "edit-thread-tags" }}
        />
        <div className="form__actions">
          <Button variant="ghost" onClick={onClose}>
            {t("moderation.dialog.cancel")}
          </Button>
          <Button type="submit" loading={busy} data-testid="edit-thread-submit">
            {t("moderation.dialog.submit.save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

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
  const targets = useMoveTargets(thread?.roomId ?? "");
  const currentRoom = useStore((s) => (thread ? s.roomsById[thread.roomId] : undefined));
  const [title, setTitle] = useState(thread?.title ?? "");
  const [tags, setTags] = useState(thread?.tags.join(", ") ?? "");
  const [body, setBody] = useState(post.body ?? "");
  const [roomSlug, setRoomSlug] = useState(thread?.roomSlug ?? "");
  const [issues, setIssues] = useState<FieldIssues>({});
  const [formError, setFormError] = useState<FormError>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const parsed = parseEdits(thread ? { title, tags, body } : { body });
    if (!parsed.ok) return setIssues(parsed.issues);
    setIssues({});
    setBusy(true);
    try {
      const changedBody = parsed.body !== post.body ? parsed.body : undefined;
      if (!approve) {
        await moderatePost(post.id, { action: "edit", body: changedBody ?? parsed.body });
        toast({ tone: "success", message: "moderation.tools.done.post.edit" });
      } else if (thread) {
        if (changedBody) await moderatePost(post.id, { action: "edit", body: changedBody });
        const moved = roomSlug && roomSlug !== thread.roomSlug ? { roomSlug } : {};
        await moderateThread(thread.id, {
          action: "approve",
          title: parsed.title,
          tags: parsed.tags,
          ...moved,
        });
        toast({ tone: "success", message: "moderation.tools.done.thread.approve" });
      } else {
        await moderatePost(post.id, { action: "approve", ...(changedBody ? { body: changedBody } : {}) });
        toast({ tone: "success", message: "moderation.tools.done.post.approve" });
      }
      onClose();
    } catch (err) {
      setFormError(forumError(err, locale));
      setBusy(false);
    }
  };

  return (
    <Dialog
      open
      title={t(approve ? "moderation.dialog.approve.title" : "moderation.dialog.editPost.title")}
      description={t("moderation.dialog.approve.hint")}
      onClose={onClose}
      testId="edit-approve-dialog"
    >
      <form className="form" noValidate onSubmit={(e) => void submit(e)}>
        {formError && <FormAlert>{t(formError.key, formError.params)}</FormAlert>}
        {thread && (
          <>
            <TitleTagsFields
              title={title}
              tags={tags}
              issues={issues}
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
        <Field label={t("moderation.dialog.approve.body")} error={issueText(t, issues.body)}>
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
        <div className="form__actions">
          <Button variant="ghost" onClick={onClose}>
            {t("moderation.dialog.cancel")}
          </Button>
          <Button type="submit" loading={busy} data-testid="approve-submit">
            {t(approve ? "moderation.dialog.submit.approve" : "moderation.dialog.submit.save")}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

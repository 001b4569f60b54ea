import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { z } from "zod";
import { LIMITS, Tag, ThreadCreateInput, type Locale, type RoomDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { FormError } from "../../components/form/FormError";
import { useForm, type Described } from "../../components/form/useForm";
import { isApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { formatDuration } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { localDraft } from "../../lib/localDraft";
import { validate, type FieldIssues } from "../../lib/validation";
import { useStore } from "../../store";
import { MarkdownEditor, newClientId } from "../posts";

/** The unfinished new thread of a room, kept on the device so a reload or a failed send loses nothing. */
const ThreadDraft = z.object({ title: z.string(), body: z.string(), tags: z.string(), clientId: z.string() });
type ThreadDraft = z.infer<typeof ThreadDraft>;
const draftOf = (roomId: string) =>
  localDraft(ThreadDraft, `rembuk:thread-draft:${roomId}`, (d) => !d.title && !d.body && !d.tags);

/** Slow mode says how long to wait, in the room's own words; anything else as usual. */
function threadError(err: unknown, locale: Locale): Described {
  if (isApiError(err) && err.code === "SLOW_MODE" && err.retryAfterSeconds !== null)
    return {
      key: "posts.outbox.failedSlowMode",
      params: { duration: formatDuration(err.retryAfterSeconds, locale) },
    };
  return describeError(err, locale);
}

function splitTags(text: string): string[] {
  return text
    .split(/[,\n]/)
    .map((s) => s.trim().replace(/^#/, "").replace(/\s+/g, "-"))
    .filter(Boolean);
}

/**
 * Start a thread: title, Markdown body with a preview, tags. The same clientId is kept until the
 * server confirms, so pressing "Terbitkan" again after a timeout cannot create a second thread.
 */
export function NewThreadForm({ room, onClose }: { room: RoomDto; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const createThread = useStore((s) => s.createThread);
  const toast = useStore((s) => s.pushToast);
  const form = useForm({ describe: threadError });
  const [draft, setDraft] = useState<ThreadDraft>(
    () => draftOf(room.id).read() ?? { title: "", body: "", tags: "", clientId: newClientId() },
  );

  useEffect(() => draftOf(room.id).write(draft), [room.id, draft]);

  const update = (patch: Partial<ThreadDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    const tags = splitTags(draft.tags);
    const tagIssues: FieldIssues = {};
    if (tags.length > LIMITS.tagsPerThread)
      tagIssues.tags = { key: "threads.new.tooManyTags", params: { max: LIMITS.tagsPerThread } };
    const badTag = tags.find((tag) => !Tag.safeParse(tag).success);
    if (badTag)
      tagIssues.tags = {
        key: "threads.new.badTag",
        params: { tag: badTag, min: LIMITS.tag.min, max: LIMITS.tag.max },
      };
    const checked = validate(ThreadCreateInput, {
      title: draft.title,
      body: draft.body,
      tags,
      clientId: draft.clientId,
    });
    if (!checked.ok || Object.keys(tagIssues).length) {
      const found = { ...(checked.ok ? {} : checked.issues), ...tagIssues };
      form.fail(found);
      // Take the reader to the first field to fix (in the form's order).
      const first = (["title", "body", "tags"] as const).find((f) => f in found);
      if (first) document.querySelector<HTMLElement>(`[data-testid="new-thread-${first}"]`)?.focus();
      return;
    }
    let threadId = "";
    const sent = await form.submit(
      async () => {
        threadId = (await createThread({ id: room.id, slug: room.slug }, checked.data)).id;
      },
      { leaving: true },
    );
    if (!sent) return;
    draftOf(room.id).write(null);
    toast({ tone: "success", message: "threads.new.created" });
    void navigate(`/threads/${threadId}`);
  };

  return (
    <section className="new-thread card" aria-labelledby="new-thread-title" data-testid="new-thread-form">
      <h2 id="new-thread-title" className="section-title">
        {t("threads.new.title")}
      </h2>
      <p className="section-lead">{t("threads.new.lead")}</p>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <FormError form={form} testId="new-thread-alert" />
        <Field
          label={t("threads.new.titleLabel")}
          hint={t("threads.new.titleHint", { min: LIMITS.threadTitle.min, max: LIMITS.threadTitle.max })}
          error={form.error("title")}
          testId="new-thread-title"
        >
          {(c) => (
            <input
              {...c}
              className="input"
              value={draft.title}
              maxLength={LIMITS.threadTitle.max}
              data-testid="new-thread-title"
              autoFocus
              onChange={(e) => update({ title: e.target.value })}
            />
          )}
        </Field>
        <Field
          label={t("threads.new.body")}
          hint={t("posts.composer.hint")}
          error={form.error("body")}
          testId="new-thread-body"
        >
          {(c) => (
            <MarkdownEditor
              id={c.id}
              aria-invalid={c["aria-invalid"]}
              aria-describedby={c["aria-describedby"]}
              value={draft.body}
              onChange={(body) => update({ body })}
              testId="new-thread-body"
              rows={7}
            />
          )}
        </Field>
        <Field
          label={t("threads.new.tags")}
          optionalText={t("ui.optional")}
          hint={t("threads.new.tagsHint", { max: LIMITS.tagsPerThread })}
          error={form.error("tags")}
          testId="new-thread-tags"
        >
          {(c) => (
            <input
              {...c}
              className="input"
              value={draft.tags}
              data-testid="new-thread-tags"
              onChange={(e) => update({ tags: e.target.value })}
            />
          )}
        </Field>
        <div className="form__actions">
          <Button variant="ghost" onClick={onClose}>
            {t("threads.new.cancel")}
          </Button>
          <Button type="submit" loading={form.busy} data-testid="new-thread-submit">
            {t("threads.new.submit")}
          </Button>
        </div>
      </form>
    </section>
  );
}

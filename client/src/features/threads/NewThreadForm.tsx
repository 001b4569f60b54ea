import { useEffect, useState } from "react";
import { useNavigate } from "react-router";
import { z } from "zod";
import { LIMITS, Tag, ThreadCreateInput, type RoomDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Field, FormAlert } from "../../components/Field";
import { isApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { formatDuration } from "../../lib/format";
import { useLocale, useT } from "../../lib/i18n";
import { issueText, issuesFromApi, validate, type FieldIssues } from "../../lib/validation";
import { useStore } from "../../store";
import { MarkdownEditor, newClientId } from "../posts";

/** The unfinished new thread of a room, kept on the device so a reload or a failed send loses nothing. */
const ThreadDraft = z.object({ title: z.string(), body: z.string(), tags: z.string(), clientId: z.string() });
type ThreadDraft = z.infer<typeof ThreadDraft>;
const draftKey = (roomId: string) => `rembuk:thread-draft:${roomId}`;

function readThreadDraft(roomId: string): ThreadDraft {
  try {
    const parsed = ThreadDraft.safeParse(JSON.parse(localStorage.getItem(draftKey(roomId)) ?? "null"));
    if (parsed.success) return parsed.data;
  } catch {
    // Unreadable or no storage: start empty.
  }
  return { title: "", body: "", tags: "", clientId: newClientId() };
}

function writeThreadDraft(roomId: string, draft: ThreadDraft | null) {
  try {
    if (!draft || (!draft.title && !draft.body && !draft.tags)) localStorage.removeItem(draftKey(roomId));
    else localStorage.setItem(draftKey(roomId), JSON.stringify(draft));
  } catch {
    // Storage full or disabled: the form still holds it for this visit.
  }
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
  const locale = useLocale();
  const navigate = useNavigate();
  const createThread = useStore((s) => s.createThread);
  const toast = useStore((s) => s.pushToast);
  const [draft, setDraft] = useState<ThreadDraft>(() => readThreadDraft(room.id));
  const [issues, setIssues] = useState<FieldIssues>({});
  const [alert, setAlert] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => writeThreadDraft(room.id, draft), [room.id, draft]);

  const update = (patch: Partial<ThreadDraft>) => setDraft((d) => ({ ...d, ...patch }));

  const submit = async () => {
    setAlert(null);
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
      setIssues(found);
      // Take the reader to the first field to fix (in the form's order).
      const first = (["title", "body", "tags"] as const).find((f) => f in found);
      if (first) document.querySelector<HTMLElement>(`[data-testid="new-thread-${first}"]`)?.focus();
      return;
    }
    setIssues({});
    setBusy(true);
    try {
      const thread = await createThread({ id: room.id, slug: room.slug }, checked.data);
      writeThreadDraft(room.id, null);
      toast({ tone: "success", message: "threads.new.created" });
      void navigate(`/threads/${thread.id}`);
    } catch (err) {
      setBusy(false);
      if (isApiError(err) && err.code === "VALIDATION") setIssues(issuesFromApi(err));
      if (isApiError(err) && err.code === "SLOW_MODE" && err.retryAfterSeconds !== null) {
        setAlert(
          t("posts.outbox.failedSlowMode", { duration: formatDuration(err.retryAfterSeconds, locale) }),
        );
        return;
      }
      const { key, params } = describeError(err, locale);
      setAlert(t(key, params));
    }
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
        {alert && <FormAlert testId="new-thread-alert">{alert}</FormAlert>}
        <Field
          label={t("threads.new.titleLabel")}
          hint={t("threads.new.titleHint", { min: LIMITS.threadTitle.min, max: LIMITS.threadTitle.max })}
          error={issueText(t, issues.title)}
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
          error={issueText(t, issues.body)}
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
          error={issueText(t, issues.tags)}
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
          <Button type="submit" loading={busy} data-testid="new-thread-submit">
            {t("threads.new.submit")}
          </Button>
        </div>
      </form>
    </section>
  );
}

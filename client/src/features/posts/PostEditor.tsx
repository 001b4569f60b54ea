import { useState } from "react";
import { LIMITS, type PostDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { useLocale, useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { MarkdownEditor } from "./MarkdownEditor";
import { forumError } from "../../lib/errors";

export function PostEditor({ post, onDone }: { post: PostDto; onDone: () => void }) {
  const t = useT();
  const locale = useLocale();
  const editPost = useStore((s) => s.editPost);
  const toast = useStore((s) => s.pushToast);
  const [body, setBody] = useState(post.body ?? "");
  const [busy, setBusy] = useState(false);
  const tooLong = body.length > LIMITS.postBody.max;
  const empty = body.trim().length === 0;

  const save = async () => {
    if (tooLong || empty) return;
    if (body === post.body) return onDone();
    setBusy(true);
    try {
      await editPost(post.id, body);
      toast({ tone: "success", message: "posts.edit.saved" });
      onDone();
    } catch (err) {
      const { key, params } = forumError(err, locale);
      toast({ tone: "error", message: key === "error.conflict" ? "posts.edit.conflict" : key, params });
      setBusy(false);
    }
  };

  return (
    <form
      className="post-editor"
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <MarkdownEditor
        value={body}
        onChange={setBody}
        aria-label={t("posts.post.edit")}
        testId="post-edit-input"
        rows={5}
        autoFocus
        onKeyDown={(e) => {
          if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) {
            e.preventDefault();
            void save();
          }
          if (e.key === "Escape") onDone();
        }}
      />
      {tooLong && <p className="field__error">{t("posts.composer.tooLong", { max: LIMITS.postBody.max })}</p>}
      <div className="form__actions">
        <Button variant="ghost" onClick={onDone}>
          {t("ui.cancel")}
        </Button>
        <Button type="submit" loading={busy} disabled={tooLong || empty} data-testid="post-edit-save">
          {t("posts.edit.save")}
        </Button>
      </div>
    </form>
  );
}

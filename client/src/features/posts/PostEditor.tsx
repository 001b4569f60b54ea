import { useState } from "react";
import { LIMITS, type PostDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { useAction } from "../../components/form/useAction";
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
  const action = useAction();
  const tooLong = body.length > LIMITS.postBody.max;
  const empty = body.trim().length === 0;

  const save = async () => {
    if (tooLong || empty) return;
    if (body === post.body) return onDone();
    await action.run(
      async () => {
        await editPost(post.id, body);
        toast({ tone: "success", message: "posts.edit.saved" });
        onDone();
      },
      (err) => {
        const { key, params } = forumError(err, locale);
        toast({ tone: "error", message: key === "error.conflict" ? "posts.edit.conflict" : key, params });
      },
      // The editor closes on success; the button spins until it is gone.
      { leaving: true },
    );
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
        <Button type="submit" loading={action.busy} disabled={tooLong || empty} data-testid="post-edit-save">
          {t("posts.edit.save")}
        </Button>
      </div>
    </form>
  );
}

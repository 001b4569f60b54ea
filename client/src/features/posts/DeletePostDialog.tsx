import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { useAction } from "../../components/form/useAction";
import { useLocale, useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { forumError } from "../../lib/errors";

/** Confirms a soft delete: the post becomes a tombstone in place for everyone. */
export function DeletePostDialog({ postId, onClose }: { postId: string; onClose: () => void }) {
  const t = useT();
  const locale = useLocale();
  const deletePost = useStore((s) => s.deletePost);
  const toast = useStore((s) => s.pushToast);
  const action = useAction();

  const confirm = () =>
    action.run(
      async () => {
        await deletePost(postId);
        toast({ tone: "success", message: "posts.delete.done" });
        onClose();
      },
      (err) => {
        const { key, params } = forumError(err, locale);
        toast({ tone: "error", message: key, params });
      },
      // The dialog closes on success; the button spins until it is gone.
      { leaving: true },
    );

  return (
    <Dialog
      open
      title={t("posts.delete.title")}
      description={t("posts.delete.body")}
      onClose={onClose}
      testId="delete-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={onClose} data-autofocus>
            {t("ui.cancel")}
          </Button>
          <Button
            variant="danger"
            loading={action.busy}
            onClick={() => void confirm()}
            data-testid="delete-confirm"
          >
            {t("posts.delete.confirm")}
          </Button>
        </>
      }
    >
      {null}
    </Dialog>
  );
}

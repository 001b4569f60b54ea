import { useState } from "react";
import { qaCommands, type QuestionDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { useAction } from "../../components/form/useAction";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { send } from "../../lib/send";
import { qaErrorMessage } from "./qa.errors";

/** Block the guest who asked a question from the whole session (after a confirmation). */
export function BlockGuestButton({ question }: { question: QuestionDto }) {
  const t = useT();
  const toast = useStore((s) => s.pushToast);
  const [open, setOpen] = useState(false);
  const action = useAction();
  const guest = question.author?.guest ? question.author : null;
  if (!guest) return null;

  const block = () =>
    action.run(
      async () => {
        await send(qaCommands.block, { sessionId: question.sessionId, participantId: guest.id });
        toast({ tone: "success", message: "qa.guest.blockedToast" });
        setOpen(false);
      },
      (err) => toast({ tone: "error", message: qaErrorMessage(err) }),
    );

  return (
    <>
      <Button
        size="sm"
        variant="ghost"
        className="qa-danger-link"
        onClick={() => setOpen(true)}
        data-testid="qa-block-guest"
      >
        {t("qa.guest.block")}
      </Button>
      <Dialog
        open={open}
        title={t("qa.guest.block")}
        onClose={() => setOpen(false)}
        testId="qa-block-dialog"
        footer={
          <>
            <Button variant="ghost" onClick={() => setOpen(false)}>
              {t("qa.mod.cancel")}
            </Button>
            <Button
              variant="danger"
              loading={action.busy}
              onClick={() => void block()}
              data-testid="qa-block-confirm"
            >
              {t("qa.guest.block")}
            </Button>
          </>
        }
      >
        <p>{t("qa.guest.blockConfirm")}</p>
      </Dialog>
    </>
  );
}

import { useState } from "react";
import { QA_LIMITS, type QuestionDto, type QuestionModerateInput } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { useAction } from "../../components/form/useAction";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { BlockGuestButton } from "./BlockGuestButton";
import { qaErrorMessage } from "./qa.errors";
import { MergeDialog, TextDialog } from "./QuestionDialogs";

type DialogKind = "dismiss" | "answer" | "edit" | "merge" | null;

/**
 * A moderator's buttons on one question: the common step first (approve in the queue, highlight or
 * answer on stage), the rest behind dialogs that ask for what the action needs.
 */
export function ModeratorActions({
  question,
  highlighted,
  mergeTargets,
}: {
  question: QuestionDto;
  highlighted: boolean;
  mergeTargets: QuestionDto[];
}) {
  const t = useT();
  const moderate = useStore((s) => s.moderateQuestion);
  const toast = useStore((s) => s.pushToast);
  const action = useAction<QuestionModerateInput["action"]>();
  const [dialog, setDialog] = useState<DialogKind>(null);

  const run = (input: QuestionModerateInput) =>
    action.run(
      async () => {
        await moderate(question.id, input);
        setDialog(null);
      },
      (err) => toast({ tone: "error", message: qaErrorMessage(err) }),
      { key: input.action },
    );

  const { status } = question;
  return (
    <>
      {status === "pending" && (
        <Button
          size="sm"
          onClick={() => void run({ action: "approve" })}
          loading={action.running === "approve"}
          data-testid="qa-approve"
        >
          {t("qa.mod.approve")}
        </Button>
      )}
      {status === "approved" &&
        (highlighted ? (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => void run({ action: "unhighlight" })}
            loading={action.running === "unhighlight"}
            data-testid="qa-unhighlight"
          >
            {t("qa.mod.unhighlight")}
          </Button>
        ) : (
          <Button
            size="sm"
            variant="accent"
            onClick={() => void run({ action: "highlight" })}
            loading={action.running === "highlight"}
            data-testid="qa-highlight"
          >
            {t("qa.mod.highlight")}
          </Button>
        ))}
      {(status === "approved" || status === "pending" || status === "answered") && (
        <Button
          size="sm"
          variant={status === "answered" ? "ghost" : "secondary"}
          onClick={() => setDialog("answer")}
          data-testid="qa-answer"
        >
          {status === "answered" ? t("qa.mod.editAnswer") : t("qa.mod.answer")}
        </Button>
      )}
      {(status === "pending" || status === "approved") && (
        <>
          <Button size="sm" variant="ghost" onClick={() => setDialog("edit")} data-testid="qa-edit">
            {t("qa.mod.edit")}
          </Button>
          <Button size="sm" variant="ghost" onClick={() => setDialog("merge")} data-testid="qa-merge">
            {t("qa.mod.merge")}
          </Button>
          <Button
            size="sm"
            variant="ghost"
            className="qa-danger-link"
            onClick={() => setDialog("dismiss")}
            data-testid="qa-dismiss"
          >
            {t("qa.mod.dismiss")}
          </Button>
        </>
      )}
      <BlockGuestButton question={question} />
      {dialog === "dismiss" && (
        <TextDialog
          title={t("qa.mod.dismiss.title")}
          label={t("qa.mod.dismiss.reason")}
          submit={t("qa.mod.dismiss.submit")}
          min={QA_LIMITS.dismissReason.min}
          max={QA_LIMITS.dismissReason.max}
          quote={question.text}
          busy={action.running === "dismiss"}
          testId="qa-dismiss-dialog"
          onClose={() => setDialog(null)}
          onSubmit={(reason) => run({ action: "dismiss", reason })}
        />
      )}
      {dialog === "answer" && (
        <TextDialog
          title={t("qa.mod.answer.title")}
          label={t("qa.mod.answer.text")}
          hint={t("qa.mod.answer.hint")}
          submit={t("qa.mod.answer.submit")}
          min={0}
          max={QA_LIMITS.answer.max}
          initial={question.answer ?? ""}
          quote={question.text}
          busy={action.running === "answer"}
          rows={5}
          testId="qa-answer-dialog"
          onClose={() => setDialog(null)}
          onSubmit={(answer) => run(answer ? { action: "answer", answer } : { action: "answer" })}
        />
      )}
      {dialog === "edit" && (
        <TextDialog
          title={t("qa.mod.edit.title")}
          label={t("qa.mod.edit.text")}
          submit={t("qa.mod.edit.submit")}
          min={QA_LIMITS.questionText.min}
          max={QA_LIMITS.questionText.max}
          initial={question.text}
          busy={action.running === "edit"}
          testId="qa-edit-dialog"
          onClose={() => setDialog(null)}
          onSubmit={(text) => run({ action: "edit", text })}
        />
      )}
      {dialog === "merge" && (
        <MergeDialog
          question={question}
          targets={mergeTargets.filter((q) => q.id !== question.id)}
          busy={action.running === "merge"}
          onClose={() => setDialog(null)}
          onSubmit={(intoId) => run({ action: "merge", intoId })}
        />
      )}
    </>
  );
}

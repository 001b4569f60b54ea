import { Button } from "../../components/Button";
import { CheckIcon, CloseIcon, PencilIcon } from "../../components/icons";

interface Decision {
  label: string;
  onClick: () => void;
  testId: string;
  loading?: boolean;
  disabled?: boolean;
}

/**
 * A moderator's decision on something waiting (a queued post or thread, a verification request):
 * approve, optionally edit and approve, reject; the same buttons, order and look wherever it is decided.
 */
export function DecisionButtons({
  approve,
  editApprove,
  reject,
}: {
  approve: Decision;
  editApprove?: Decision;
  reject: Decision;
}) {
  return (
    <>
      <Button
        size="sm"
        icon={<CheckIcon />}
        loading={approve.loading}
        disabled={approve.disabled}
        onClick={approve.onClick}
        data-testid={approve.testId}
      >
        {approve.label}
      </Button>
      {editApprove && (
        <Button
          size="sm"
          variant="secondary"
          icon={<PencilIcon />}
          onClick={editApprove.onClick}
          data-testid={editApprove.testId}
        >
          {editApprove.label}
        </Button>
      )}
      <Button
        size="sm"
        variant="danger"
        icon={<CloseIcon />}
        onClick={reject.onClick}
        data-testid={reject.testId}
      >
        {reject.label}
      </Button>
    </>
  );
}

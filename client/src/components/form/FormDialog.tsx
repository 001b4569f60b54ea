import type { ReactNode } from "react";
import { Button, type ButtonVariant } from "../Button";
import { Dialog } from "../Dialog";
import { useT } from "../../lib/i18n";
import { FormError } from "./FormError";
import type { FormControl } from "./useForm";

export interface FormDialogProps {
  title: string;
  description?: ReactNode;
  onClose: () => void;
  /** The dialog's `useForm`: its busy flag drives the submit button, its alert shows on top. */
  form: Pick<FormControl, "busy" | "alert">;
  onSubmit: () => void | Promise<unknown>;
  submitLabel: string;
  submitVariant?: ButtonVariant;
  submitIcon?: ReactNode;
  submitDisabled?: boolean;
  /** Defaults to the generic "Batal / Cancel". */
  cancelLabel?: string;
  testId?: string;
  /** `data-testid` of the submit button. */
  submitTestId?: string;
  alertTestId?: string;
  /** The fields; a plain confirmation has none. */
  children?: ReactNode;
}

/**
 * Every dialog that asks something and then sends it: the modal, a form with the form-level
 * message, the fields, and Cancel / submit at the bottom. Open it by mounting it.
 */
export function FormDialog({
  title,
  description,
  onClose,
  form,
  onSubmit,
  submitLabel,
  submitVariant = "primary",
  submitIcon,
  submitDisabled,
  cancelLabel,
  testId,
  submitTestId,
  alertTestId,
  children,
}: FormDialogProps) {
  const t = useT();
  return (
    <Dialog open title={title} description={description} onClose={onClose} testId={testId}>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
      >
        <FormError form={form} testId={alertTestId} />
        {children}
        <div className="form__actions">
          <Button variant="ghost" onClick={onClose}>
            {cancelLabel ?? t("ui.cancel")}
          </Button>
          <Button
            type="submit"
            variant={submitVariant}
            loading={form.busy}
            disabled={submitDisabled}
            icon={submitIcon}
            data-testid={submitTestId}
          >
            {submitLabel}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

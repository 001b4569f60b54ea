import type { ReactNode } from "react";
import { Button } from "../../components/Button";
import { FormError } from "../../components/form/FormError";
import type { FormControl } from "../../components/form/useForm";

/** The sign-in and sign-up forms' shared frame: the message on top, the fields, one wide submit button. */
export function AuthForm({
  label,
  form,
  onSubmit,
  notice,
  submitLabel,
  testId,
  children,
}: {
  label: string;
  form: FormControl;
  onSubmit: () => Promise<void>;
  /** Shown above the fields while there is no error (e.g. "sign in to continue"). */
  notice?: ReactNode;
  submitLabel: string;
  /** `login` → `login-error`, `login-submit`. */
  testId: string;
  children: ReactNode;
}) {
  return (
    <form
      className="form"
      noValidate
      aria-label={label}
      onSubmit={(e) => {
        e.preventDefault();
        void onSubmit();
      }}
    >
      {!form.alert && notice}
      <FormError form={form} testId={`${testId}-error`} />
      {children}
      <Button type="submit" loading={form.busy} className="form__submit" data-testid={`${testId}-submit`}>
        {submitLabel}
      </Button>
    </form>
  );
}

import { LIMITS } from "@rembuk/shared";
import { Field } from "../../components/Field";
import { PasswordInput } from "../../components/PasswordInput";
import { useT } from "../../lib/i18n";
import { issueText, type FieldIssues } from "../../lib/validation";

/**
 * The new password and its repetition, as the password change and the reset link both ask for them:
 * one place for the length hint, autocomplete and the mismatch error (`issues.repeat`).
 */
export function NewPasswordFields({
  password,
  repeat,
  onPassword,
  onRepeat,
  issues,
  testIds,
}: {
  password: string;
  repeat: string;
  onPassword: (value: string) => void;
  onRepeat: (value: string) => void;
  issues: FieldIssues;
  testIds: { password: string; repeat: string };
}) {
  const t = useT();
  return (
    <>
      <Field
        label={t("account.password.new")}
        hint={t("auth.password.hint", { min: LIMITS.password.min })}
        error={issueText(t, issues.password)}
        testId={testIds.password}
      >
        {(a11y) => (
          <PasswordInput
            {...a11y}
            autoComplete="new-password"
            value={password}
            onChange={(e) => onPassword(e.target.value)}
            data-testid={testIds.password}
          />
        )}
      </Field>
      <Field label={t("account.password.repeat")} error={issueText(t, issues.repeat)} testId={testIds.repeat}>
        {(a11y) => (
          <PasswordInput
            {...a11y}
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => onRepeat(e.target.value)}
            data-testid={testIds.repeat}
          />
        )}
      </Field>
    </>
  );
}

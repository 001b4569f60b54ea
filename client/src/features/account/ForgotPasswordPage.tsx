import { useState, type FormEvent } from "react";
import { Link } from "react-router";
import { authCommands, ForgotInput } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button } from "../../components/Button";
import { Field, FormAlert } from "../../components/Field";
import { describeError } from "../../lib/errors";
import { useLocale, useT, type MessageKey, type MessageParams } from "../../lib/i18n";
import { issueText, validate, type FieldIssues } from "../../lib/validation";
import { AuthLayout } from "../auth";
import { send } from "../../lib/send";

/**
 * `/forgot-password`: asks for a reset link. The answer is the same whether or not the address has an
 * account, so the page never reveals who is registered.
 */
export function ForgotPasswordPage() {
  const t = useT();
  const locale = useLocale();
  usePageTitle(t("account.forgot.pageTitle"));
  const [email, setEmail] = useState("");
  const [issues, setIssues] = useState<FieldIssues>({});
  const [formError, setFormError] = useState<{ key: MessageKey; params?: MessageParams } | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFormError(null);
    const parsed = validate(ForgotInput, { email });
    if (!parsed.ok) return setIssues(parsed.issues);
    setIssues({});
    setBusy(true);
    try {
      await send(authCommands.forgot, { email: parsed.data.email });
      setSentTo(parsed.data.email);
    } catch (err) {
      setFormError(describeError(err, locale));
    } finally {
      setBusy(false);
    }
  };

  return (
    <AuthLayout
      title={t("account.forgot.title")}
      lead={t("account.forgot.lead")}
      footer={<Link to="/login">{t("account.forgot.backToLogin")}</Link>}
    >
      {sentTo ? (
        <div className="form-alert form-alert--info" role="status" data-testid="forgot-sent">
          {t("account.forgot.sent", { email: sentTo })}
        </div>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(e) => void onSubmit(e)}
          aria-label={t("account.forgot.title")}
        >
          {formError && <FormAlert>{t(formError.key, formError.params)}</FormAlert>}
          <Field label={t("auth.email")} error={issueText(t, issues.email)} testId="forgot-email">
            {(a11y) => (
              <input
                {...a11y}
                className="input"
                type="email"
                autoComplete="username"
                inputMode="email"
                autoCapitalize="none"
                spellCheck={false}
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                data-testid="forgot-email"
              />
            )}
          </Field>
          <Button type="submit" loading={busy} className="form__submit" data-testid="forgot-submit">
            {t("account.forgot.submit")}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}

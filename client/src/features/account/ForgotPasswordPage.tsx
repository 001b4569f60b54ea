import { useState } from "react";
import { Link } from "react-router";
import { authCommands, ForgotInput } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { FormError } from "../../components/form/FormError";
import { useForm } from "../../components/form/useForm";
import { useT } from "../../lib/i18n";
import { AuthLayout } from "../auth";
import { send } from "../../lib/send";

/**
 * `/forgot-password`: asks for a reset link. The answer is the same whether or not the address has an
 * account, so the page never reveals who is registered.
 */
export function ForgotPasswordPage() {
  const t = useT();
  usePageTitle(t("account.forgot.pageTitle"));
  const [email, setEmail] = useState("");
  // The server's field errors are not shown: the one field is checked here before sending.
  const form = useForm({ fieldIssues: () => null });
  const [sentTo, setSentTo] = useState<string | null>(null);

  const onSubmit = async () => {
    const input = form.check(ForgotInput, { email });
    if (!input) return;
    await form.submit(async () => {
      await send(authCommands.forgot, { email: input.email });
      setSentTo(input.email);
    });
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
          onSubmit={(e) => {
            e.preventDefault();
            void onSubmit();
          }}
          aria-label={t("account.forgot.title")}
        >
          <FormError form={form} />
          <Field label={t("auth.email")} error={form.error("email")} testId="forgot-email">
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
          <Button type="submit" loading={form.busy} className="form__submit" data-testid="forgot-submit">
            {t("account.forgot.submit")}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}

import { useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { LIMITS, RegisterInput, type Locale } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Field } from "../../components/Field";
import { useForm, validationIssues } from "../../components/form/useForm";
import { PasswordInput } from "../../components/PasswordInput";
import { isApiError, type ApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { useT } from "../../lib/i18n";
import type { FieldIssues } from "../../lib/validation";
import { useStore } from "../../store";
import { AuthForm } from "./AuthForm";
import { AuthLayout } from "./AuthLayout";
import { safeNext } from "./RequireAuth";

/** An address already in use is the email field's problem, not the form's. */
function registerIssues(err: ApiError): FieldIssues | null {
  if (err.code === "EMAIL_TAKEN") return { email: { key: "auth.register.emailTaken" } };
  return validationIssues(err);
}
const registerError = (err: unknown, locale: Locale) =>
  isApiError(err) && err.code === "EMAIL_TAKEN" ? null : describeError(err, locale);

export function RegisterPage() {
  const t = useT();
  const status = useStore((s) => s.sessionStatus);
  const register = useStore((s) => s.register);
  const pushToast = useStore((s) => s.pushToast);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get("next");
  usePageTitle(t("auth.register.pageTitle"));

  const form = useForm({ describe: registerError, fieldIssues: registerIssues });
  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  if (status === "signedIn" && !form.busy) return <Navigate to={safeNext(next)} replace />;

  const onSubmit = async () => {
    const input = form.check(RegisterInput, { name, email, password });
    if (!input) return;
    await form.submit(
      async () => {
        const user = await register(input);
        pushToast({ tone: "success", message: "auth.toast.registered", params: { name: user.name } });
        // A new account lands on its profile form, so colleagues can recognise them from the start.
        navigate(next ? safeNext(next) : "/profile/edit?welcome=1", { replace: true });
      },
      { leaving: true },
    );
  };

  return (
    <AuthLayout
      title={t("auth.register.title")}
      lead={t("auth.register.lead")}
      footer={
        <>
          {t("auth.register.haveAccount")}{" "}
          <Link to={next ? `/login?next=${encodeURIComponent(safeNext(next))}` : "/login"}>
            {t("auth.register.toLogin")}
          </Link>
        </>
      }
    >
      <AuthForm
        label={t("auth.register.title")}
        form={form}
        onSubmit={onSubmit}
        submitLabel={t("auth.register.submit")}
        testId="register"
      >
        <Field
          label={t("auth.name")}
          hint={t("auth.name.hint")}
          error={form.error("name")}
          testId="register-name"
        >
          {(a11y) => (
            <input
              {...a11y}
              className="input"
              name="name"
              autoComplete="name"
              maxLength={LIMITS.name.max}
              value={name}
              onChange={(e) => setName(e.target.value)}
              data-testid="register-name"
            />
          )}
        </Field>
        <Field
          label={t("auth.email")}
          hint={t("auth.register.privacy")}
          error={form.error("email")}
          testId="register-email"
        >
          {(a11y) => (
            <input
              {...a11y}
              className="input"
              type="email"
              name="email"
              autoComplete="email"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              maxLength={LIMITS.email.max}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="register-email"
            />
          )}
        </Field>
        <Field
          label={t("auth.password")}
          hint={t("auth.password.hint", { min: LIMITS.password.min })}
          error={form.error("password")}
          testId="register-password"
        >
          {(a11y) => (
            <PasswordInput
              {...a11y}
              name="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="register-password"
            />
          )}
        </Field>
      </AuthForm>
    </AuthLayout>
  );
}

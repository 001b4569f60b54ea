import { useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { LIMITS, RegisterInput } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button } from "../../components/Button";
import { Field, FormAlert } from "../../components/Field";
import { PasswordInput } from "../../components/PasswordInput";
import { isApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { useT, type MessageKey, type MessageParams } from "../../lib/i18n";
import { issuesFromApi, issueText, validate, type FieldIssues } from "../../lib/validation";
import { useStore } from "../../store";
import { AuthLayout } from "./AuthLayout";
import { safeNext } from "./RequireAuth";

type FormError = { key: MessageKey; params?: MessageParams };

export function RegisterPage() {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const status = useStore((s) => s.sessionStatus);
  const register = useStore((s) => s.register);
  const pushToast = useStore((s) => s.pushToast);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = params.get("next");
  usePageTitle(t("auth.register.pageTitle"));

  const [name, setName] = useState("");
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [issues, setIssues] = useState<FieldIssues>({});
  const [formError, setFormError] = useState<FormError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (status === "signedIn" && !submitting) return <Navigate to={safeNext(next)} replace />;

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFormError(null);
    const parsed = validate(RegisterInput, { name, email, password });
    if (!parsed.ok) {
      setIssues(parsed.issues);
      return;
    }
    setIssues({});
    setSubmitting(true);
    try {
      const user = await register(parsed.data);
      pushToast({ tone: "success", message: "auth.toast.registered", params: { name: user.name } });
      // A new account lands on its profile form, so colleagues can recognise them from the start.
      navigate(next ? safeNext(next) : "/profile/edit?welcome=1", { replace: true });
    } catch (err) {
      setSubmitting(false);
      if (isApiError(err) && err.code === "EMAIL_TAKEN") {
        setIssues({ email: { key: "auth.register.emailTaken" } });
        return;
      }
      if (isApiError(err) && err.code === "VALIDATION") {
        setIssues(issuesFromApi(err));
        return setFormError({ key: "form.fixErrors" });
      }
      setFormError(describeError(err, locale));
    }
  };

  return (
    <AuthLayout
      title={t("auth.register.title")}
      lead={t("auth.register.lead")}
      footer={
        <>
          {t("auth.register.haveAccount")}{" "}
          <Link to={next ? `/login?next=${encodeURIComponent(safeNext(next))}` : "/login"}>{t("auth.register.toLogin")}</Link>
        </>
      }
    >
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-label={t("auth.register.title")}>
        {formError && <FormAlert testId="register-error">{t(formError.key, formError.params)}</FormAlert>}
        <Field label={t("auth.name")} hint={t("auth.name.hint")} error={issueText(t, issues.name)} testId="register-name">
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
          error={issueText(t, issues.email)}
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
          error={issueText(t, issues.password)}
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
        <Button type="submit" loading={submitting} className="form__submit" data-testid="register-submit">
          {t("auth.register.submit")}
        </Button>
      </form>
    </AuthLayout>
  );
}

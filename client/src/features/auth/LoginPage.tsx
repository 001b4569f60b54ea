import { useState, type FormEvent } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { LoginInput } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button } from "../../components/Button";
import { Field, FormAlert } from "../../components/Field";
import { PasswordInput } from "../../components/PasswordInput";
import { isApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { formatDate, formatDuration, formatTime } from "../../lib/format";
import { useT, type MessageKey, type MessageParams } from "../../lib/i18n";
import { issuesFromApi, issueText, validate, type FieldIssues } from "../../lib/validation";
import { useStore } from "../../store";
import { AuthLayout } from "./AuthLayout";
import { safeNext } from "./RequireAuth";

type FormError = { key: MessageKey; params?: MessageParams };

export function LoginPage() {
  const t = useT();
  const locale = useStore((s) => s.locale);
  const status = useStore((s) => s.sessionStatus);
  const login = useStore((s) => s.login);
  const pushToast = useStore((s) => s.pushToast);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  usePageTitle(t("auth.login.pageTitle"));

  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [issues, setIssues] = useState<FieldIssues>({});
  const [formError, setFormError] = useState<FormError | null>(null);
  const [submitting, setSubmitting] = useState(false);

  if (status === "signedIn" && !submitting) return <Navigate to={next} replace />;

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFormError(null);
    const parsed = validate(LoginInput, { email, password });
    if (!parsed.ok) {
      setIssues(parsed.issues);
      return;
    }
    setIssues({});
    setSubmitting(true);
    try {
      const user = await login(parsed.data);
      pushToast({ tone: "success", message: "auth.toast.welcome", params: { name: user.name } });
      navigate(next, { replace: true });
    } catch (err) {
      setSubmitting(false);
      if (!isApiError(err)) return setFormError({ key: "error.generic" });
      switch (err.code) {
        case "INVALID_CREDENTIALS":
          return setFormError({ key: "auth.login.invalid" });
        case "RATE_LIMITED":
          return setFormError(
            err.retryAfterSeconds !== null
              ? {
                  key: "auth.login.rateLimited",
                  params: {
                    duration: formatDuration(err.retryAfterSeconds, locale),
                    time: formatTime(new Date(Date.now() + err.retryAfterSeconds * 1000), locale),
                  },
                }
              : { key: "auth.login.rateLimitedLater" },
          );
        case "SUSPENDED": {
          const until = err.details.until;
          return setFormError(
            typeof until === "string"
              ? { key: "auth.login.suspendedUntil", params: { date: formatDate(until, locale) } }
              : { key: "error.suspended" },
          );
        }
        case "VALIDATION":
          setIssues(issuesFromApi(err));
          return setFormError({ key: "form.fixErrors" });
        default:
          return setFormError(describeError(err, locale));
      }
    }
  };

  return (
    <AuthLayout
      title={t("auth.login.title")}
      lead={t("auth.login.lead")}
      footer={
        <>
          {t("auth.login.noAccount")}{" "}
          <Link to={next === "/" ? "/register" : `/register?next=${encodeURIComponent(next)}`}>
            {t("auth.login.toRegister")}
          </Link>
        </>
      }
    >
      <form className="form" noValidate onSubmit={(e) => void onSubmit(e)} aria-label={t("auth.login.title")}>
        {params.get("next") && !formError && <FormAlert tone="info">{t("shell.signInRequired")}</FormAlert>}
        {formError && <FormAlert testId="login-error">{t(formError.key, formError.params)}</FormAlert>}
        <Field label={t("auth.email")} error={issueText(t, issues.email)} testId="login-email">
          {(a11y) => (
            <input
              {...a11y}
              className="input"
              type="email"
              name="email"
              autoComplete="username"
              inputMode="email"
              autoCapitalize="none"
              spellCheck={false}
              value={email}
              onChange={(e) => setEmail(e.target.value)}
              data-testid="login-email"
            />
          )}
        </Field>
        <Field label={t("auth.password")} error={issueText(t, issues.password)} testId="login-password">
          {(a11y) => (
            <PasswordInput
              {...a11y}
              name="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              data-testid="login-password"
            />
          )}
        </Field>
        <p className="auth__forgot">
          <Link to="/forgot-password" data-testid="login-forgot">
            {t("account.forgot.link")}
          </Link>
        </p>
        <Button type="submit" loading={submitting} className="form__submit" data-testid="login-submit">
          {t("auth.login.submit")}
        </Button>
      </form>
    </AuthLayout>
  );
}

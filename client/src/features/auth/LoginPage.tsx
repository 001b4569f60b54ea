import { useState } from "react";
import { Link, Navigate, useNavigate, useSearchParams } from "react-router";
import { LoginInput, type Locale } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Field, FormAlert } from "../../components/Field";
import { useForm, type Described } from "../../components/form/useForm";
import { PasswordInput } from "../../components/PasswordInput";
import { isApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { formatDate, formatDuration, formatTime } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { AuthForm } from "./AuthForm";
import { AuthLayout } from "./AuthLayout";
import { safeNext } from "./RequireAuth";

/** Sign-in failures in the words a person can act on: wrong password, when to try again, until when suspended. */
function loginError(err: unknown, locale: Locale): Described {
  if (!isApiError(err)) return { key: "error.generic" };
  switch (err.code) {
    case "INVALID_CREDENTIALS":
      return { key: "auth.login.invalid" };
    case "RATE_LIMITED":
      return err.retryAfterSeconds !== null
        ? {
            key: "auth.login.rateLimited",
            params: {
              duration: formatDuration(err.retryAfterSeconds, locale),
              time: formatTime(new Date(Date.now() + err.retryAfterSeconds * 1000), locale),
            },
          }
        : { key: "auth.login.rateLimitedLater" };
    case "SUSPENDED": {
      const until = err.details.until;
      return typeof until === "string"
        ? { key: "auth.login.suspendedUntil", params: { date: formatDate(until, locale) } }
        : { key: "error.suspended" };
    }
    default:
      return describeError(err, locale);
  }
}

export function LoginPage() {
  const t = useT();
  const status = useStore((s) => s.sessionStatus);
  const login = useStore((s) => s.login);
  const pushToast = useStore((s) => s.pushToast);
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get("next"));
  usePageTitle(t("auth.login.pageTitle"));

  const form = useForm({ describe: loginError });
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");

  // Signed in by this form: it navigates itself, with the welcome toast.
  if (status === "signedIn" && !form.busy) return <Navigate to={next} replace />;

  const onSubmit = async () => {
    const input = form.check(LoginInput, { email, password });
    if (!input) return;
    await form.submit(
      async () => {
        const user = await login(input);
        pushToast({ tone: "success", message: "auth.toast.welcome", params: { name: user.name } });
        navigate(next, { replace: true });
      },
      { leaving: true },
    );
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
      <AuthForm
        label={t("auth.login.title")}
        form={form}
        onSubmit={onSubmit}
        notice={params.get("next") && <FormAlert tone="info">{t("shell.signInRequired")}</FormAlert>}
        submitLabel={t("auth.login.submit")}
        testId="login"
      >
        <Field label={t("auth.email")} error={form.error("email")} testId="login-email">
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
        <Field label={t("auth.password")} error={form.error("password")} testId="login-password">
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
      </AuthForm>
    </AuthLayout>
  );
}

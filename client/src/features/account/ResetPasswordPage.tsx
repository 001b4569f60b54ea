import { useState, type FormEvent } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ResetInput } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/Field";
import { isApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { useLocale, useT, type MessageKey, type MessageParams } from "../../lib/i18n";
import { issuesFromApi, validate, type FieldIssues } from "../../lib/validation";
import { NewPasswordFields } from "./NewPasswordFields";
import { useStore } from "../../store";
import { AuthLayout } from "../auth";
import "./account.css";

/**
 * `/reset-password?token=`: the link from the reset mail. A new password signs the person in here and
 * ends every other session of the account (whoever knew the old password is out).
 */
export function ResetPasswordPage() {
  const t = useT();
  const locale = useLocale();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const resetPassword = useStore((s) => s.resetPassword);
  const pushToast = useStore((s) => s.pushToast);
  const navigate = useNavigate();
  usePageTitle(t("account.reset.pageTitle"));
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [issues, setIssues] = useState<FieldIssues>({});
  const [formError, setFormError] = useState<{ key: MessageKey; params?: MessageParams } | null>(null);
  const [deadLink, setDeadLink] = useState(token === "");
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFormError(null);
    const parsed = validate(ResetInput, { token, password });
    if (!parsed.ok) {
      if (parsed.issues.token) return setDeadLink(true);
      return setIssues(parsed.issues);
    }
    if (repeat !== password) return setIssues({ repeat: { key: "account.password.mismatch" } });
    setIssues({});
    setBusy(true);
    try {
      const user = await resetPassword(parsed.data.token, parsed.data.password);
      pushToast({ tone: "success", message: "account.reset.done", params: { name: user.name } });
      navigate("/", { replace: true });
    } catch (err) {
      setBusy(false);
      if (isApiError(err) && err.code === "INVALID_TOKEN") return setDeadLink(true);
      if (isApiError(err) && err.code === "VALIDATION") setIssues(issuesFromApi(err));
      setFormError(describeError(err, locale));
    }
  };

  return (
    <AuthLayout
      title={t("account.reset.title")}
      lead={t("account.reset.lead")}
      footer={<Link to="/login">{t("account.forgot.backToLogin")}</Link>}
    >
      {deadLink ? (
        <div className="account-done" data-testid="reset-invalid">
          <FormAlert>{t("error.invalidToken")}</FormAlert>
          <Link to="/forgot-password" className="auth__link" data-testid="reset-again">
            {t("account.reset.again")}
          </Link>
        </div>
      ) : (
        <form
          className="form"
          noValidate
          onSubmit={(e) => void onSubmit(e)}
          aria-label={t("account.reset.title")}
        >
          {formError && <FormAlert>{t(formError.key, formError.params)}</FormAlert>}
          <NewPasswordFields
            password={password}
            repeat={repeat}
            onPassword={setPassword}
            onRepeat={setRepeat}
            issues={issues}
            testIds={{ password: "reset-password", repeat: "reset-repeat" }}
          />
          <p className="field__hint">{t("account.reset.othersSignedOut")}</p>
          <Button type="submit" loading={busy} className="form__submit" data-testid="reset-submit">
            {t("account.reset.submit")}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}

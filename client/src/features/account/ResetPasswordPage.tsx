import { useState } from "react";
import { Link, useNavigate, useSearchParams } from "react-router";
import { ResetInput, type Locale } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/Field";
import { FormError } from "../../components/form/FormError";
import { useForm } from "../../components/form/useForm";
import { isApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { useT } from "../../lib/i18n";
import { validate } from "../../lib/validation";
import { NewPasswordFields } from "./NewPasswordFields";
import { useStore } from "../../store";
import { AuthLayout } from "../auth";
import "./account.css";

const deadToken = (err: unknown) => isApiError(err) && err.code === "INVALID_TOKEN";
/** A dead link replaces the form (below), so it has no message of its own. */
const resetError = (err: unknown, locale: Locale) => (deadToken(err) ? null : describeError(err, locale));

/**
 * `/reset-password?token=`: the link from the reset mail. A new password signs the person in here and
 * ends every other session of the account (whoever knew the old password is out).
 */
export function ResetPasswordPage() {
  const t = useT();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const resetPassword = useStore((s) => s.resetPassword);
  const pushToast = useStore((s) => s.pushToast);
  const navigate = useNavigate();
  usePageTitle(t("account.reset.pageTitle"));
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const form = useForm({ describe: resetError });
  const [deadLink, setDeadLink] = useState(token === "");

  const onSubmit = async () => {
    const parsed = validate(ResetInput, { token, password });
    if (!parsed.ok) {
      if (parsed.issues.token) return setDeadLink(true);
      return form.fail(parsed.issues);
    }
    if (repeat !== password) return form.fail({ repeat: { key: "account.password.mismatch" } });
    await form.submit(
      async () => {
        try {
          const user = await resetPassword(parsed.data.token, parsed.data.password);
          pushToast({ tone: "success", message: "account.reset.done", params: { name: user.name } });
          navigate("/", { replace: true });
        } catch (err) {
          if (deadToken(err)) setDeadLink(true);
          throw err;
        }
      },
      { leaving: true },
    );
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
          onSubmit={(e) => {
            e.preventDefault();
            void onSubmit();
          }}
          aria-label={t("account.reset.title")}
        >
          <FormError form={form} />
          <NewPasswordFields
            password={password}
            repeat={repeat}
            onPassword={setPassword}
            onRepeat={setRepeat}
            issues={form.issues}
            testIds={{ password: "reset-password", repeat: "reset-repeat" }}
          />
          <p className="field__hint">{t("account.reset.othersSignedOut")}</p>
          <Button type="submit" loading={form.busy} className="form__submit" data-testid="reset-submit">
            {t("account.reset.submit")}
          </Button>
        </form>
      )}
    </AuthLayout>
  );
}

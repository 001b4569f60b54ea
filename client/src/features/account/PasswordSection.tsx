import { useState } from "react";
import { PasswordChangeInput, type Locale } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { FormError } from "../../components/form/FormError";
import { useForm, validationIssues } from "../../components/form/useForm";
import { PasswordInput } from "../../components/PasswordInput";
import { isApiError, type ApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { useT } from "../../lib/i18n";
import type { FieldIssues } from "../../lib/validation";
import { NewPasswordFields } from "./NewPasswordFields";
import { useStore } from "../../store";

/** A wrong current password is that field's problem; field errors say it all, without a form message. */
function passwordIssues(err: ApiError): FieldIssues | null {
  if (err.code === "INVALID_CREDENTIALS") return { current: { key: "account.password.wrongCurrent" } };
  return validationIssues(err);
}
const passwordError = (err: unknown, locale: Locale) =>
  isApiError(err) && (err.code === "INVALID_CREDENTIALS" || err.code === "VALIDATION")
    ? null
    : describeError(err, locale);

/** Change the password with the current one; this device stays signed in, every other one is signed out. */
export function PasswordSection({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const changePassword = useStore((s) => s.changePassword);
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const form = useForm({ describe: passwordError, fieldIssues: passwordIssues });
  const [done, setDone] = useState(false);

  const onSubmit = async () => {
    setDone(false);
    const input = form.check(PasswordChangeInput, { current, password });
    if (!input) return;
    if (repeat !== password) return form.fail({ repeat: { key: "account.password.mismatch" } });
    await form.submit(async () => {
      await changePassword(input.current, input.password);
      setCurrent("");
      setPassword("");
      setRepeat("");
      setDone(true);
      onChanged();
    });
  };

  return (
    <section
      className="card account-section"
      aria-labelledby="account-password"
      data-testid="account-password"
    >
      <h2 id="account-password" className="card-title">
        {t("account.password.title")}
      </h2>
      <form
        className="form"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void onSubmit();
        }}
        aria-label={t("account.password.title")}
      >
        <FormError form={form} />
        {done && (
          <p className="form-alert form-alert--info" role="status" data-testid="password-changed">
            {t("account.password.changed")}
          </p>
        )}
        <Field label={t("account.password.current")} error={form.error("current")} testId="password-current">
          {(a11y) => (
            <PasswordInput
              {...a11y}
              autoComplete="current-password"
              value={current}
              onChange={(e) => setCurrent(e.target.value)}
              data-testid="password-current"
            />
          )}
        </Field>
        <NewPasswordFields
          password={password}
          repeat={repeat}
          onPassword={setPassword}
          onRepeat={setRepeat}
          issues={form.issues}
          testIds={{ password: "password-new", repeat: "password-repeat" }}
        />
        <p className="field__hint">{t("account.password.othersSignedOut")}</p>
        <div className="form__actions">
          <Button type="submit" loading={form.busy} data-testid="password-submit">
            {t("account.password.submit")}
          </Button>
        </div>
      </form>
    </section>
  );
}

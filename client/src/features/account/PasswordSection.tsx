import { useState, type FormEvent } from "react";
import { PasswordChangeInput } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Field, FormAlert } from "../../components/Field";
import { PasswordInput } from "../../components/PasswordInput";
import { isApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { useLocale, useT, type MessageKey, type MessageParams } from "../../lib/i18n";
import { issuesFromApi, issueText, validate, type FieldIssues } from "../../lib/validation";
import { NewPasswordFields } from "./NewPasswordFields";
import { useStore } from "../../store";

/** Change the password with the current one; this device stays signed in, every other one is signed out. */
export function PasswordSection({ onChanged }: { onChanged: () => void }) {
  const t = useT();
  const locale = useLocale();
  const changePassword = useStore((s) => s.changePassword);
  const [current, setCurrent] = useState("");
  const [password, setPassword] = useState("");
  const [repeat, setRepeat] = useState("");
  const [issues, setIssues] = useState<FieldIssues>({});
  const [formError, setFormError] = useState<{ key: MessageKey; params?: MessageParams } | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFormError(null);
    setDone(false);
    const parsed = validate(PasswordChangeInput, { current, password });
    if (!parsed.ok) return setIssues(parsed.issues);
    if (repeat !== password) return setIssues({ repeat: { key: "account.password.mismatch" } });
    setIssues({});
    setBusy(true);
    try {
      await changePassword(parsed.data.current, parsed.data.password);
      setCurrent("");
      setPassword("");
      setRepeat("");
      setDone(true);
      onChanged();
    } catch (err) {
      if (isApiError(err) && err.code === "INVALID_CREDENTIALS")
        setIssues({ current: { key: "account.password.wrongCurrent" } });
      else if (isApiError(err) && err.code === "VALIDATION") setIssues(issuesFromApi(err));
      else setFormError(describeError(err, locale));
    } finally {
      setBusy(false);
    }
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
        onSubmit={(e) => void onSubmit(e)}
        aria-label={t("account.password.title")}
      >
        {formError && <FormAlert>{t(formError.key, formError.params)}</FormAlert>}
        {done && (
          <p className="form-alert form-alert--info" role="status" data-testid="password-changed">
            {t("account.password.changed")}
          </p>
        )}
        <Field
          label={t("account.password.current")}
          error={issueText(t, issues.current)}
          testId="password-current"
        >
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
          issues={issues}
          testIds={{ password: "password-new", repeat: "password-repeat" }}
        />
        <p className="field__hint">{t("account.password.othersSignedOut")}</p>
        <div className="form__actions">
          <Button type="submit" loading={busy} data-testid="password-submit">
            {t("account.password.submit")}
          </Button>
        </div>
      </form>
    </section>
  );
}

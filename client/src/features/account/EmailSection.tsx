import { useState, type FormEvent } from "react";
import { authCommands, EmailChangeInput } from "@rembuk/shared";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { Field, FormAlert } from "../../components/Field";
import { PasswordInput } from "../../components/PasswordInput";
import { isApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { useLocale, useT, type MessageKey, type MessageParams } from "../../lib/i18n";
import { issuesFromApi, issueText, validate, type FieldIssues } from "../../lib/validation";
import { useStore } from "../../store";
import type { UserEntity } from "../users";
import { send } from "../../lib/send";

type Notice = { key: MessageKey; params?: MessageParams };

/** The account's address: whether it is confirmed (with "send again"), and changing it by a link to the new one. */
export function EmailSection({ user }: { user: UserEntity }) {
  const t = useT();
  const locale = useLocale();
  const fetchUser = useStore((s) => s.fetchUser);
  const [resent, setResent] = useState<Notice | null>(null);
  const [resending, setResending] = useState(false);
  const [editing, setEditing] = useState(false);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [issues, setIssues] = useState<FieldIssues>({});
  const [formError, setFormError] = useState<Notice | null>(null);
  const [sentTo, setSentTo] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const resend = async () => {
    setResending(true);
    try {
      await send(authCommands.resendConfirmation, {});
      setResent({ key: "account.email.resent", params: { email: user.email ?? "" } });
    } catch (err) {
      setResent(describeError(err, locale));
    } finally {
      setResending(false);
    }
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    setFormError(null);
    const parsed = validate(EmailChangeInput, { email, password });
    if (!parsed.ok) return setIssues(parsed.issues);
    setIssues({});
    setBusy(true);
    try {
      await send(authCommands.changeEmail, { email: parsed.data.email, password: parsed.data.password });
      setSentTo(parsed.data.email);
      setEditing(false);
      setEmail("");
      setPassword("");
      void fetchUser(user.id).catch(() => undefined);
    } catch (err) {
      if (isApiError(err) && err.code === "INVALID_CREDENTIALS")
        setIssues({ password: { key: "account.password.wrongCurrent" } });
      else if (isApiError(err) && err.code === "EMAIL_TAKEN")
        setIssues({ email: { key: "auth.register.emailTaken" } });
      else if (isApiError(err) && err.code === "VALIDATION") setIssues(issuesFromApi(err));
      else setFormError(describeError(err, locale));
    } finally {
      setBusy(false);
    }
  };

  const pending = sentTo ?? user.pendingEmail ?? null;

  return (
    <section className="card account-section" aria-labelledby="account-email" data-testid="account-email">
      <h2 id="account-email" className="card-title">
        {t("account.email.title")}
      </h2>
      <p className="account-email">
        <span className="account-email__address">{user.email}</span>{" "}
        {user.emailConfirmed ? (
          <Badge tone="verified" testId="email-confirmed">
            {t("account.email.confirmed")}
          </Badge>
        ) : (
          <Badge tone="warning" testId="email-unconfirmed">
            {t("account.email.unconfirmed")}
          </Badge>
        )}
      </p>
      {!user.emailConfirmed && (
        <div className="account-note">
          <p>{t("account.email.unconfirmedExplain")}</p>
          <Button
            size="sm"
            variant="secondary"
            loading={resending}
            onClick={() => void resend()}
            data-testid="email-resend"
          >
            {t("account.email.resend")}
          </Button>
          {resent && (
            <p className="field__hint" role="status" data-testid="email-resent">
              {t(resent.key, resent.params)}
            </p>
          )}
        </div>
      )}
      {pending && (
        <p className="form-alert form-alert--info" role="status" data-testid="email-pending">
          {t("account.email.pending", { email: pending })}
        </p>
      )}
      {editing ? (
        <form
          className="form"
          noValidate
          onSubmit={(e) => void onSubmit(e)}
          aria-label={t("account.email.change")}
        >
          {formError && <FormAlert>{t(formError.key, formError.params)}</FormAlert>}
          <Field
            label={t("account.email.new")}
            hint={t("account.email.newHint")}
            error={issueText(t, issues.email)}
            testId="email-new"
          >
            {(a11y) => (
              <input
                {...a11y}
                className="input"
                type="email"
                inputMode="email"
                autoCapitalize="none"
                spellCheck={false}
                autoComplete="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
                data-testid="email-new"
              />
            )}
          </Field>
          <Field
            label={t("account.password.current")}
            error={issueText(t, issues.password)}
            testId="email-password"
          >
            {(a11y) => (
              <PasswordInput
                {...a11y}
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                data-testid="email-password"
              />
            )}
          </Field>
          <div className="form__actions">
            <Button variant="ghost" onClick={() => setEditing(false)}>
              {t("ui.cancel")}
            </Button>
            <Button type="submit" loading={busy} data-testid="email-submit">
              {t("account.email.send")}
            </Button>
          </div>
        </form>
      ) : (
        <Button variant="secondary" size="sm" onClick={() => setEditing(true)} data-testid="email-change">
          {t("account.email.change")}
        </Button>
      )}
    </section>
  );
}

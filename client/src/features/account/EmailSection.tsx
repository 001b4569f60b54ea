import { useState } from "react";
import { authCommands, EmailChangeInput, type Locale } from "@rembuk/shared";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { FormError } from "../../components/form/FormError";
import { useAction } from "../../components/form/useAction";
import { useForm, validationIssues } from "../../components/form/useForm";
import { PasswordInput } from "../../components/PasswordInput";
import { isApiError, type ApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { useLocale, useT, type MessageKey, type MessageParams } from "../../lib/i18n";
import type { FieldIssues } from "../../lib/validation";
import { useStore } from "../../store";
import type { UserEntity } from "../users";
import { send } from "../../lib/send";

type Notice = { key: MessageKey; params?: MessageParams };

/** A wrong password and a taken address belong to their fields; field errors say it all. */
function emailIssues(err: ApiError): FieldIssues | null {
  if (err.code === "INVALID_CREDENTIALS") return { password: { key: "account.password.wrongCurrent" } };
  if (err.code === "EMAIL_TAKEN") return { email: { key: "auth.register.emailTaken" } };
  return validationIssues(err);
}
const emailError = (err: unknown, locale: Locale) =>
  isApiError(err) && ["INVALID_CREDENTIALS", "EMAIL_TAKEN", "VALIDATION"].includes(err.code)
    ? null
    : describeError(err, locale);

/** The account's address: whether it is confirmed (with "send again"), and changing it by a link to the new one. */
export function EmailSection({ user }: { user: UserEntity }) {
  const t = useT();
  const locale = useLocale();
  const fetchUser = useStore((s) => s.fetchUser);
  const [resent, setResent] = useState<Notice | null>(null);
  const resending = useAction();
  const [editing, setEditing] = useState(false);
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const form = useForm({ describe: emailError, fieldIssues: emailIssues });
  const [sentTo, setSentTo] = useState<string | null>(null);

  const resend = () =>
    resending.run(
      async () => {
        await send(authCommands.resendConfirmation, {});
        setResent({ key: "account.email.resent", params: { email: user.email ?? "" } });
      },
      (err) => setResent(describeError(err, locale)),
    );

  const onSubmit = async () => {
    const input = form.check(EmailChangeInput, { email, password });
    if (!input) return;
    await form.submit(async () => {
      await send(authCommands.changeEmail, { email: input.email, password: input.password });
      setSentTo(input.email);
      setEditing(false);
      setEmail("");
      setPassword("");
      void fetchUser(user.id).catch(() => undefined);
    });
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
            loading={resending.busy}
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
          onSubmit={(e) => {
            e.preventDefault();
            void onSubmit();
          }}
          aria-label={t("account.email.change")}
        >
          <FormError form={form} />
          <Field
            label={t("account.email.new")}
            hint={t("account.email.newHint")}
            error={form.error("email")}
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
          <Field label={t("account.password.current")} error={form.error("password")} testId="email-password">
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
            <Button type="submit" loading={form.busy} data-testid="email-submit">
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

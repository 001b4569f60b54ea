import { useEffect, useState } from "react";
import { Link, useSearchParams } from "react-router";
import { authCommands, type ConfirmedKind } from "@rembuk/shared";
import { usePageTitle } from "../../app/usePageTitle";
import { buttonClass } from "../../components/Button";
import { FormAlert } from "../../components/Field";
import { Spinner } from "../../components/Spinner";
import { isApiError } from "../../lib/api";
import { describeError } from "../../lib/errors";
import { useLocale, useT, type MessageKey, type MessageParams } from "../../lib/i18n";
import { useStore } from "../../store";
import { AuthLayout } from "../auth/AuthLayout";
import "./account.css";
import { send } from "../../lib/send";

type State =
  | { kind: "working" }
  | { kind: "done"; confirmed: ConfirmedKind }
  | { kind: "failed"; error: { key: MessageKey; params?: MessageParams } };

/**
 * A token is single-use, so the same page rendering twice (React's development double effect, a
 * re-mount) must not send it twice: the second call would turn a success into "link already used".
 */
const inFlight = new Map<string, ReturnType<typeof confirm>>();
const confirm = (token: string) => send(authCommands.confirmEmail, { token });
function confirmOnce(token: string) {
  let call = inFlight.get(token);
  if (!call) {
    call = confirm(token);
    inFlight.set(token, call);
  }
  return call;
}

const DONE_KEYS: Record<ConfirmedKind, MessageKey> = {
  email: "account.confirm.done.email",
  newEmail: "account.confirm.done.newEmail",
  officialEmail: "account.confirm.done.officialEmail",
};

/** `/confirm-email?token=`: one page for the three kinds of address link (account, new, official). */
export function ConfirmEmailPage() {
  const t = useT();
  const locale = useLocale();
  const [params] = useSearchParams();
  const token = params.get("token") ?? "";
  const receiveUsers = useStore((s) => s.internal_receiveUsers);
  const signedIn = useStore((s) => s.sessionStatus === "signedIn");
  const [state, setState] = useState<State>(
    token ? { kind: "working" } : { kind: "failed", error: { key: "error.invalidToken" } },
  );
  usePageTitle(t("account.confirm.pageTitle"));

  useEffect(() => {
    if (!token) return;
    let live = true;
    confirmOnce(token)
      .then(({ user, confirmed }) => {
        // Only the signed-in person's own copy carries private fields; a public one merges harmlessly.
        receiveUsers([user]);
        if (live) setState({ kind: "done", confirmed });
      })
      .catch((err: unknown) => {
        if (!live) return;
        setState({
          kind: "failed",
          error:
            isApiError(err) && err.code === "VALIDATION"
              ? { key: "error.invalidToken" }
              : describeError(err, locale),
        });
      });
    return () => {
      live = false;
    };
  }, [token, receiveUsers, locale]);

  return (
    <AuthLayout
      title={t("account.confirm.title")}
      lead={t("account.confirm.lead")}
      footer={<Link to="/">{t("account.confirm.home")}</Link>}
    >
      {state.kind === "working" && (
        <p className="loading-line" role="status">
          <Spinner size="sm" /> {t("account.confirm.working")}
        </p>
      )}
      {state.kind === "done" && (
        <div className="account-done" data-testid="confirm-done" data-confirmed={state.confirmed}>
          <div className="form-alert form-alert--info" role="status">
            {t(DONE_KEYS[state.confirmed])}
          </div>
          <Link to={signedIn ? "/account" : "/login"} className={buttonClass("primary")}>
            {t(signedIn ? "account.confirm.toAccount" : "account.confirm.toLogin")}
          </Link>
        </div>
      )}
      {state.kind === "failed" && (
        <div className="account-done" data-testid="confirm-failed">
          <FormAlert>{t(state.error.key, state.error.params)}</FormAlert>
          {signedIn && (
            <Link to="/account" className={buttonClass("secondary")}>
              {t("account.confirm.toAccount")}
            </Link>
          )}
        </div>
      )}
    </AuthLayout>
  );
}

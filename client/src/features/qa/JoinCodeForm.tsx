import { useEffect, useEffectEvent, useState } from "react";
import { Link, useNavigate } from "react-router";
import { GUEST_LIMITS, JoinCode, QA_LIMITS, qaCommands, type QaSessionDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Field } from "../../components/Field";
import { useAction } from "../../components/form/useAction";
import { Spinner } from "../../components/Spinner";
import { isApiError } from "../../lib/api";
import { useT, type MessageKey } from "../../lib/i18n";
import { reconnectSocket } from "../../lib/socket";
import { useStore } from "../../store";
import { send } from "../../lib/send";
import "./polls.css";

/** Why a join failed, by error code (never by message text). */
function joinError(err: unknown): MessageKey {
  if (!isApiError(err)) return "qa.guest.failed";
  switch (err.code) {
    case "NOT_FOUND":
    case "VALIDATION":
      return "qa.join.notFound";
    case "GUESTS_OFF":
      return "qa.guest.off";
    case "BLOCKED":
      return "qa.guest.blocked";
    case "ILLEGAL_TRANSITION":
      return "qa.guest.ended";
    case "RATE_LIMITED":
      return "qa.guest.rateLimited";
    default:
      return "qa.guest.failed";
  }
}

/**
 * The join box, on `/qa` (type the code from the screen) and on `/qa/join/:code` and `/qa/code/:code`
 * (`fromLink`: the link or the QR code). One screen, one tap: the code, an optional display name, and
 * Join. A signed-in member joins as themselves (with the code in the address, at once); a visitor joins
 * as a guest (the server sets a cookie for that session only), after which the socket reconnects so its
 * handshake carries that cookie. With `fromLink` the session is looked up first and handed to
 * `onSession` (the page shows its title, and says at once when it takes members only).
 */
export function JoinCodeForm({
  fromLink,
  onSession,
}: {
  fromLink?: string;
  onSession?: (session: QaSessionDto) => void;
}) {
  const t = useT();
  const navigate = useNavigate();
  const signedIn = useStore((s) => s.currentUserId !== null);
  const [code, setCode] = useState((fromLink ?? "").toUpperCase());
  const [name, setName] = useState("");
  const [session, setSession] = useState<QaSessionDto | null>(null);
  const [error, setError] = useState<MessageKey | null>(null);
  const joining = useAction<"named" | "anonymous">();
  const busy = joining.running;

  const announce = useEffectEvent((s: QaSessionDto) => onSession?.(s));
  // With the code in the address, show which session this is (and whether guests may join) at once.
  useEffect(() => {
    const parsed = JoinCode.safeParse((fromLink ?? "").toUpperCase());
    if (!parsed.success) return;
    const ctrl = { live: true };
    send(qaCommands.byCode, { code: parsed.data })
      .then(({ session: s }) => {
        if (!ctrl.live) return;
        setSession(s);
        announce(s);
      })
      .catch((err: unknown) => ctrl.live && setError(joinError(err)));
    return () => {
      ctrl.live = false;
    };
  }, [fromLink]);

  const join = async (anonymous: boolean) => {
    const parsed = JoinCode.safeParse(code.trim().toUpperCase());
    if (!parsed.success) {
      setError("qa.join.notFound");
      return;
    }
    setError(null);
    await joining.run(
      async () => {
        const trimmed = name.trim();
        let sessionId: string;
        if (signedIn) {
          // Members join as themselves (counted for the host's analytics); an older server without the
          // join endpoint still resolves the code.
          sessionId = await send(qaCommands.joinByCode, { code: parsed.data })
            .then((j) => j.session.id)
            .catch(() => send(qaCommands.byCode, { code: parsed.data }).then((b) => b.session.id));
        } else {
          const joined = await send(qaCommands.joinByCode, {
            code: parsed.data,
            ...(anonymous || !trimmed ? { anonymous: true } : { name: trimmed }),
          });
          sessionId = joined.session.id;
          // A new guest cookie only reaches the socket server at the next handshake.
          reconnectSocket();
        }
        void navigate(`/qa/${sessionId}`, { replace: Boolean(fromLink) });
      },
      (err) => setError(joinError(err)),
      { key: anonymous ? "anonymous" : "named", leaving: true },
    );
  };

  // A member following a link goes straight in, as before guests existed. Only the code in the
  // address (and who is signed in) triggers it, not each keystroke that changes `join`.
  const joinFromLink = useEffectEvent(() => void join(false));
  useEffect(() => {
    // eslint-disable-next-line react-hooks/set-state-in-effect -- a member following a join link goes in at once; `join` shows its progress
    if (signedIn && fromLink) joinFromLink();
  }, [fromLink, signedIn]);

  if (signedIn && fromLink && busy && !error) return <Spinner />;

  const guestsOff = !signedIn && session?.guests === "off";
  const next = session ? `/qa/${session.id}` : "/qa";

  return (
    <>
      {!signedIn && !guestsOff && <p className="page-lead">{t("qa.guest.lead")}</p>}
      <form
        className="qa-join__form"
        data-testid="qa-join-form"
        onSubmit={(e) => {
          e.preventDefault();
          void join(false);
        }}
      >
        {!fromLink && (
          <Field label={t("qa.join.code")} hint={t("qa.join.lead")}>
            {(control) => (
              <input
                {...control}
                className="input qa-join__input"
                value={code}
                maxLength={QA_LIMITS.joinCode.length}
                autoCapitalize="characters"
                autoComplete="off"
                spellCheck={false}
                inputMode="text"
                data-testid="qa-join-code-input"
                onChange={(e) => setCode(e.target.value.toUpperCase())}
              />
            )}
          </Field>
        )}
        {!signedIn && !guestsOff && (
          <Field label={t("qa.guest.name")} optionalText={t("ui.optional")}>
            {(control) => (
              <input
                {...control}
                className="input"
                value={name}
                maxLength={GUEST_LIMITS.name.max}
                autoComplete="nickname"
                placeholder={t("qa.guest.namePlaceholder")}
                data-testid="qa-join-name"
                onChange={(e) => setName(e.target.value)}
              />
            )}
          </Field>
        )}
        {error && (
          <p className="qa-join__error" role="alert" data-testid="qa-join-error">
            {t(error)}
          </p>
        )}
        {guestsOff ? (
          <p className="qa-join__off" data-testid="qa-join-off">
            {t("qa.guest.off")}
          </p>
        ) : (
          <div className="qa-join__actions">
            <Button
              type="submit"
              loading={busy === "named"}
              disabled={busy !== null}
              data-testid="qa-join-submit"
            >
              {t("qa.guest.join")}
            </Button>
            {!signedIn && (
              <Button
                variant="ghost"
                loading={busy === "anonymous"}
                disabled={busy !== null}
                onClick={() => void join(true)}
                data-testid="qa-join-anonymous"
              >
                {t("qa.guest.joinAnonymous")}
              </Button>
            )}
          </div>
        )}
      </form>
      {!signedIn && (
        <p className="qa-join__account">
          {t("qa.guest.haveAccount")}{" "}
          <Link
            to={`/login?next=${encodeURIComponent(fromLink ? `/qa/join/${fromLink}` : next)}`}
            data-testid="qa-join-signin"
          >
            {t("qa.guest.signIn")}
          </Link>
        </p>
      )}
    </>
  );
}

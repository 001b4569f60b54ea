import { Link } from "react-router";
import type { QaGuestsMode, QaSessionDto, QaViewerDto } from "@rembuk/shared";
import { useAction } from "../../components/form/useAction";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { qaErrorMessage } from "./qa.errors";

const MODES: QaGuestsMode[] = ["off", "watch", "participate"];

/** The host's per-session switch: guests without an account off, watching, or taking part. */
export function GuestsSetting({ session }: { session: QaSessionDto }) {
  const t = useT();
  const setGuests = useStore((s) => s.setQaGuests);
  const toast = useStore((s) => s.pushToast);
  const action = useAction();
  return (
    <label className="qa-guests-setting" title={t("qa.settings.guestsHint")}>
      <span className="qa-guests-setting__label">{t("qa.settings.guests")}</span>
      <select
        className="input input--sm"
        value={session.guests}
        disabled={action.busy || session.status === "ended"}
        data-testid="qa-guests-setting"
        onChange={(e) => {
          const mode = MODES.find((m) => m === e.target.value);
          if (!mode) return;
          void action.run(
            async () => {
              await setGuests(session.id, mode);
              toast({ tone: "success", message: "qa.settings.saved" });
            },
            (err) => toast({ tone: "error", message: qaErrorMessage(err) }),
          );
        }}
      >
        {MODES.map((m) => (
          <option key={m} value={m}>
            {t(`qa.settings.guests.${m}`)}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * What a visitor without an account is told under the header: who they are taking part as (and how to
 * keep their questions by signing in), that guests may only watch, or how to join / sign in.
 */
export function GuestBanner({ session, viewer }: { session: QaSessionDto; viewer: QaViewerDto }) {
  const t = useT();
  if (viewer.signedIn) return null;
  const here = `/qa/${session.id}`;
  const signIn = (
    <Link to={`/login?next=${encodeURIComponent(`${here}?claim=1`)}`} data-testid="qa-guest-claim">
      {t("qa.guest.claim")}
    </Link>
  );
  if (session.status === "ended") {
    // After the session a guest can still keep their questions (and follow-ups) in an account.
    return viewer.guest ? (
      <p className="qa-guest-banner" data-testid="qa-guest-banner">
        {signIn}
      </p>
    ) : null;
  }
  if (viewer.guest) {
    return (
      <p className="qa-guest-banner" data-testid="qa-guest-banner">
        <span>
          {viewer.guest.name ? t("qa.guest.as", { name: viewer.guest.name }) : t("qa.guest.asAnonymous")}
        </span>
        {session.guests === "watch" && (
          <span className="qa-guest-banner__note">{t("qa.guest.watchOnly")}</span>
        )}
        {signIn}
      </p>
    );
  }
  if (session.guests === "off") {
    return (
      <p className="qa-signin">
        {t("qa.page.signIn")}{" "}
        <Link to={`/login?next=${encodeURIComponent(here)}`}>{t("qa.page.signInLink")}</Link>
      </p>
    );
  }
  return (
    <p className="qa-guest-banner" data-testid="qa-guest-banner">
      <span>{t("qa.guest.joinToTakePart")}</span>
      <Link to={`/qa/join/${session.joinCode}`} data-testid="qa-guest-join">
        {t("qa.guest.joinNow")}
      </Link>
    </p>
  );
}

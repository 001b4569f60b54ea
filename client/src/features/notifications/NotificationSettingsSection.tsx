import { useEffect, useRef, useState, type FormEvent } from "react";
import { useLocation } from "react-router";
import { notificationCommands, type DigestFrequency, type NotificationSettingsDto } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { FormAlert } from "../../components/Field";
import { FormError } from "../../components/form/FormError";
import { useForm } from "../../components/form/useForm";
import { Skeleton } from "../../components/Skeleton";
import { useT } from "../../lib/i18n";
import { send } from "../../lib/send";
import "./notifications.css";

const DIGESTS: DigestFrequency[] = ["off", "daily", "weekly"];
const DIGEST_WORDS = {
  off: "notifications.settings.digest.off",
  daily: "notifications.settings.digest.daily",
  weekly: "notifications.settings.digest.weekly",
} as const;

/** The path the settings link in every notification email opens (this section, scrolled to). */
export const SETTINGS_PATH = "/account/notifications";

/**
 * Email for mentions and direct replies on or off, and the digest (off, daily, weekly: weekly unless
 * chosen). In-app notifications are not optional; watching decides what they are about.
 */
export function NotificationSettingsSection() {
  const t = useT();
  const form = useForm();
  const location = useLocation();
  const sectionRef = useRef<HTMLElement>(null);
  const [values, setValues] = useState<NotificationSettingsDto["email"] | null>(null);
  const [loadFailed, setLoadFailed] = useState(false);
  const [saved, setSaved] = useState(false);
  const linked = location.pathname === SETTINGS_PATH;

  useEffect(() => {
    const ctrl = new AbortController();
    send(notificationCommands.settings, {}, { signal: ctrl.signal }).then(
      ({ settings }) => setValues(settings.email),
      () => !ctrl.signal.aborted && setLoadFailed(true),
    );
    return () => ctrl.abort();
  }, []);

  // Opened from an email's settings link: this section is what the person came for.
  const ready = values !== null;
  useEffect(() => {
    if (linked && ready) sectionRef.current?.scrollIntoView({ block: "start" });
  }, [linked, ready]);

  const change = (patch: Partial<NotificationSettingsDto["email"]>) => {
    setSaved(false);
    setValues((v) => (v ? { ...v, ...patch } : v));
  };

  const onSubmit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (!values) return;
    const ok = await form.submit(async () => {
      const { settings } = await send(notificationCommands.updateSettings, { email: values });
      setValues(settings.email);
    });
    setSaved(ok);
  };

  return (
    <section
      ref={sectionRef}
      id="notifications"
      className="card account-section notif-settings"
      aria-labelledby="notif-settings-title"
      data-testid="notification-settings"
      tabIndex={-1}
    >
      <h2 id="notif-settings-title" className="card-title">
        {t("notifications.settings.title")}
      </h2>
      <p className="notif-settings__hint">{t("notifications.settings.lead")}</p>
      {loadFailed ? (
        <FormAlert>{t("notifications.settings.loadFailed")}</FormAlert>
      ) : !values ? (
        <div aria-busy="true">
          <Skeleton width="60%" />
          <Skeleton width="40%" />
        </div>
      ) : (
        <form className="form" noValidate onSubmit={(e) => void onSubmit(e)}>
          <FormError form={form} />
          <label className="notif-settings__check">
            <input
              type="checkbox"
              checked={values.mentions}
              onChange={(e) => change({ mentions: e.target.checked })}
              data-testid="notif-settings-mentions"
            />
            <span>
              {t("notifications.settings.mentions")}
              <span className="notif-settings__hint">{t("notifications.settings.mentions.hint")}</span>
            </span>
          </label>
          <fieldset className="fieldset">
            <legend className="field__label">{t("notifications.settings.digest")}</legend>
            <span className="notif-settings__hint">{t("notifications.settings.digest.hint")}</span>
            <div className="choice-group">
              {DIGESTS.map((d) => (
                <label key={d} className={values.digest === d ? "choice choice--checked" : "choice"}>
                  <input
                    type="radio"
                    name="digest"
                    value={d}
                    checked={values.digest === d}
                    onChange={() => change({ digest: d })}
                    data-testid={`notif-settings-digest-${d}`}
                  />
                  {t(DIGEST_WORDS[d])}
                </label>
              ))}
            </div>
          </fieldset>
          <div className="form__actions">
            <Button type="submit" loading={form.busy} data-testid="notif-settings-save">
              {t("notifications.settings.save")}
            </Button>
          </div>
          {saved && (
            <p className="form-alert form-alert--info" role="status" data-testid="notif-settings-saved">
              {t("notifications.settings.saved")}
            </p>
          )}
        </form>
      )}
    </section>
  );
}

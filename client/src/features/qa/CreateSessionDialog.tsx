import { useState } from "react";
import { useNavigate } from "react-router";
import { QA_LIMITS, type Locale, type QaGuestsMode } from "@rembuk/shared";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { useAction } from "../../components/form/useAction";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { qaErrorMessage } from "./qa.errors";

const GUEST_MODES: QaGuestsMode[] = ["off", "watch", "participate"];

/** A new Q&A session in a room: title, description, start, moderation, anonymity, guests, language. */
export function CreateSessionDialog({ slug, onClose }: { slug: string; onClose: () => void }) {
  const t = useT();
  const navigate = useNavigate();
  const create = useStore((s) => s.createQaSession);
  const toast = useStore((s) => s.pushToast);
  const [title, setTitle] = useState("");
  const [description, setDescription] = useState("");
  const [startsAt, setStartsAt] = useState("");
  const [moderated, setModerated] = useState(true);
  const [allowAnonymous, setAllowAnonymous] = useState(true);
  const [guests, setGuests] = useState<QaGuestsMode>("off");
  const uiLocale = useStore((s) => s.locale);
  const [locale, setLocale] = useState<Locale>(uiLocale);
  const creating = useAction();
  const valid = title.trim().length >= QA_LIMITS.sessionTitle.min;

  const submit = async () => {
    if (!valid) return;
    await creating.run(
      async () => {
        const session = await create(slug, {
          title: title.trim(),
          description: description.trim() || undefined,
          startsAt: startsAt ? new Date(startsAt).toISOString() : undefined,
          moderated,
          allowAnonymous,
          guests,
          locale,
        });
        onClose();
        void navigate(`/qa/${session.id}`);
      },
      (err) => toast({ tone: "error", message: qaErrorMessage(err) }),
      { leaving: true },
    );
  };

  return (
    <Dialog
      open
      title={t("qa.create.title")}
      onClose={onClose}
      testId="qa-create-dialog"
      footer={
        <>
          <Button variant="ghost" onClick={onClose}>
            {t("qa.create.cancel")}
          </Button>
          <Button
            type="submit"
            form="qa-create-form"
            disabled={!valid}
            loading={creating.busy}
            data-testid="qa-create-submit"
          >
            {t("qa.create.submit")}
          </Button>
        </>
      }
    >
      <form
        id="qa-create-form"
        className="qa-create"
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Field label={t("qa.create.name")}>
          {(c) => (
            <input
              {...c}
              className="input"
              value={title}
              maxLength={QA_LIMITS.sessionTitle.max}
              data-autofocus
              data-testid="qa-create-title"
              onChange={(e) => setTitle(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("qa.create.description")}>
          {(c) => (
            <textarea
              {...c}
              className="input qa-textarea"
              rows={2}
              value={description}
              maxLength={QA_LIMITS.sessionDescription.max}
              onChange={(e) => setDescription(e.target.value)}
            />
          )}
        </Field>
        <Field label={t("qa.create.startsAt")}>
          {(c) => (
            <input
              {...c}
              type="datetime-local"
              className="input"
              value={startsAt}
              onChange={(e) => setStartsAt(e.target.value)}
            />
          )}
        </Field>
        <label className="qa-check">
          <input
            type="checkbox"
            checked={moderated}
            onChange={(e) => setModerated(e.target.checked)}
            data-testid="qa-create-moderated"
          />
          <span>
            {t("qa.create.moderated")}
            <span className="qa-check__hint">{t("qa.create.moderatedHint")}</span>
          </span>
        </label>
        <label className="qa-check">
          <input
            type="checkbox"
            checked={allowAnonymous}
            onChange={(e) => setAllowAnonymous(e.target.checked)}
            data-testid="qa-create-anonymous"
          />
          <span>
            {t("qa.create.anonymous")}
            <span className="qa-check__hint">{t("qa.create.anonymousHint")}</span>
          </span>
        </label>
        <Field label={t("qa.settings.guests")} hint={t("qa.settings.guestsHint")}>
          {(c) => (
            <select
              {...c}
              className="input"
              value={guests}
              data-testid="qa-create-guests"
              onChange={(e) => setGuests(GUEST_MODES.find((m) => m === e.target.value) ?? "off")}
            >
              {GUEST_MODES.map((m) => (
                <option key={m} value={m}>
                  {t(`qa.settings.guests.${m}`)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field label={t("qa.create.locale")}>
          {(c) => (
            <select
              {...c}
              className="input"
              value={locale}
              data-testid="qa-create-locale"
              onChange={(e) => setLocale(e.target.value === "en" ? "en" : "id")}
            >
              <option value="id">{t("shell.lang.id")}</option>
              <option value="en">{t("shell.lang.en")}</option>
            </select>
          )}
        </Field>
      </form>
    </Dialog>
  );
}

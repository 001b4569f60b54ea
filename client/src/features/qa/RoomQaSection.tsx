import { useEffect, useState } from "react";
import { Link, useNavigate } from "react-router";
import { QA_LIMITS, type Locale, type QaGuestsMode, type QaSessionDto } from "@rembuk/shared";

import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { Field } from "../../components/Field";
import { useAction } from "../../components/form/useAction";
import { MicIcon } from "../../components/icons";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { qaErrorMessage } from "./qa.errors";
import { qaSelectors } from "./qa.slice";
import { StatusBadge } from "./StatusBadge";
import "./qa.css";

const GUEST_MODES: QaGuestsMode[] = ["off", "watch", "participate"];

/** Live and upcoming first, then the ended ones (newest first within each). */
const ORDER: Record<QaSessionDto["status"], number> = { live: 0, scheduled: 1, ended: 2 };

/** The room page's Q&A block: its sessions, and "New session" for those who may host one. */
export function RoomQaSection({ slug, canCreate }: { slug: string; canCreate: boolean }) {
  const t = useT();
  const f = useFormat();
  const ids = useStore(qaSelectors.roomSessions(slug));
  const byId = useStore((s) => s.qaSessionsById);
  const loadRoomQa = useStore((s) => s.loadRoomQa);
  const [creating, setCreating] = useState(false);

  useEffect(() => {
    void loadRoomQa(slug).catch(() => undefined);
  }, [slug, loadRoomQa]);

  const sessions = (ids ?? [])
    .map((id) => byId[id])
    .filter((s): s is QaSessionDto => Boolean(s))
    .sort((a, b) => ORDER[a.status] - ORDER[b.status]);

  return (
    <section className="qa-room" aria-labelledby="qa-room-title" data-testid="qa-room-section">
      <div className="qa-room__head">
        <h2 id="qa-room-title" className="qa-section-title">
          <MicIcon /> {t("qa.section.title")}
        </h2>
        {canCreate && (
          <Button
            size="sm"
            variant="secondary"
            onClick={() => setCreating(true)}
            data-testid="qa-create-open"
          >
            {t("qa.section.create")}
          </Button>
        )}
      </div>
      {ids && sessions.length === 0 && <p className="qa-empty">{t("qa.section.empty")}</p>}
      {sessions.length > 0 && (
        <ul className="qa-room__list">
          {sessions.map((s) => (
            <li key={s.id}>
              <Link to={`/qa/${s.id}`} className="qa-room__item" data-testid="qa-session-link">
                <span className="qa-room__title">{s.title}</span>
                <span className="qa-room__meta">
                  <StatusBadge status={s.status} />
                  {s.status === "scheduled" && s.startsAt && (
                    <span>{t("qa.section.startsAt", { when: f.dateTime(s.startsAt) })}</span>
                  )}
                  <span>
                    {t("qa.section.questions", {
                      count: f.number(s.questionCount),
                      answered: f.number(s.answeredCount),
                    })}
                  </span>
                </span>
              </Link>
            </li>
          ))}
        </ul>
      )}
      {creating && <CreateSessionDialog slug={slug} onClose={() => setCreating(false)} />}
    </section>
  );
}

function CreateSessionDialog({ slug, onClose }: { slug: string; onClose: () => void }) {
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

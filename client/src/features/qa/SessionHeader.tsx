import { lazy, Suspense, useState } from "react";
import { Link } from "react-router";
import { qaCommands, type QaSessionDto } from "@rembuk/shared";
import { Button, buttonClass } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { useAction } from "../../components/form/useAction";
import { useFormat } from "../../lib/format";
import { useT } from "../../lib/i18n";
import { useStore } from "../../store";
import { OfficeMark } from "../users";
import { GuestsSetting } from "./GuestControls";
import { commandUrl } from "../../lib/send";
import { qaErrorMessage } from "./qa.errors";
import { sessionLink, StatusBadge } from "./StatusBadge";

// A host's tool in a chunk of its own: participants on a phone never download it.
const ParticipantsDialog = lazy(() =>
  import("./ParticipantsDialog").then((m) => ({ default: m.ParticipantsDialog })),
);

/**
 * The session's header: status, title, hosts and the join code for everyone; for hosts and
 * moderators the controls (go live, end, projector, export, analytics, participants, guests).
 */
export function SessionHeader({ session, moderator }: { session: QaSessionDto; moderator: boolean }) {
  const t = useT();
  const f = useFormat();
  const setStatus = useStore((s) => s.setQaStatus);
  const toast = useStore((s) => s.pushToast);
  const statusAction = useAction();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const [showParticipants, setShowParticipants] = useState(false);

  const change = (status: "live" | "ended") =>
    statusAction.run(
      async () => {
        await setStatus(session.id, status);
        setConfirmEnd(false);
      },
      (err) => toast({ tone: "error", message: qaErrorMessage(err) }),
    );
  const copy = () => {
    void navigator.clipboard
      ?.writeText(sessionLink(session.joinCode))
      .then(() => toast({ tone: "success", message: "qa.page.copied" }));
  };

  return (
    <header className="page-header qa-header">
      <div className="qa-header__top">
        <StatusBadge status={session.status} />
        {session.startsAt && session.status === "scheduled" && (
          <span className="qa-header__when">
            {t("qa.section.startsAt", { when: f.dateTime(session.startsAt) })}
          </span>
        )}
      </div>
      <h1 className="page-title" data-testid="qa-title">
        {session.title}
      </h1>
      {session.hosts.length > 0 && (
        <p className="qa-header__hosts" data-testid="qa-hosts">
          {t("qa.page.hostsLabel")}{" "}
          {session.hosts.map((h, i) => (
            <span key={h.id} className="qa-header__host">
              {i > 0 && ", "}
              {h.title ? `${h.name} (${h.title})` : h.name} <OfficeMark person={h} />
            </span>
          ))}
        </p>
      )}
      {session.description && <p className="page-lead">{session.description}</p>}
      <div className="qa-header__bar">
        <div className="qa-code" data-testid="qa-join-code">
          <span className="qa-code__label">{t("qa.page.code")}</span>
          <span className="qa-code__value">{session.joinCode}</span>
        </div>
        <Button size="sm" variant="ghost" onClick={copy} data-testid="qa-copy-link">
          {t("qa.page.copyLink")}
        </Button>
        {moderator && (
          <div className="qa-header__mod">
            {session.status === "scheduled" && (
              <Button
                size="sm"
                onClick={() => void change("live")}
                loading={statusAction.busy}
                data-testid="qa-go-live"
              >
                {t("qa.page.goLive")}
              </Button>
            )}
            {session.status !== "ended" && (
              <Button size="sm" variant="danger" onClick={() => setConfirmEnd(true)} data-testid="qa-end">
                {t("qa.page.end")}
              </Button>
            )}
            <a
              className={buttonClass("secondary", "sm")}
              href={`/qa/${session.id}/projector`}
              target="_blank"
              rel="noopener"
              data-testid="qa-projector-link"
            >
              {t("qa.page.projector")}
            </a>
            <a
              className={buttonClass("ghost", "sm")}
              href={commandUrl(qaCommands.exportCsv, { sessionId: session.id })}
              download
              data-testid="qa-export"
            >
              {t("qa.page.export")}
            </a>
            <Link
              className={buttonClass("ghost", "sm")}
              to={`/qa/${session.id}/analytics`}
              data-testid="qa-analytics-link"
            >
              {t("qa.analytics.open")}
            </Link>
            <Button
              size="sm"
              variant="ghost"
              onClick={() => setShowParticipants(true)}
              data-testid="qa-participants-open"
            >
              {t("qa.participants.open")}
            </Button>
          </div>
        )}
        {moderator && <GuestsSetting session={session} />}
      </div>
      {showParticipants && (
        <Suspense fallback={null}>
          <ParticipantsDialog sessionId={session.id} onClose={() => setShowParticipants(false)} />
        </Suspense>
      )}
      <Dialog
        open={confirmEnd}
        title={t("qa.page.endConfirm.title")}
        onClose={() => setConfirmEnd(false)}
        testId="qa-end-dialog"
        footer={
          <>
            <Button variant="ghost" onClick={() => setConfirmEnd(false)}>
              {t("qa.mod.cancel")}
            </Button>
            <Button
              variant="danger"
              loading={statusAction.busy}
              onClick={() => void change("ended")}
              data-testid="qa-end-confirm"
            >
              {t("qa.page.end")}
            </Button>
          </>
        }
      >
        <p>{t("qa.page.endConfirm.body", { host: session.hosts[0]?.name ?? "" })}</p>
      </Dialog>
    </header>
  );
}
